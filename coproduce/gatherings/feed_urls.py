"""Calendar feeds; gatherings/urls.py adds these to the app's patterns."""

from django.urls import path

from .views import feeds

urlpatterns = [
    path("events/<int:pk>/event.ics", feeds.event_ics, name="event_ics"),
    path("series/<slug:slug>/calendar.ics", feeds.series_ics, name="series_ics"),
    path("places/<int:pk>/calendar.ics", feeds.place_ics, name="place_ics"),
    path("calendar/", feeds.my_calendar, name="my_calendar"),
    path("calendar/<str:token>.ics", feeds.person_ics, name="person_ics"),
]
