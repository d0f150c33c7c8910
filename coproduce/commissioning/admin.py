"""Service choice panels in the admin: read-only (every change goes through the services,
which check the rules and write the audit log). Bids' commercial details, dates of birth and
consent records are not shown here."""

from django.contrib import admin

from coproduce.common.admin_base import ReadOnlyAdmin

from .models import Bid, Criterion, Member, Panel


@admin.register(Panel)
class PanelAdmin(ReadOnlyAdmin):
    may_delete = False
    list_display = ["title", "status", "is_youth", "published_at", "decided_at"]
    list_filter = ["status", "is_youth"]
    search_fields = ["title"]
    fields = ["title", "why", "budget", "timetable", "status", "is_youth", "published_at"]


@admin.register(Criterion)
class CriterionAdmin(ReadOnlyAdmin):
    may_delete = False
    list_display = ["title", "panel", "weight"]
    fields = ["panel", "title", "description", "weight"]


@admin.register(Bid)
class BidAdmin(ReadOnlyAdmin):
    may_delete = False
    list_display = ["bidder", "panel", "created_at"]
    fields = ["panel", "bidder", "public_summary"]


@admin.register(Member)
class MemberAdmin(ReadOnlyAdmin):
    may_delete = False
    list_display = ["pk", "panel", "status", "joined_at", "submitted_at"]
    list_filter = ["status"]
    fields = ["panel", "status", "joined_at", "submitted_at"]
