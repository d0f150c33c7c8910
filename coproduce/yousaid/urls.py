from django.urls import path

from . import views

app_name = "yousaid"

urlpatterns = [
    path("", views.borough, name="list"),
    path("wards/<slug:slug>/", views.ward_list, name="ward"),
    path("services/<uuid:uuid>/", views.service_list, name="service"),
    path("new/<slug:source>/<int:item_id>/", views.record, name="record"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/update/", views.update, name="update"),
    path("<int:pk>/owner/", views.owner_invite, name="owner"),
    path("<int:pk>/owner/accept/", views.owner_answer, {"answer": "accept"}, name="accept"),
    path("<int:pk>/owner/decline/", views.owner_answer, {"answer": "decline"}, name="decline"),
]
