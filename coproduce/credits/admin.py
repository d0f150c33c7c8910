"""Time credits, shown to staff. Each is a posting in the time bank's ledger, given when an
owner confirms the time, so none is added, changed or removed by hand."""

from django.contrib import admin

from coproduce.common.admin_base import ReadOnlyAdmin
from coproduce.staff.admin_audit import PersonalDataViewedMixin

from .models import Credit


@admin.register(Credit)
class CreditAdmin(PersonalDataViewedMixin, ReadOnlyAdmin):
    may_delete = False
    list_display = ["pk", "title", "minutes", "group", "created_at"]
    list_select_related = ["group"]
    search_fields = ["title"]
    date_hierarchy = "created_at"
    raw_id_fields = ["person", "contribution", "event", "group", "transfer", "confirmed_by"]
