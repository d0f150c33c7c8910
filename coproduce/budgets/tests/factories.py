"""Rounds at each stage, proposals, ballots and officers, for tests of sharing out support."""

from datetime import timedelta

import factory
from django.contrib.auth.models import Permission
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.budgets.models import Ballot, BallotChoice, Proposal, Round, RoundOwner
from coproduce.budgets.stages import Stage
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import WardFactory


def officer(**kwargs):
    """A person who may run rounds (the permission the officer role gives)."""
    user = UserFactory(**kwargs)
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="budgets", codename="run_rounds")
    )
    return user


def resident_of(ward, **kwargs):
    """A person whose profile says they live in `ward`."""
    return ProfileFactory(ward=ward, street__ward=ward, **kwargs).user


# Offsets in days from today of (proposals_from, proposals_until, voting_from, voting_until).
STAGE_DAYS = {
    Stage.COMING: (5, 10, 12, 20),
    Stage.PROPOSING: (-2, 5, 7, 14),
    Stage.CHECKING: (-10, -2, 3, 10),
    Stage.VOTING: (-20, -12, -3, 5),
    Stage.COUNTING: (-30, -20, -15, -1),
}


def stage_dates(stage: Stage) -> dict:
    today = timezone.localdate()
    start, end, vote_start, vote_end = (today + timedelta(days=d) for d in STAGE_DAYS[stage])
    return {
        "proposals_from": start,
        "proposals_until": end,
        "voting_from": vote_start,
        "voting_until": vote_end,
        "result_by": vote_end + timedelta(days=7),
    }


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round
        skip_postgeneration_save = True

    class Params:
        stage = Stage.PROPOSING

    title = factory.Sequence(lambda n: f"Neighbourhood plans round {n}")
    purpose = "Support for neighbourhood plans: printing, room hire, events."
    budget = 10_000
    unit = "pounds"
    borough_wide = False
    who_may_propose = Round.WhoMayPropose.AREA
    who_may_vote = Round.WhoMayVote.AREA
    ballot = Round.Ballot.APPROVAL
    most_choices = 5
    rule = Round.Rule.GREEDY
    proposals_from = factory.LazyAttribute(lambda o: stage_dates(o.stage)["proposals_from"])
    proposals_until = factory.LazyAttribute(lambda o: stage_dates(o.stage)["proposals_until"])
    voting_from = factory.LazyAttribute(lambda o: stage_dates(o.stage)["voting_from"])
    voting_until = factory.LazyAttribute(lambda o: stage_dates(o.stage)["voting_until"])
    result_by = factory.LazyAttribute(lambda o: stage_dates(o.stage)["result_by"])

    @factory.post_generation
    def wards(self, create, extracted, **kwargs):
        if not create or self.borough_wide:
            return
        self.wards.set(extracted if extracted is not None else [WardFactory()])

    @factory.post_generation
    def owners(self, create, extracted, **kwargs):
        if not create:
            return
        for user in extracted if extracted is not None else [officer()]:
            RoundOwner.objects.create(budget_round=self, user=user)


class ProposalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Proposal

    budget_round = factory.SubFactory(RoundFactory)
    title = factory.Sequence(lambda n: f"Proposal {n}")
    description = "Print the draft plan and hold two open evenings in the library."
    theme = "spaces"
    cost = 2_000
    ward = factory.LazyAttribute(lambda o: o.budget_round.wards.first())
    proposer = factory.LazyAttribute(
        lambda o: resident_of(o.ward) if o.ward is not None else UserFactory()
    )
    status = Proposal.Status.ELIGIBLE


def vote(budget_round, voter, proposals) -> Ballot:
    """A ballot made directly (for setting up results), choosing these proposals."""
    ballot = Ballot.objects.create(budget_round=budget_round, voter=voter)
    BallotChoice.objects.bulk_create([BallotChoice(ballot=ballot, proposal=p) for p in proposals])
    return ballot
