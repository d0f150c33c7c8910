from django.contrib import admin

from .models import NewsPost


@admin.register(NewsPost)
class NewsPostAdmin(admin.ModelAdmin):
    """Read only: news is written, published and withdrawn on the site (news/services.py), so
    its bucket item and its mailing always agree with it."""

    list_display = ["title", "status", "audience", "send_email", "published_at", "publish_at"]
    list_filter = ["status", "audience", "send_email"]
    search_fields = ["title", "summary"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
