"""Sharing out support in the demo borough: a part of the demo borough (coproduce/demo/parts/).

Two rounds:

- "Neighbourhood plans support", £10,000 for three wards, voting closed: proposals (some not
  eligible, with the reason given), ballots from demo residents of the three wards, and the
  result worked out by equal shares through the service, so its winners become projects and
  their proposers are asked to own them.
- "Room hours for groups", 120 room hours for the whole borough, voting open now, so anyone
  signed in can try voting.

`build(ctx)` after people, demo accounts, groups and projects; `clear()` before them.
Proposals and ballots go in with bulk_create (made-up people did not press buttons); the
result goes through `result_work_out`, the one writer of results and of the projects they make.
"""

import random
from datetime import timedelta

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.budgets.models import (
    Ballot,
    BallotChoice,
    Proposal,
    Round,
    RoundOwner,
)
from coproduce.budgets.permissions import runs_rounds
from coproduce.budgets.services import result_work_out
from coproduce.budgets.stages import Stage
from coproduce.places.models import Ward
from coproduce.projects.models import Project

from ..context import BATCH_SIZE, DemoContext, forget, remembered
from .accounts import email_for
from .people import demo_residents

# (title, description, theme, cost in pounds, why not eligible or "")
PLAN_PROPOSALS = [
    (
        "Print the draft plan for every home",
        (
            "Print the draft neighbourhood plan and post a copy to every home, so people without "
            "the "
            "internet can read it and say what they think."
        ),
        "housing",
        2_400,
        "",
    ),
    (
        "Open evenings in the library",
        (
            "Four evenings in the library where anyone can come and talk about the plan, with tea, "
            "childcare and an interpreter."
        ),
        "spaces",
        1_800,
        "",
    ),
    (
        "Walk the high street with older people",
        (
            "Guided walks with older residents to find what makes the high street hard to use: "
            "kerbs, "
            "benches, toilets and lighting."
        ),
        "older_people",
        1_200,
        "",
    ),
    (
        "Young people's plan workshop",
        (
            "A Saturday workshop where young people map where they go, what feels safe and what is "
            "missing. Pizza included."
        ),
        "young_people",
        1_500,
        "",
    ),
    (
        "Survey of green spaces",
        (
            "Volunteers count trees, benches and bins in every park and green, so the plan rests "
            "on "
            "facts."
        ),
        "environment",
        2_000,
        "",
    ),
    (
        "Translate the plan",
        "Translate the summary of the plan into the five languages most spoken in the three wards.",
        "spaces",
        2_600,
        "",
    ),
    (
        "Plan exhibition at the market",
        "A stall at the Saturday market for six weeks, with the maps and a board for comments.",
        "arts",
        3_200,
        "",
    ),
    (
        "Traffic count on school streets",
        "Count cars, bikes and walkers at the start and end of the school day for two weeks.",
        "transport",
        3_800,
        "",
    ),
    (
        "A planning expert for a day",
        (
            "Pay a planning expert to read the draft plan and tell us what the inspector will look "
            "for."
        ),
        "housing",
        4_500,
        "",
    ),
    (
        "New goal posts for the rec",
        "Buy new goal posts for the recreation ground.",
        "young_people",
        2_900,
        (
            "This round pays for work on the neighbourhood plans. Goal posts are equipment, so "
            "they "
            "cannot be paid for from it. The parks team has a fund for this."
        ),
    ),
    (
        "Street party for the whole ward",
        "A street party on the longest day of the year.",
        "arts",
        4_000,
        "A party is lovely, but it is not part of making a plan. Try the community events fund.",
    ),
    (
        "Repair the bandstand",
        "Fix the roof and paint the bandstand in the park.",
        "spaces",
        9_500,
        "It costs more than the most a proposal can cost in this round (£5,000).",
    ),
]
# Which proposals a voter is drawn to: the first few are liked by many, the rest by fewer.
PLAN_APPEAL = [0.55, 0.45, 0.35, 0.40, 0.30, 0.20, 0.25, 0.22, 0.15]
ROOM_PROPOSALS = [
    (
        "Homework club in the community centre",
        "Two hours, three evenings a week, for children who have nowhere quiet to work.",
        "young_people",
        30,
    ),
    (
        "Warm space for winter afternoons",
        "A warm room with tea and games on weekday afternoons in January and February.",
        "older_people",
        40,
    ),
    ("Repair café", "A monthly Saturday repair café in the church hall.", "environment", 24),
    ("Choir practice", "A weekly choir open to anyone, no auditions.", "arts", 36),
    ("Job club", "Help with CVs and applications, weekly.", "money", 26),
]
VOTE_SHARE = 0.6  # of the residents of the three wards, how many voted


def build(ctx: DemoContext) -> None:
    rng = ctx.random("budgets")
    officer = User.objects.filter(email=email_for(Role.OFFICER)).first()
    wards = list(ctx.wards) or list(Ward.objects.order_by("pk"))
    if officer is None or len(wards) < 3:
        return
    residents = demo_residents()
    plans = _plans_round(ctx, rng, officer, wards[:3], residents)
    rooms = _rooms_round(ctx, rng, officer, residents)
    ctx.counts["sharing-out rounds"] = 2
    ctx.counts["sharing-out proposals"] = plans.proposals.count() + rooms.proposals.count()
    ctx.counts["sharing-out ballots"] = plans.ballots.count()


