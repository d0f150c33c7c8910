from django.urls import path

from . import views

app_name = "opendata"

urlpatterns = [
    path("", views.index, name="index"),
    path("places.geojson", views.places_geojson, name="places_geojson"),
    path("places.csv", views.places_csv, name="places_csv"),
    path("people-by-ward.csv", views.people_by_ward_csv, name="people_by_ward_csv"),
]
