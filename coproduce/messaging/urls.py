from django.urls import path

from . import views

app_name = "messaging"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.thread, name="thread"),
    path("<int:pk>/open/", views.thread_open, name="open"),
    path("<int:pk>/read/", views.thread_read, name="read"),
    path("<int:pk>/share-email/", views.email_share, name="share_email"),
    path("new/<slug:topic>/<int:pk>/", views.thread_new, name="new"),
    path("new/<slug:topic>/<int:pk>/to/<int:member>/", views.thread_new_to, name="new_to"),
]
