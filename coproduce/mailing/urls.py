from django.urls import path

from . import views

app_name = "mailing"

urlpatterns = [
    path("", views.mailing_list, name="list"),
    path("<int:pk>/", views.mailing_detail, name="detail"),
]
