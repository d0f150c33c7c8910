from django.urls import path

from . import views

app_name = "services"

urlpatterns = [
    path("", views.service_list, name="list"),
    path("open-referral.json", views.open_referral_services, name="open_referral"),
    path(
        "open-referral/<uuid:uuid>.json",
        views.open_referral_service,
        name="open_referral_service",
    ),
    path("<uuid:uuid>/", views.service_detail, name="detail"),
    path("<int:pk>/", views.service_detail_by_number, name="detail_by_number"),
]
