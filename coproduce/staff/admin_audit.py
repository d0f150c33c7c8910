"""Audit hooks for other apps' admin pages."""

from django.http import HttpRequest, HttpResponse

from .services import audit_record


class PersonalDataViewedMixin:
    """For the ModelAdmin of a record about a person: opening one in the admin is logged.

    Only a page that was shown (200) is logged, so a refused or missing record is not."""

    def change_view(
        self, request: HttpRequest, object_id, form_url="", extra_context=None
    ) -> HttpResponse:
        response = super().change_view(request, object_id, form_url, extra_context)
        if request.method == "GET" and response.status_code == 200:
            audit_record(
                actor=request.user,
                action="personal_data.viewed",
                target=f"{self.model._meta.model_name} {object_id}",
                detail={"where": "admin"},
            )
        return response
