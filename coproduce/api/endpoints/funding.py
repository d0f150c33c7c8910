"""Funding rounds: the council's rounds of sharing out support (money, officer or room hours),
on which residents propose and vote. Every round is public from when it is opened."""

from datetime import date

from django.db.models import Q
from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from coproduce.budgets import selectors
from coproduce.budgets.models import Round, Unit
from coproduce.budgets.stages import Stage

from ..common import Error, WardAndWordsForm, WardOut, checked, id_path, not_found, one_of
from ..paging import PageMeta, PagingQuery, paginate

router = Router(tags=["Funding rounds"])


class RoundOut(Schema):
    id: int
    title: str
    purpose: str
    budget: int
    unit: one_of(Unit)
    borough_wide: bool
    wards: list[WardOut]
    stage: one_of(Stage) = Field(description="Worked out from its dates, today, as on its page.")
    proposals_from: date
    proposals_until: date
    voting_from: date
    voting_until: date
    result_by: date
    url: str


class RoundDetail(RoundOut):
    most_a_proposal_may_cost: int | None
    who_may_propose: one_of(Round.WhoMayPropose)
    who_may_vote: one_of(Round.WhoMayVote)
    rule: one_of(Round.Rule)
    result_url: str | None = Field(description="Its result page, once the votes are counted.")


class RoundPage(PageMeta):
    results: list[RoundOut]


class RoundFilters(Schema):
    ward: str = Field(
        "",
        max_length=100,
        description="A ward's short name: rounds for that ward and for the whole borough.",
    )
    q: str = Field("", max_length=100, description="Words in the title or purpose.")


def _out(budget_round: Round) -> dict:
    return {
        "id": budget_round.pk,
        "title": budget_round.title,
        "purpose": budget_round.purpose,
        "budget": budget_round.budget,
        "unit": budget_round.unit,
        "borough_wide": budget_round.borough_wide,
        "wards": [{"slug": w.slug, "name": w.name} for w in budget_round.wards.all()],
        "stage": budget_round.stage_on(decided=budget_round.decided),
        "proposals_from": budget_round.proposals_from,
        "proposals_until": budget_round.proposals_until,
        "voting_from": budget_round.voting_from,
        "voting_until": budget_round.voting_until,
        "result_by": budget_round.result_by,
        "url": reverse("budgets:round_detail", args=[budget_round.pk]),
    }


@router.get("/funding-rounds/", response={200: RoundPage, 400: Error}, summary="Funding rounds")
def round_list(request: HttpRequest, paging: PagingQuery, filters: Query[RoundFilters]):
    """Every round, the latest voting first, as on the sharing out page."""
    asked = checked(WardAndWordsForm, filters.dict()).filters()
    rows = selectors.rounds_listed()
    if "ward" in asked:
        in_ward = Round.objects.filter(wards=asked["ward"]).values("pk")
        rows = rows.filter(Q(borough_wide=True) | Q(pk__in=in_ward))
    if "q" in asked:
        rows = rows.filter(Q(title__icontains=asked["q"]) | Q(purpose__icontains=asked["q"]))
    return paginate(request, rows, paging, lambda page: map(_out, page))


@router.get(
    "/funding-rounds/{pk}/", response={200: RoundDetail, 404: Error}, summary="One funding round"
)
def round_detail(request: HttpRequest, pk: int = id_path()):
    budget_round = selectors.round_detail(pk)
    if budget_round is None:
        raise not_found("funding round")
    return {
        **_out(budget_round),
        "most_a_proposal_may_cost": budget_round.most_a_proposal_may_cost,
        "who_may_propose": budget_round.who_may_propose,
        "who_may_vote": budget_round.who_may_vote,
        "rule": budget_round.rule,
        "result_url": reverse("budgets:result", args=[pk]) if budget_round.decided else None,
    }
