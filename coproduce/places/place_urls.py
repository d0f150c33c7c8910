from django.urls import path

from . import place_views

app_name = "places_catalogue"

urlpatterns = [
    path("unloved/new/", place_views.unloved_space_new, name="unloved_space_new"),
    path("<int:pk>/", place_views.place_detail, name="place_detail"),
    path("<int:pk>/photos/add/", place_views.photo_add, name="photo_add"),
]
