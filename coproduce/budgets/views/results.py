"""The result of a round: why each proposal won or lost, a chart and table, and a CSV file."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, refusal_to_message

from .. import permissions, selectors, wording
from ..services import results as services
from ..stages import Stage
from .common import get_round, stage_context

RESULT_CACHE_SECONDS = 24 * 60 * 60


def _lines(budget_round, result) -> list:
    lines = list(result.lines.all())
    detail_url = reverse("budgets:proposal_detail", args=[0]).removesuffix("0/")
    project_url = reverse("projects:detail", args=[0]).removesuffix("0/")
    for line in lines:
        line.why = wording.explain(
            selected=line.selected,
            reason=line.reason,
            votes=line.votes,
            detail=line.detail,
            unit=budget_round.unit,
        )
        line.cost_words = wording.amount(line.proposal.cost, budget_round.unit)
        # One reverse() for all: the same path with each proposal's number in it.
        line.url = f"{detail_url}{line.proposal_id}/"
        project_id = line.proposal.project_id
        line.project_url = f"{project_url}{project_id}/" if project_id else ""
    return lines


def _result_body(request, budget_round) -> str:
    """The result's part of the page. A result never changes once worked out, so it is
    rendered once per language and kept in the cache (a day), which keeps the page fast
    however many proposals the round had."""
    key = f"budgets:result:{budget_round.pk}:{get_language()}"
    body = cache.get(key)
    if body is not None:
        return body
    found = selectors.result_of(budget_round)
    if found is None:
        return ""
    lines = _lines(budget_round, found)
    by_votes = sorted(lines, key=lambda line: (-line.votes, line.proposal_id))
    unit = budget_round.unit
    body = render_to_string(
        "budgets/_result_body.html",
        {
            "round": budget_round,
            "result": found,
            "chosen": [line for line in lines if line.selected],
            "by_votes": by_votes,
            "chart_rows": [(li.proposal.title, li.votes, li.selected) for li in by_votes],
            "budget_words": wording.amount(budget_round.budget, unit),
            "spent_words": wording.amount(found.spent, unit),
            "rule_explained": wording.rule_explained(found.rule),
        },
        request=request,
    )
    cache.set(key, body, RESULT_CACHE_SECONDS)
    return body


@require_GET
def result(request, pk: int) -> HttpResponse:
    budget_round = get_round(pk)
    context = stage_context(budget_round)
    stage = context["stage"]
    return render(
        request,
        "budgets/result.html",
        context
        | {
            "round": budget_round,
            "body": _result_body(request, budget_round) if stage is Stage.DECIDED else "",
            "may_work_out": stage is Stage.COUNTING and permissions.runs_rounds(request.user),
            "ballots": selectors.ballot_count(budget_round) if stage is Stage.COUNTING else None,
        },
    )


@require_GET
def result_csv(request, pk: int) -> HttpResponse:
    budget_round = get_round(pk)
    found = selectors.result_of(budget_round)
    if found is None:
        raise Http404
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="round-{budget_round.pk}-result.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["proposal", "title", "ward", "cost", "unit", "votes", "chosen", "order chosen", "why"]
    )
    for line in _lines(budget_round, found):
        proposal = line.proposal
        writer.writerow(
            [
                proposal.pk,
                _safe(proposal.title),
                _safe(proposal.ward.name) if proposal.ward_id else "",
                proposal.cost,
                budget_round.unit,
                line.votes,
                "yes" if line.selected else "no",
                line.chosen_order or "",
                line.why,
            ]
        )
    return response


def _safe(text: str) -> str:
    """Text a spreadsheet will not run as a formula."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
@require_POST
def result_work_out(request, pk: int) -> HttpResponse:
    if not permissions.runs_rounds(request.user):
        raise PermissionDenied(_("Only council officers can work out a result."))
    budget_round = get_round(pk)
    limits.check(request, "round_result")  # each one invites the winners' proposers
    with refusal_to_message(request, let_through=NotAllowed):
        services.result_work_out(budget_round=budget_round, by=request.user)
        messages.success(
            request,
            _("The result has been worked out. Each chosen proposal is now a project."),
        )
    return redirect("budgets:result", pk=budget_round.pk)
