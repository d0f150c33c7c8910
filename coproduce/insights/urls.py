from django.urls import path

from . import views

app_name = "insights"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("wards/<int:pk>/", views.ward, name="ward"),
    path("groups/", views.groups, name="groups"),
    path("go-to-people/", views.go_to_people, name="go_to_people"),
    path("people-by-ward.csv", views.people_by_ward_csv, name="people_by_ward_csv"),
]
