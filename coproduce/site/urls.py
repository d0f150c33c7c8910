from django.urls import path

from .views import pages, wards

app_name = "site"

urlpatterns = [
    path("", pages.home, name="home"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("privacy/", pages.privacy, name="privacy"),
    path("cookies/", pages.cookies, name="cookies"),
    path("exchange/", pages.exchange, name="exchange"),
    path("decide/", pages.decide, name="decide"),
    path("keep-in-touch/", pages.keep_in_touch, name="keep_in_touch"),
    path("wards/", wards.ward_list, name="ward_list"),
    path("wards/<slug:slug>/", wards.ward_detail, name="ward_detail"),
]
