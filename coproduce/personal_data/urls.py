from django.urls import path

from . import views

app_name = "personal_data"

urlpatterns = [
    path("", views.your_data, name="your_data"),
    path("download/", views.export_request, name="export_request"),
    path("download/<str:token>/", views.export_download, name="download"),
    path("close/", views.close_account, name="close"),
    path("closed/", views.account_closed, name="closed"),
    path("subject-access/", views.subject_access, name="subject_access"),
]
