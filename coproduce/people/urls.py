from django.urls import path

from . import views

app_name = "people"

urlpatterns = [
    path("me/", views.my_profile, name="me"),
    path("me/edit/", views.edit_profile, name="edit"),
    path("me/as/<slug:relation>/", views.preview, name="preview"),
    path("<int:pk>/", views.person, name="detail"),
]
