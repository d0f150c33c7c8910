import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.budgets import services
from coproduce.budgets.models import Ballot, Proposal, Result, Round
from coproduce.budgets.stages import Stage
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.places.tests.factories import WardFactory
from coproduce.projects.models import OwnerInvitation

from .factories import ProposalFactory, RoundFactory, officer, resident_of, stage_dates, vote

pytestmark = pytest.mark.django_db


# Ballots --------------------------------------------------------------------------------


def _voting_round(**kwargs):
    budget_round = RoundFactory(stage=Stage.VOTING, **kwargs)
    ward = budget_round.wards.first()
    return budget_round, ward


def test_a_resident_votes_and_changing_the_vote_keeps_one_ballot():
    """The last vote counts, and there is still one ballot."""
    budget_round, ward = _voting_round()
    a, b = ProposalFactory.create_batch(2, budget_round=budget_round)
    voter = resident_of(ward)
    services.ballot_cast(budget_round=budget_round, voter=voter, proposal_ids={a.pk})
    services.ballot_cast(budget_round=budget_round, voter=voter, proposal_ids={b.pk})
    ballot = Ballot.objects.get(budget_round=budget_round, voter=voter)
    assert list(ballot.choices.values_list("proposal_id", flat=True)) == [b.pk]


def test_choosing_more_than_allowed_says_how_many():
    """ "You chose 6. You can choose up to 5." """
    budget_round, ward = _voting_round(most_choices=5)
    proposals = ProposalFactory.create_batch(6, budget_round=budget_round, cost=100)
    with pytest.raises(Refusal, match=r"You chose 6\. You can choose up to 5\."):
        services.ballot_cast(
            budget_round=budget_round,
            voter=resident_of(ward),
            proposal_ids={p.pk for p in proposals},
        )


def test_filling_past_the_budget_says_the_total_and_the_budget():
    """ "These add up to £12,400. The budget is £10,000." """
    budget_round, ward = _voting_round(ballot=Round.Ballot.FILL_BUDGET, most_choices=None)
    costs = [4_000, 5_000, 3_400]
    proposals = [ProposalFactory(budget_round=budget_round, cost=c) for c in costs]
    with pytest.raises(Refusal, match=r"These add up to £12,400\. The budget is £10,000\."):
        services.ballot_cast(
            budget_round=budget_round,
            voter=resident_of(ward),
            proposal_ids={p.pk for p in proposals},
        )


def test_a_proposal_that_is_not_eligible_cannot_be_chosen():
    """Only eligible proposals are on the ballot."""
    budget_round, ward = _voting_round()
    proposal = ProposalFactory(
        budget_round=budget_round, status=Proposal.Status.NOT_ELIGIBLE, reason="Too late."
    )
    with pytest.raises(Refusal, match="Choose only from"):
        services.ballot_cast(
            budget_round=budget_round, voter=resident_of(ward), proposal_ids={proposal.pk}
        )


def test_someone_from_outside_the_area_cannot_vote():
    """An area round takes votes only from people living in its wards."""
    budget_round, _ward = _voting_round()
    proposal = ProposalFactory(budget_round=budget_round)
    with pytest.raises(NotAllowed):
        services.ballot_cast(
            budget_round=budget_round,
            voter=resident_of(WardFactory()),
            proposal_ids={proposal.pk},
        )


def test_votes_are_refused_after_voting_closes():
    """No ballots once the round is counting."""
    budget_round = RoundFactory(stage=Stage.COUNTING)
    proposal = ProposalFactory(budget_round=budget_round)
    with pytest.raises(Refusal, match="Voting is not open"):
        services.ballot_cast(
            budget_round=budget_round,
            voter=resident_of(budget_round.wards.first()),
            proposal_ids={proposal.pk},
        )


def test_a_voter_can_take_back_their_ballot():
    """Removing a ballot deletes it."""
    budget_round, ward = _voting_round()
    proposal = ProposalFactory(budget_round=budget_round)
    voter = resident_of(ward)
    services.ballot_cast(budget_round=budget_round, voter=voter, proposal_ids={proposal.pk})
    services.ballot_remove(budget_round=budget_round, voter=voter)
    assert not Ballot.objects.filter(budget_round=budget_round).exists()


# Results --------------------------------------------------------------------------------


