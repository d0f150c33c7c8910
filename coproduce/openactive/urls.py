from django.urls import path

from . import views

app_name = "openactive"

urlpatterns = [
    path("", views.dataset, name="dataset"),
    path("feeds/<slug:name>", views.feed, name="feed"),
]
