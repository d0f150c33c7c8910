from django.urls import path

from . import views

app_name = "subscriptions"

urlpatterns = [
    path("", views.start, name="start"),
    path("check-your-email/", views.check_email, name="check_email"),
    path("confirm/<str:token>/", views.confirm, name="confirm"),
    path("yours/", views.yours, name="yours"),
    path("manage/<str:token>/", views.manage, name="manage"),
    path("subscriptions/<int:pk>/", views.change, name="change"),
    path("subscriptions/<int:pk>/stop/", views.stop, name="stop"),
    path("unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("buckets/<str:topic>/", views.bucket, name="bucket"),
    path("buckets/<str:topic>/feed.atom", views.atom, name="atom"),
    path("buckets/<str:topic>/events.ics", views.ical, name="ical"),
    path("letters/", views.letters, name="letters"),
    path("letters/prepare/", views.letters_prepare, name="letters_prepare"),
    path("letters/<int:pk>/", views.letter_run, name="letter_run"),
    path("letters/<int:pk>/printed/", views.letter_run_printed, name="letter_run_printed"),
]
