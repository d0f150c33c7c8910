"""Councillors' seats, surgeries and questions, shown to staff. Seats are offered, accepted
and ended only through the pages (so the person says yes, and the role follows); questions
are hidden through moderation. Nothing here is changed by hand."""

from django.contrib import admin

from coproduce.common.admin_base import ReadOnlyAdmin
from coproduce.staff.admin_audit import PersonalDataViewedMixin

from .models import Question, Seat, Surgery


@admin.register(Seat)
class SeatAdmin(PersonalDataViewedMixin, ReadOnlyAdmin):
    may_delete = False
    list_display = ["public_name", "ward", "party", "role", "status", "accepted_at"]
    list_filter = ["status"]
    list_select_related = ["ward"]
    search_fields = ["public_name", "party", "ward__name"]
    raw_id_fields = ["person", "ward", "offered_by"]


@admin.register(Surgery)
class SurgeryAdmin(ReadOnlyAdmin):
    may_delete = False
    list_display = ["pk", "seat", "event", "created_at"]
    list_select_related = ["seat", "event"]
    raw_id_fields = ["seat", "event"]


@admin.register(Question)
class QuestionAdmin(PersonalDataViewedMixin, ReadOnlyAdmin):
    may_delete = False
    list_display = ["pk", "seat", "created_at", "answered_at"]
    list_select_related = ["seat"]
    search_fields = ["body", "answer"]
    date_hierarchy = "created_at"
    raw_id_fields = ["seat", "asker", "answered_by"]
