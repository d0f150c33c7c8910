"""Stories, shown to staff. They change only through their teller and the moderators' queue,
so nothing here is changed by hand."""

from django.contrib import admin

from coproduce.common.admin_base import ReadOnlyAdmin
from coproduce.staff.admin_audit import PersonalDataViewedMixin

from .models import Story


@admin.register(Story)
class StoryAdmin(PersonalDataViewedMixin, ReadOnlyAdmin):
    may_delete = False
    list_display = ["title", "status", "ward", "published_at"]
    list_filter = ["status"]
    list_select_related = ["ward"]
    search_fields = ["title"]
    raw_id_fields = ["teller", "ward", "place", "projects", "groups"]
