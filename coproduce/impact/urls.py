from django.urls import path

from . import views

app_name = "impact"

urlpatterns = [
    path("", views.borough, name="borough"),
    path("wards/<int:pk>/", views.ward, name="ward"),
    path("<slug:figure>.csv", views.borough_csv, name="borough_csv"),
    path("wards/<int:pk>/<slug:figure>.csv", views.ward_csv, name="ward_csv"),
    path("officers/", views.officer_borough, name="officer_borough"),
    path("officers/wards/<int:pk>/", views.officer_ward, name="officer_ward"),
    path("officers/<slug:figure>.csv", views.officer_borough_csv, name="officer_borough_csv"),
    path(
        "officers/wards/<int:pk>/<slug:figure>.csv",
        views.officer_ward_csv,
        name="officer_ward_csv",
    ),
]
