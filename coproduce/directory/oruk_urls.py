from django.urls import path

from . import oruk_views

app_name = "open_referral"

urlpatterns = [
    path("", oruk_views.api_root, name="root"),
    path("services", oruk_views.services, name="services"),
    path("services/<str:id>", oruk_views.service, name="service"),
]
