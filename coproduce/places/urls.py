from django.urls import path

from . import views

app_name = "places_catalogue"

urlpatterns = [
    path("unloved/new/", views.unloved_space_new, name="unloved_space_new"),
    path("<int:pk>/", views.place_detail, name="place_detail"),
    path("<int:pk>/photos/add/", views.photo_add, name="photo_add"),
]
