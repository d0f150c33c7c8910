from django.contrib import admin

from coproduce.common.admin_base import ReadOnlyAdmin

from .models import JobRun


@admin.register(JobRun)
class JobRunAdmin(ReadOnlyAdmin):
    list_display = ["job", "slot", "started_at", "finished_at", "succeeded", "runner"]
    list_filter = ["job", "succeeded"]
    date_hierarchy = "slot"
