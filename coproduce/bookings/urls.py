from django.urls import path

from . import views

app_name = "bookings"

urlpatterns = [
    path("", views.space_list, name="list"),
    path("spaces/<int:pk>/", views.space_detail, name="space"),
    path("rooms/<int:pk>/request/", views.booking_create, name="request"),
    path("rooms/<int:pk>/book", views.booking_api, name="api_book"),
    path("rooms/<int:pk>/calendar.ics", views.room_calendar, name="calendar"),
    path("mine/", views.my_bookings, name="mine"),
    path("manage/", views.manager_queue, name="queue"),
    path("manage/use/", views.utilisation, name="utilisation"),
    path("<int:pk>/cancel/", views.booking_cancel, name="cancel"),
    path("<int:pk>/decide/", views.booking_decide, name="decide"),
]