def _counted_round(rule="greedy"):
    """Budget 10,000: A (3 votes, 6,000), B (2 votes, 5,000), C (1 vote, 3,000)."""
    budget_round = RoundFactory(stage=Stage.COUNTING, rule=rule)
    ward = budget_round.wards.first()
    a = ProposalFactory(budget_round=budget_round, cost=6_000, title="A")
    b = ProposalFactory(budget_round=budget_round, cost=5_000, title="B")
    c = ProposalFactory(budget_round=budget_round, cost=3_000, title="C")
    ProposalFactory(
        budget_round=budget_round, status=Proposal.Status.NOT_ELIGIBLE, reason="No.", title="D"
    )
    for chosen in ([a, b], [a, b], [a, c]):
        vote(budget_round, resident_of(ward), chosen)
    return budget_round, a, b, c


def test_greedy_result_skips_what_no_longer_fits_and_says_why():
    """A is chosen, B does not fit in what is left, C does."""
    budget_round, a, b, c = _counted_round()
    result = services.result_work_out(budget_round=budget_round, by=officer())
    lines = {line.proposal_id: line for line in result.lines.all()}
    assert [lines[p.pk].selected for p in (a, b, c)] == [True, False, True]
    assert lines[b.pk].reason == "not_enough_left"
    assert lines[b.pk].detail["left_before"] == 4_000
    assert (result.spent, result.voters) == (9_000, 3)


def test_only_eligible_proposals_are_in_the_result():
    """A proposal that did not meet the rules has no line."""
    budget_round, *_ = _counted_round()
    result = services.result_work_out(budget_round=budget_round, by=officer())
    assert result.lines.count() == 3


def test_equal_shares_result_is_stored_with_the_share():
    """The equal shares rule runs and keeps each voter's share."""
    budget_round, *_ = _counted_round(rule="equalshares/add1")
    result = services.result_work_out(budget_round=budget_round, by=officer())
    assert result.rule == "equalshares/add1"
    assert result.spent <= result.budget


def test_the_result_cannot_be_worked_out_twice():
    """A round has one result."""
    budget_round, *_ = _counted_round()
    services.result_work_out(budget_round=budget_round, by=officer())
    with pytest.raises(Refusal, match="already"):
        services.result_work_out(budget_round=budget_round, by=officer())
    assert Result.objects.filter(budget_round=budget_round).count() == 1


def test_the_result_waits_for_voting_to_close():
    """While people vote, no result."""
    budget_round = RoundFactory(stage=Stage.VOTING)
    ProposalFactory(budget_round=budget_round)
    with pytest.raises(Refusal, match="once voting has closed"):
        services.result_work_out(budget_round=budget_round, by=officer())


def test_a_resident_cannot_work_out_the_result():
    """Working out is for officers."""
    budget_round, *_ = _counted_round()
    with pytest.raises(NotAllowed):
        services.result_work_out(budget_round=budget_round, by=UserFactory())


def test_winners_become_projects_with_their_budget_published_and_the_proposer_invited():
    """Each chosen proposal is a project, linked both ways, and its proposer is asked to own it."""
    budget_round, a, b, _c = _counted_round()
    services.result_work_out(budget_round=budget_round, by=officer())
    a.refresh_from_db()
    b.refresh_from_db()
    project = a.project
    assert project is not None and b.project is None
    assert project.parameters_published and "£6,000" in project.fixed_budget
    assert project.budget_proposal == a
    invitation = OwnerInvitation.objects.get(project=project)
    assert (invitation.person, invitation.status) == (a.proposer, OwnerInvitation.Status.PENDING)
    assert not project.owners.filter(user=a.proposer).exists()


def test_a_former_members_proposal_still_becomes_a_project_without_an_invitation():
    """With the proposer gone, nobody is invited; the project is still made."""
    budget_round, a, _b, _c = _counted_round()
    Proposal.objects.filter(pk=a.pk).update(proposer=None)
    services.result_work_out(budget_round=budget_round, by=officer())
    a.refresh_from_db()
    assert a.project is not None
    assert not OwnerInvitation.objects.filter(project=a.project).exists()


def test_stage_dates_make_each_stage():
    """The factory's dates give the stage asked for (a check on the test helpers)."""
    for stage in (Stage.COMING, Stage.PROPOSING, Stage.CHECKING, Stage.VOTING, Stage.COUNTING):
        budget_round = RoundFactory(**stage_dates(stage))
        assert budget_round.stage_on() is stage


def test_anyone_signed_in_may_vote_when_the_round_says_so():
    """A round open to everyone takes a vote from someone with no ward on their profile."""
    budget_round = RoundFactory(
        stage=Stage.VOTING, borough_wide=True, who_may_vote=Round.WhoMayVote.ANYONE
    )
    proposal = ProposalFactory(budget_round=budget_round)
    ballot = services.ballot_cast(
        budget_round=budget_round, voter=UserFactory(), proposal_ids={proposal.pk}
    )
    assert ballot.choices.count() == 1
