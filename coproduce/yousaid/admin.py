"""Council responses, shown to staff. They change only through the site's pages (services.py),
which keep each response's history, so none is added or changed here."""

from django.contrib import admin

from coproduce.common.admin_base import ReadOnlyAdmin

from .models import CouncilResponse, ResponseChange


class ResponseChangeInline(admin.TabularInline):
    model = ResponseChange
    fields = ["kind", "at", "by", "person", "fields"]
    readonly_fields = fields
    raw_id_fields = ["by", "person"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(CouncilResponse)
class CouncilResponseAdmin(ReadOnlyAdmin):
    may_delete = False
    list_display = ["pk", "item_title", "source", "status", "due_on", "ward", "created_at"]
    list_filter = ["status", "source"]
    list_select_related = ["ward"]
    search_fields = ["item_title", "will_change"]
    date_hierarchy = "created_at"
    raw_id_fields = ["service", "ward", "written_by", "owner", "owner_invited"]
    inlines = [ResponseChangeInline]
