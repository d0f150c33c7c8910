"""Mystery shopping, shown to staff, read-only: every change goes through the services, so
consent, the expense limit and the audit log hold."""

from django.contrib import admin

from coproduce.common.admin_base import ReadOnlyAdmin
from coproduce.staff.admin_audit import PersonalDataViewedMixin

from .models import Expense, Programme, Shopper, Visit


@admin.register(Programme)
class ProgrammeAdmin(ReadOnlyAdmin):
    list_display = ["title", "status", "starts_on", "ends_on"]
    list_filter = ["status"]
    search_fields = ["title"]
    raw_id_fields = ["owner", "credit_group"]


@admin.register(Shopper)
class ShopperAdmin(PersonalDataViewedMixin, ReadOnlyAdmin):
    list_display = ["pk", "programme", "agreed_at", "supporter_kind", "has_left"]
    list_select_related = ["programme"]
    raw_id_fields = ["programme", "person"]


@admin.register(Visit)
class VisitAdmin(PersonalDataViewedMixin, ReadOnlyAdmin):
    list_display = ["pk", "programme", "service", "how", "due_on", "done_on", "way"]
    list_select_related = ["programme", "service"]
    list_filter = ["way", "how"]
    raw_id_fields = ["programme", "shopper", "service", "assigned_by", "entered_by"]


@admin.register(Expense)
class ExpenseAdmin(PersonalDataViewedMixin, ReadOnlyAdmin):
    list_display = ["pk", "amount", "status", "created_at"]
    list_filter = ["status"]
    raw_id_fields = ["visit", "decided_by"]
