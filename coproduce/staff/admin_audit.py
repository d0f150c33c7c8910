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


class SecondFactorAuditMixin:
    """For django-otp's device admins: adding, changing or removing a second factor there is
    logged, as setting one up through the site is. Removing a device lets an account sign
    in without it, so who did it and when must be on record."""

    def _record(self, request: HttpRequest, device, action: str) -> None:
        audit_record(
            actor=request.user,
            action=f"two_factor.device_{action}",
            target=f"person {device.user_id}",
            detail={"device": device.name, "kind": device._meta.model_name, "where": "admin"},
        )

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if not change:
            self._record(request, obj, "added")
        elif form.changed_data:
            self._record(request, obj, "changed")

    def delete_model(self, request: HttpRequest, obj) -> None:
        self._record(request, obj, "removed")
        super().delete_model(request, obj)

    def delete_queryset(self, request: HttpRequest, queryset) -> None:
        for device in queryset:
            self._record(request, device, "removed")
        super().delete_queryset(request, queryset)
