"""The admin site: offline records and the acting log, read-only where they are records."""

from django.contrib import admin

from .models import Act, Consent, OfflineResident, PaperSheet, WalkIns


class ConsentInline(admin.TabularInline):
    model = Consent
    extra = 0
    can_delete = False
    readonly_fields = ("taken_by", "taken_at", "how", "script", "agreed_to", "paper_sheet")

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(OfflineResident)
class OfflineResidentAdmin(admin.ModelAdmin):
    list_display = ("reference", "street", "ward", "contact_by", "created_at", "taken_over_at")
    list_filter = ("contact_by", "ward")
    raw_id_fields = ("user", "street", "registered_by", "champion")
    readonly_fields = ("user", "registered_by", "taken_over_at")
    inlines = [ConsentInline]


@admin.register(Act)
class ActAdmin(admin.ModelAdmin):
    """The log is append-only: it can be read here, never changed."""

    list_display = ("at", "kind", "resident", "target")
    list_filter = ("kind",)
    date_hierarchy = "at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(PaperSheet)
class PaperSheetAdmin(admin.ModelAdmin):
    list_display = ("pk", "kind", "event", "street", "rows_typed_in", "created_at")
    raw_id_fields = ("event", "street", "created_by")


@admin.register(WalkIns)
class WalkInsAdmin(admin.ModelAdmin):
    list_display = ("event", "count", "updated_at")
    raw_id_fields = ("event", "changed_by")
