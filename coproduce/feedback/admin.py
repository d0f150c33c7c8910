"""Feedback is shown here, never changed: answers go through the service's own pages."""

from django.contrib import admin

from coproduce.common.admin_base import ReadOnlyAdmin

from .models import Feedback


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyAdmin):
    list_display = ["pk", "service", "rating", "via", "created_at", "answered_at"]
    list_filter = ["rating", "via", "answer_is_public"]
    list_select_related = ["service"]
    # Who gave it and how to reach them are left off: the service sees a name only by choice.
    exclude = ["person", "contact_email"]
    raw_id_fields = ["service", "answered_by"]
    date_hierarchy = "created_at"
