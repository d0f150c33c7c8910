from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.budgets import services
from coproduce.budgets.models import Proposal, Round
from coproduce.budgets.stages import Stage
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.groups.tests.factories import OrganiserFactory
from coproduce.notifications.models import Notification
from coproduce.places.tests.factories import WardFactory

from .factories import ProposalFactory, RoundFactory, officer, resident_of

pytestmark = pytest.mark.django_db


def _round_fields(**changes) -> dict:
    today = timezone.localdate()
    fields = {
        "title": "Neighbourhood plans 2027",
        "purpose": "Help for three neighbourhood plans.",
        "budget": 10_000,
        "unit": "pounds",
        "borough_wide": False,
        "who_may_propose": "area",
        "who_may_vote": "area",
        "most_a_proposal_may_cost": None,
        "ballot": "approval",
        "most_choices": 5,
        "rule": "greedy",
        "proposals_from": today,
        "proposals_until": today + timedelta(days=10),
        "voting_from": today + timedelta(days=12),
        "voting_until": today + timedelta(days=20),
        "result_by": today + timedelta(days=25),
    }
    return fields | changes


# Rounds ---------------------------------------------------------------------------------


def test_an_officer_opens_a_round_and_owns_it():
    """Opening a round names the officer as its owner unless others are named."""
    by = officer()
    budget_round = services.round_create(by=by, wards=[WardFactory()], **_round_fields())
    assert list(budget_round.owners.values_list("user", flat=True)) == [by.pk]


def test_a_resident_cannot_open_a_round():
    """Only officers open rounds."""
    with pytest.raises(NotAllowed):
        services.round_create(by=UserFactory(), wards=[WardFactory()], **_round_fields())


def test_a_round_needs_wards_or_the_whole_borough():
    """Without an area the round is refused."""
    with pytest.raises(Refusal) as refusal:
        services.round_create(by=officer(), wards=[], **_round_fields())
    assert refusal.value.field == "wards"


def test_voting_must_leave_a_day_to_check_proposals():
    """Voting opening the day proposals close is refused, in plain words."""
    today = timezone.localdate()
    fields = _round_fields(
        proposals_until=today + timedelta(days=3), voting_from=today + timedelta(days=3)
    )
    with pytest.raises(Refusal, match="time to check"):
        services.round_create(by=officer(), wards=[WardFactory()], **fields)


def test_a_resident_cannot_own_a_round():
    """Owners must be officers."""
    with pytest.raises(Refusal, match="Only council officers can own"):
        services.round_create(
            by=officer(), wards=[WardFactory()], owners=[UserFactory()], **_round_fields()
        )


def test_a_round_can_change_before_proposals_open():
    """Parameters can be changed while the round is still coming."""
    budget_round = RoundFactory(stage=Stage.COMING)
    by = officer()
    changed = services.round_update(
        budget_round=budget_round,
        by=by,
        wards=list(budget_round.wards.all()),
        owners=[by],
        budget=12_000,
    )
    assert changed.budget == 12_000


def test_a_round_cannot_change_once_proposals_open():
    """The parameters are fixed from the day proposals open."""
    budget_round = RoundFactory(stage=Stage.PROPOSING)
    with pytest.raises(Refusal, match="can no longer change"):
        services.round_update(budget_round=budget_round, by=officer(), budget=1)
    budget_round.refresh_from_db()
    assert budget_round.budget == 10_000


# Proposals ------------------------------------------------------------------------------


def _propose(budget_round, by, **changes):
    fields = {
        "title": "Print the plan",
        "description": "Print 500 copies of the draft plan.",
        "theme": "spaces",
        "cost": 2_000,
        "ward": budget_round.wards.first(),
    }
    return services.proposal_submit(budget_round=budget_round, by=by, **(fields | changes))


def test_a_resident_of_the_area_makes_a_proposal():
    """Someone living in one of the round's wards may propose; it waits to be checked."""
    budget_round = RoundFactory()
    proposal = _propose(budget_round, resident_of(budget_round.wards.first()))
    assert proposal.status == Proposal.Status.SUBMITTED


def test_someone_from_elsewhere_cannot_propose_in_an_area_round():
    """A ward round takes proposals only from the people who live there."""
    budget_round = RoundFactory()
    with pytest.raises(NotAllowed):
        _propose(budget_round, resident_of(WardFactory()))


