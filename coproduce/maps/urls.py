from django.urls import path

from . import views

app_name = "maps"

urlpatterns = [
    path("map/", views.map_page, name="map"),
    path("api/map/features", views.features, name="features"),
]
