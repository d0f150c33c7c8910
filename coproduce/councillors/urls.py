from django.urls import path

from . import views

app_name = "councillors"

urlpatterns = [
    path("manage/", views.manage, name="manage"),
    path("mine/", views.mine, name="mine"),
    path("wards/<slug:slug>/", views.ward_page, name="ward"),
    path("wards/<slug:slug>/ask/", views.ask, name="ask"),
    path("questions/<int:pk>/answer/", views.answer, name="answer"),
    path("seats/<int:pk>/accept/", views.seat_accept, name="seat_accept"),
    path("seats/<int:pk>/decline/", views.seat_decline, name="seat_decline"),
    path("seats/<int:pk>/step-down/", views.seat_step_down, name="seat_step_down"),
    path("seats/<int:pk>/surgeries/new/", views.surgery_new, name="surgery_new"),
]
