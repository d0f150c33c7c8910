from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from coproduce.common.errors import Refusal

from .models import BarrierTheme, Event, Series
from .services.barriers import barrier_themes_merge


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "group"]
    search_fields = ["title"]
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["organisers"]


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    """Read-mostly: places, the waiting list and notifications change only through the site,
    so the counts and the people told stay right."""

    list_display = ["title", "kind", "starts_at", "status", "capacity", "confirmed_count"]
    list_filter = ["kind", "status"]
    search_fields = ["title"]
    readonly_fields = [
        "starts_at",
        "ends_at",
        "capacity",
        "access_provisions",
        "status",
        "confirmed_count",
        "waiting_count",
        "sequence",
    ]
    raw_id_fields = ["place", "series", "group", "created_by"]
    filter_horizontal = ["organisers"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(BarrierTheme)
class BarrierThemeAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    actions = ["merge"]

    @admin.action(description=_("Merge into the entry with the most barriers"))
    def merge(self, request, queryset):
        """Entries found to be one barrier: every link moves to the most used of them."""
        themes = list(queryset.annotate(n=Count("barriers")).order_by("-n", "pk"))
        if len(themes) < 2:
            self.message_user(request, _("Choose two or more entries."), messages.ERROR)
            return
        keep = themes[0]
        try:
            for other in themes[1:]:
                barrier_themes_merge(keep=keep, merge=other, by=request.user)
        except Refusal as refusal:
            self.message_user(request, str(refusal), messages.ERROR)
            return
        self.message_user(request, _("Merged into %(name)s.") % {"name": keep.name})
