"""Proposals and ballots in a person's download; kept, unnamed, when they close their account."""

import pytest

from coproduce.budgets.models import Ballot, Proposal
from coproduce.budgets.stages import Stage
from coproduce.personal_data import services as personal_data
from coproduce.personal_data.export import personal_data_gather
from coproduce.personal_data.registry import undeclared_links

from .factories import ProposalFactory, RoundFactory, resident_of, vote

pytestmark = pytest.mark.django_db


def test_every_link_to_a_person_is_declared():
    """Every budgets model field pointing at a person is in personal_data.py."""
    assert [link for link in undeclared_links() if link[0].startswith("budgets.")] == []


def test_download_has_proposals_and_ballots():
    """A person's download lists what they proposed and what they chose."""
    budget_round = RoundFactory(stage=Stage.VOTING, title="Plans 2027")
    proposal = ProposalFactory(budget_round=budget_round, title="Bulb planting")
    vote(budget_round, proposal.proposer, [proposal])
    data = personal_data_gather(proposal.proposer)
    assert data["budget_proposals"][0]["title"] == "Bulb planting"
    assert data["budget_ballots"] == [
        {
            "round": "Plans 2027",
            "voted_at": data["budget_ballots"][0]["voted_at"],
            "chose": ["Bulb planting"],
        }
    ]


def test_closing_an_account_keeps_the_ballot_counting_but_unnamed():
    """The ballot stays with its choices; nobody is linked to it."""
    budget_round = RoundFactory(stage=Stage.VOTING)
    proposal = ProposalFactory(budget_round=budget_round)
    voter = resident_of(budget_round.wards.first())
    ballot = vote(budget_round, voter, [proposal])
    personal_data.account_close(user=voter, remove_comments=False)
    kept = Ballot.objects.get(pk=ballot.pk)
    assert kept.voter is None and kept.choices.count() == 1


def test_closing_an_account_keeps_the_proposal_from_a_former_member():
    """The proposal stays; it is no longer linked to the person."""
    proposal = ProposalFactory()
    personal_data.account_close(user=proposal.proposer, remove_comments=False)
    assert Proposal.objects.get(pk=proposal.pk).proposer is None
