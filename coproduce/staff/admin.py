from django.contrib import admin

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
