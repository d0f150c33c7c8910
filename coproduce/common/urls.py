from django.urls import path

from .views import branding, health, writing

# Only endpoints that need no other app: the pages people visit are in coproduce.site.
app_name = "common"

urlpatterns = [
    path("branding.css", branding.branding_css, name="branding_css"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("writing/advice", writing.plain_language_advice, name="plain_language_advice"),
]
