from django.urls import path

from . import views

app_name = "places_catalogue"

urlpatterns = [
    path("<int:pk>/", views.place_detail, name="place_detail"),
]
