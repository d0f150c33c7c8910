from django.contrib import admin

from .admin_audit import SecondFactorAuditMixin
from .models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    """The log read in the admin: nothing can be added, changed or removed here."""

    list_display = ["when", "actor_email", "action", "target"]
    list_filter = ["action"]
    search_fields = ["actor_email", "action", "target"]
    date_hierarchy = "when"
    readonly_fields = ["when", "actor", "actor_email", "action", "target", "detail"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


def _audit_second_factor_admins() -> None:
    """Put the audit on django-otp's own device admins. Importing their modules registers
    them (before the admin's autodiscovery would), so they are swapped here, once."""
    from django_otp.plugins.otp_static.admin import StaticDeviceAdmin
    from django_otp.plugins.otp_static.models import StaticDevice
    from django_otp.plugins.otp_totp.admin import TOTPDeviceAdmin
    from django_otp.plugins.otp_totp.models import TOTPDevice

    for model, base in ((TOTPDevice, TOTPDeviceAdmin), (StaticDevice, StaticDeviceAdmin)):
        current = admin.site._registry.get(model)
        if isinstance(current, SecondFactorAuditMixin):
            continue
        if current is not None:
            admin.site.unregister(model)
        admin.site.register(model, type(base.__name__, (SecondFactorAuditMixin, base), {}))


_audit_second_factor_admins()
