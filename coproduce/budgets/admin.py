"""Rounds, proposals and results, shown to staff. Rounds are run, proposals checked and
results worked out through the site, where the rules and the published timetable hold;
ballots are secret and never shown here."""

from django.contrib import admin

from coproduce.common.admin_base import ReadOnlyAdmin

from .models import Proposal, Result, ResultLine, Round


@admin.register(Round)
class RoundAdmin(ReadOnlyAdmin):
    may_delete = False
    list_display = ["title", "budget", "unit", "rule", "voting_from", "voting_until"]
    list_filter = ["rule", "ballot", "who_may_vote"]
    search_fields = ["title"]
    date_hierarchy = "voting_from"


@admin.register(Proposal)
class ProposalAdmin(ReadOnlyAdmin):
    may_delete = False
    list_display = ["title", "budget_round", "cost", "status", "ward"]
    list_filter = ["status", "theme"]
    search_fields = ["title"]
    list_select_related = ["budget_round", "ward"]


class ResultLineInline(admin.TabularInline):
    model = ResultLine
    fields = ["proposal", "votes", "selected", "chosen_order", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Result)
class ResultAdmin(ReadOnlyAdmin):
    may_delete = False
    list_display = ["budget_round", "rule", "budget", "spent", "voters", "worked_out_at"]
    inlines = [ResultLineInline]
