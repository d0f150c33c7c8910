from django.urls import path

from . import views
from .main import api

urlpatterns = [
    path("", views.index, name="api_index"),
    path("", api.urls),
]
