from django.urls import path

from . import views
from .main import api

urlpatterns = [
    path("", views.index, name="api_index"),
    path("reference/", views.reference, name="api_reference"),
    path("", api.urls),
]
