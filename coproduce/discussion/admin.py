from django.contrib import admin

from .models import Comment, ModerationAction, Report


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["pk", "project", "author", "created_at", "is_hidden"]
    list_filter = ["is_hidden"]
    raw_id_fields = ["project", "author", "parent"]
    readonly_fields = ["is_hidden", "hidden_reason"]  # hide and restore through moderation


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["pk", "reason", "status", "created_at"]
    list_filter = ["status", "reason"]
    raw_id_fields = ["comment", "project", "reporter", "resolved_by"]


@admin.register(ModerationAction)
class ModerationActionAdmin(admin.ModelAdmin):
    """Read only: the log is never edited or deleted."""

    list_display = ["created_at", "moderator", "action", "target", "target_id"]
    list_filter = ["action", "target"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
