from django.urls import path

from .views import branding, health, pages, writing

app_name = "common"

urlpatterns = [
    path("", pages.home, name="home"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("privacy/", pages.privacy, name="privacy"),
    path("cookies/", pages.cookies, name="cookies"),
    path("exchange/", pages.exchange, name="exchange"),
    path("branding.css", branding.branding_css, name="branding_css"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("writing/advice", writing.plain_language_advice, name="plain_language_advice"),
]
