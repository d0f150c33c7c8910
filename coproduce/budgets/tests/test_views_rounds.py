from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.budgets.models import Proposal, Round
from coproduce.budgets.stages import Stage
from coproduce.places.tests.factories import WardFactory

from .factories import ProposalFactory, RoundFactory, officer

pytestmark = pytest.mark.django_db


def _login(client, user=None):
    user = user or UserFactory()
    client.force_login(user)
    return user


# Rounds: list and page -------------------------------------------------------------------


def test_everyone_sees_the_list_of_rounds(client):
    """Visitors read the rounds, in plain words."""
    RoundFactory(title="Neighbourhood plans 2027")
    page = client.get(reverse("budgets:round_list"))
    assert page.status_code == 200
    assert "Neighbourhood plans 2027" in page.text and "£10,000" in page.text


def test_the_list_takes_the_same_queries_however_many_rounds(client):
    """No query per round on the list."""
    RoundFactory()
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("budgets:round_list"))
    RoundFactory.create_batch(4)
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("budgets:round_list"))
    assert len(many) == len(few)


def test_everyone_sees_a_rounds_published_rules(client):
    """The round page shows the parameters and says they cannot change once proposals open."""
    budget_round = RoundFactory(stage=Stage.COMING, most_a_proposal_may_cost=3_000)
    page = client.get(reverse("budgets:round_detail", args=[budget_round.pk]))
    assert page.status_code == 200
    assert "£3,000" in page.text and "cannot change once proposals open" in page.text


def test_the_round_page_takes_the_same_queries_however_many_proposals(client):
    """No query per proposal (or per proposer's name) on the round page."""
    budget_round = RoundFactory()
    ProposalFactory(budget_round=budget_round)
    _login(client)
    url = reverse("budgets:round_detail", args=[budget_round.pk])
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    ProposalFactory.create_batch(5, budget_round=budget_round)
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)


def test_not_eligible_proposals_show_their_reason_to_everyone(client):
    """The reason an officer gave is public."""
    proposal = ProposalFactory(
        status=Proposal.Status.NOT_ELIGIBLE, reason="It is for a ward outside this round."
    )
    page = client.get(reverse("budgets:round_detail", args=[proposal.budget_round_id]))
    assert "It is for a ward outside this round." in page.text


def test_a_missing_round_is_not_found(client):
    """An unknown round is a 404."""
    assert client.get(reverse("budgets:round_detail", args=[999999])).status_code == 404


# Opening and changing rounds -----------------------------------------------------------------


def _round_form(ward, owner, **changes) -> dict:
    today = timezone.localdate()
    day = lambda n: (today + timedelta(days=n)).strftime("%d/%m/%Y")  # noqa: E731
    return {
        "title": "Neighbourhood plans 2027",
        "purpose": "Help for three neighbourhood plans.",
        "budget": "10,000",
        "unit": "pounds",
        "wards": [ward.pk],
        "who_may_propose": "area",
        "who_may_vote": "area",
        "most_a_proposal_may_cost": "",
        "ballot": "approval",
        "most_choices": "5",
        "rule": "equalshares/add1",
        "proposals_from": day(1),
        "proposals_until": day(10),
        "voting_from": day(12),
        "voting_until": day(20),
        "result_by": day(25),
        "owners": [owner.pk],
    } | changes


def test_an_officer_opens_a_round(client):
    """The form opens a round and goes to its page."""
    by = _login(client, officer())
    response = client.post(reverse("budgets:round_create"), _round_form(WardFactory(), by))
    budget_round = Round.objects.get()
    assert response.url == reverse("budgets:round_detail", args=[budget_round.pk])
    assert (budget_round.budget, budget_round.rule) == (10_000, "equalshares/add1")


def test_a_budget_in_another_scripts_digits_is_a_plain_error(client):
    """ "١٠٠" is not taken as a number: a 400 with the error summary."""
    by = _login(client, officer())
    response = client.post(
        reverse("budgets:round_create"), _round_form(WardFactory(), by, budget="١٠٠")
    )
    assert response.status_code == 400
    assert "Enter the budget as a whole number" in response.text
    assert not Round.objects.exists()


def test_dates_out_of_order_are_a_plain_error(client):
    """Voting the day proposals close is refused on the form."""
    by = _login(client, officer())
    day = (timezone.localdate() + timedelta(days=10)).strftime("%d/%m/%Y")
    response = client.post(
        reverse("budgets:round_create"), _round_form(WardFactory(), by, voting_from=day)
    )
    assert response.status_code == 400 and "time to check" in response.text


def test_residents_and_visitors_cannot_open_rounds(client):
    """A resident gets 403; a visitor is sent to sign in."""
    assert client.get(reverse("budgets:round_create")).status_code == 302
    _login(client)
    assert client.get(reverse("budgets:round_create")).status_code == 403


def test_an_officer_changes_a_round_before_proposals_open(client):
    """The edit form saves while the round is coming."""
    by = _login(client, officer())
    budget_round = RoundFactory(stage=Stage.COMING, owners=[by])
    assert client.get(reverse("budgets:round_edit", args=[budget_round.pk])).status_code == 200
    ward = budget_round.wards.first()
    form = _round_form(ward, by, budget="12000", title="Renamed")
    response = client.post(reverse("budgets:round_edit", args=[budget_round.pk]), form)
    assert response.status_code == 302
    budget_round.refresh_from_db()
    assert (budget_round.title, budget_round.budget) == ("Renamed", 12_000)


def test_the_edit_page_says_no_once_proposals_open(client):
    """After proposals open, the edit page sends the officer back with a message."""
    _login(client, officer())
    budget_round = RoundFactory(stage=Stage.PROPOSING)
    response = client.get(reverse("budgets:round_edit", args=[budget_round.pk]), follow=True)
    assert "can no longer change" in response.text


def test_residents_cannot_change_rounds(client):
    """403 for a resident."""
    _login(client)
    budget_round = RoundFactory(stage=Stage.COMING)
    assert client.get(reverse("budgets:round_edit", args=[budget_round.pk])).status_code == 403
