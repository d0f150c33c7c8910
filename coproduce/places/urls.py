from django.urls import path
from django.views.generic import TemplateView

app_name = "places"

urlpatterns = [
    path("", TemplateView.as_view(template_name="base.html"), name="ward_list"),
    path("<slug:slug>/", TemplateView.as_view(template_name="base.html"), name="ward_detail"),
]