def clear() -> None:
    rounds = Round.objects.filter(pk__in=remembered(Round))
    # The projects the result made: they were made for the demo, so they go with it.
    Project.objects.filter(budget_proposal__budget_round__in=rounds).delete()
    rounds.delete()  # proposals, ballots, choices, owners and results go with them
    forget(Round)


def _dates(today, *, voting_ends_in: int) -> dict:
    voting_until = today + timedelta(days=voting_ends_in)
    return {
        "voting_until": voting_until,
        "voting_from": voting_until - timedelta(days=20),
        "proposals_until": voting_until - timedelta(days=30),
        "proposals_from": voting_until - timedelta(days=60),
        "result_by": voting_until + timedelta(days=14),
    }


def _proposer(rng: random.Random, residents, ward_id: int | None) -> int | None:
    here = [user_id for user_id, home in residents if ward_id is None or home == ward_id]
    return rng.choice(here) if here else None


def _plans_round(ctx, rng, officer, wards, residents) -> Round:
    today = ctx.now.date()
    budget_round = Round.objects.create(
        title="Neighbourhood plans support",
        purpose=(
            "The council has £10,000 to help residents of three wards write their "
            "neighbourhood plans: printing, meetings, surveys and advice. You decide how it "
            "is shared out."
        ),
        budget=10_000,
        unit="pounds",
        who_may_propose=Round.WhoMayPropose.AREA,
        who_may_vote=Round.WhoMayVote.AREA,
        most_a_proposal_may_cost=5_000,
        ballot=Round.Ballot.APPROVAL,
        most_choices=5,
        rule=Round.Rule.EQUAL_SHARES,
        created_by=officer,
        **_dates(today, voting_ends_in=-2),
    )
    budget_round.wards.set(wards)
    RoundOwner.objects.create(budget_round=budget_round, user=officer)
    ctx.remember([budget_round])
    checked_at = ctx.now - timedelta(days=25)
    proposals = []
    for n, (title, description, theme, cost, why_not) in enumerate(PLAN_PROPOSALS):
        ward = wards[n % len(wards)]
        proposals.append(
            Proposal(
                budget_round=budget_round,
                title=title,
                description=description,
                theme=theme,
                cost=cost,
                ward=ward,
                proposer_id=_proposer(rng, residents, ward.pk),
                status=Proposal.Status.NOT_ELIGIBLE if why_not else Proposal.Status.ELIGIBLE,
                reason=why_not,
                checked_by=officer,
                checked_at=checked_at,
            )
        )
    Proposal.objects.bulk_create(proposals)
    eligible = [p for p in proposals if p.status == Proposal.Status.ELIGIBLE]
    _ballots(rng, budget_round, eligible, residents, {w.pk for w in wards})
    if budget_round.stage_on() is not Stage.COUNTING:
        return budget_round  # a borough built for another day: the result waits
    if not runs_rounds(officer):
        ctx.write("  budgets: the officer role lacks budgets.run_rounds; no result worked out")
        return budget_round
    result_work_out(budget_round=budget_round, by=officer)
    return budget_round


def _ballots(rng, budget_round, eligible, residents, ward_ids) -> None:
    voters = [user_id for user_id, ward in residents if ward in ward_ids]
    voters = [v for v in voters if rng.random() < VOTE_SHARE]
    ballots = Ballot.objects.bulk_create(
        [Ballot(budget_round=budget_round, voter_id=v) for v in voters], batch_size=BATCH_SIZE
    )
    choices = []
    most = budget_round.most_choices or len(eligible)
    for ballot in ballots:
        liked = [
            p for p, appeal in zip(eligible, PLAN_APPEAL, strict=False) if rng.random() < appeal
        ]
        if not liked:
            liked = [rng.choice(eligible)]
        rng.shuffle(liked)
        choices.extend(BallotChoice(ballot=ballot, proposal=p) for p in liked[:most])
    BallotChoice.objects.bulk_create(choices, batch_size=BATCH_SIZE)


def _rooms_round(ctx, rng, officer, residents) -> Round:
    budget_round = Round.objects.create(
        title="Room hours for groups",
        purpose=(
            "The council has 120 hours of room time in its community centres this spring. "
            "Groups and residents can ask for hours for things that bring people together."
        ),
        budget=120,
        unit="room_hours",
        borough_wide=True,
        who_may_propose=Round.WhoMayPropose.ANYONE,
        who_may_vote=Round.WhoMayVote.ANYONE,
        ballot=Round.Ballot.FILL_BUDGET,
        rule=Round.Rule.GREEDY,
        created_by=officer,
        **_dates(ctx.now.date(), voting_ends_in=10),
    )
    RoundOwner.objects.create(budget_round=budget_round, user=officer)
    ctx.remember([budget_round])
    Proposal.objects.bulk_create(
        [
            Proposal(
                budget_round=budget_round,
                title=title,
                description=description,
                theme=theme,
                cost=cost,
                proposer_id=_proposer(rng, residents, None),
                status=Proposal.Status.ELIGIBLE,
                checked_by=officer,
                checked_at=ctx.now - timedelta(days=5),
            )
            for title, description, theme, cost in ROOM_PROPOSALS
        ]
    )
    return budget_round