def test_a_group_organiser_proposes_for_a_group_in_the_area():
    """An organiser may propose for their group, when the group is based in the area."""
    budget_round = RoundFactory(who_may_propose=Round.WhoMayPropose.GROUPS)
    ward = budget_round.wards.first()
    membership = OrganiserFactory(organisation__ward=ward)
    proposal = _propose(budget_round, membership.user, organisation=membership.organisation)
    assert proposal.organisation == membership.organisation


def test_a_groups_only_round_refuses_a_resident_alone():
    """In a groups-only round a person cannot propose for themselves."""
    budget_round = RoundFactory(who_may_propose=Round.WhoMayPropose.GROUPS)
    with pytest.raises(NotAllowed):
        _propose(budget_round, resident_of(budget_round.wards.first()))


def test_a_proposal_costing_more_than_allowed_is_refused_with_both_amounts():
    """The most a proposal may cost is a published rule."""
    budget_round = RoundFactory(most_a_proposal_may_cost=3_000)
    with pytest.raises(Refusal, match=r"It costs £4,000\. A proposal can cost up to £3,000\."):
        _propose(budget_round, resident_of(budget_round.wards.first()), cost=4_000)


def test_proposals_are_refused_outside_the_proposal_days():
    """Once proposals close, no more come in."""
    budget_round = RoundFactory(stage=Stage.CHECKING)
    with pytest.raises(Refusal, match="not taking proposals"):
        _propose(budget_round, resident_of(budget_round.wards.first()))


def test_the_proposer_can_withdraw_before_voting():
    """Withdrawing marks it withdrawn."""
    proposal = ProposalFactory(status=Proposal.Status.SUBMITTED)
    services.proposal_withdraw(proposal=proposal, by=proposal.proposer)
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.WITHDRAWN


def test_someone_else_cannot_withdraw_a_proposal():
    """Only the proposer (or the group's organisers) may withdraw."""
    proposal = ProposalFactory(status=Proposal.Status.SUBMITTED)
    with pytest.raises(NotAllowed):
        services.proposal_withdraw(proposal=proposal, by=UserFactory())


def test_an_officer_marks_a_proposal_not_eligible_with_a_public_reason_and_tells_the_proposer():
    """The reason is stored and the proposer gets a notification."""
    proposal = ProposalFactory(status=Proposal.Status.SUBMITTED)
    by = officer()
    services.proposal_check(
        proposal=proposal, by=by, eligible=False, reason="It is outside the three wards."
    )
    proposal.refresh_from_db()
    assert (proposal.status, proposal.reason, proposal.checked_by) == (
        Proposal.Status.NOT_ELIGIBLE,
        "It is outside the three wards.",
        by,
    )
    assert Notification.objects.filter(recipient=proposal.proposer).count() == 1


def test_not_eligible_needs_a_reason():
    """Saying no without saying why is refused."""
    proposal = ProposalFactory(status=Proposal.Status.SUBMITTED)
    with pytest.raises(Refusal) as refusal:
        services.proposal_check(proposal=proposal, by=officer(), eligible=False, reason=" ")
    assert refusal.value.field == "reason"


def test_a_resident_cannot_check_proposals():
    """Checking is for officers."""
    proposal = ProposalFactory(status=Proposal.Status.SUBMITTED)
    with pytest.raises(NotAllowed):
        services.proposal_check(proposal=proposal, by=UserFactory(), eligible=True, reason="")


def test_proposals_cannot_be_checked_once_voting_opens():
    """The list of proposals is fixed while people vote."""
    proposal = ProposalFactory(budget_round=RoundFactory(stage=Stage.VOTING))
    with pytest.raises(Refusal, match="Voting has opened"):
        services.proposal_check(proposal=proposal, by=officer(), eligible=True, reason="")


def test_a_borough_wide_round_takes_a_proposal_without_a_ward():
    """For the whole borough, a proposal need not name a ward."""
    budget_round = RoundFactory(borough_wide=True, who_may_propose=Round.WhoMayPropose.ANYONE)
    proposal = _propose(budget_round, UserFactory(), ward=None)
    assert proposal.ward is None


def test_every_rule_a_round_can_name_is_one_the_rules_know():
    """The rounds' choice of rule keeps to coproduce.budgets.rules.Rule."""
    from coproduce.budgets import rules

    assert set(Round.Rule.values) <= {rule.value for rule in rules.Rule}
