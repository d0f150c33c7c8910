import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.budgets.models import Proposal
from coproduce.budgets.stages import Stage
from coproduce.places.tests.factories import WardFactory

from .factories import ProposalFactory, RoundFactory, officer, resident_of

pytestmark = pytest.mark.django_db


def _login(client, user=None):
    user = user or UserFactory()
    client.force_login(user)
    return user


# Proposals -----------------------------------------------------------------------------


def _proposal_form(ward, **changes) -> dict:
    return {
        "title": "Print the plan",
        "description": "500 copies for every home.",
        "theme": "spaces",
        "cost": "2500",
        "ward": ward.pk,
    } | changes


def test_a_resident_of_the_area_makes_a_proposal(client):
    """The form makes a proposal waiting to be checked."""
    budget_round = RoundFactory()
    ward = budget_round.wards.first()
    _login(client, resident_of(ward))
    url = reverse("budgets:proposal_create", args=[budget_round.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, _proposal_form(ward))
    proposal = Proposal.objects.get()
    assert response.url == reverse("budgets:proposal_detail", args=[proposal.pk])
    assert proposal.status == Proposal.Status.SUBMITTED


def test_a_proposal_over_the_limit_is_a_plain_error(client):
    """The refusal shows on the form, naming both amounts."""
    budget_round = RoundFactory(most_a_proposal_may_cost=2_000)
    ward = budget_round.wards.first()
    _login(client, resident_of(ward))
    response = client.post(
        reverse("budgets:proposal_create", args=[budget_round.pk]), _proposal_form(ward)
    )
    assert response.status_code == 400
    assert "It costs £2,500. A proposal can cost up to £2,000." in response.text


def test_someone_from_elsewhere_cannot_open_the_proposal_form(client):
    """403 outside the area; a visitor is sent to sign in."""
    budget_round = RoundFactory()
    url = reverse("budgets:proposal_create", args=[budget_round.pk])
    assert client.get(url).status_code == 302
    _login(client, resident_of(WardFactory()))
    assert client.get(url).status_code == 403


def test_everyone_reads_a_proposal_and_its_reason(client):
    """The proposal page is public, with the officer's reason."""
    proposal = ProposalFactory(status=Proposal.Status.NOT_ELIGIBLE, reason="Already funded.")
    page = client.get(reverse("budgets:proposal_detail", args=[proposal.pk]))
    assert page.status_code == 200 and "Already funded." in page.text


def test_a_former_members_proposal_is_from_a_former_member(client):
    """With the proposer's account closed, the page says "A former member"."""
    proposal = ProposalFactory()
    Proposal.objects.filter(pk=proposal.pk).update(proposer=None)
    page = client.get(reverse("budgets:proposal_detail", args=[proposal.pk]))
    assert "A former member" in page.text


def test_the_proposer_withdraws_their_proposal(client):
    """POST withdraws it."""
    proposal = ProposalFactory(status=Proposal.Status.SUBMITTED)
    _login(client, proposal.proposer)
    client.post(reverse("budgets:proposal_withdraw", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.status == Proposal.Status.WITHDRAWN


def test_someone_else_cannot_withdraw_a_proposal(client):
    """403 for anyone but the proposer."""
    proposal = ProposalFactory(status=Proposal.Status.SUBMITTED)
    _login(client)
    response = client.post(reverse("budgets:proposal_withdraw", args=[proposal.pk]))
    assert response.status_code == 403


def test_withdrawing_needs_a_post(client):
    """GET does not withdraw."""
    proposal = ProposalFactory(status=Proposal.Status.SUBMITTED)
    _login(client, proposal.proposer)
    response = client.get(reverse("budgets:proposal_withdraw", args=[proposal.pk]))
    assert response.status_code == 405


# Checking -----------------------------------------------------------------------------------


def test_an_officer_sees_the_queue_and_checks_a_proposal(client):
    """The queue lists what waits; the check form saves the public reason."""
    _login(client, officer())
    proposal = ProposalFactory(status=Proposal.Status.SUBMITTED, title="Mural")
    queue = client.get(reverse("budgets:check_queue", args=[proposal.budget_round_id]))
    assert queue.status_code == 200 and "Mural" in queue.text
    response = client.post(
        reverse("budgets:proposal_check", args=[proposal.pk]),
        {"decision": "not_eligible", "reason": "Murals are paid for by another fund."},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.reason == "Murals are paid for by another fund."


def test_saying_no_without_a_reason_is_a_plain_error(client):
    """400 with "Say why"."""
    _login(client, officer())
    proposal = ProposalFactory(status=Proposal.Status.SUBMITTED)
    response = client.post(
        reverse("budgets:proposal_check", args=[proposal.pk]), {"decision": "not_eligible"}
    )
    assert response.status_code == 400 and "Say why" in response.text


def test_residents_cannot_check_proposals(client):
    """The queue and the check form are 403 for residents."""
    proposal = ProposalFactory(status=Proposal.Status.SUBMITTED)
    _login(client)
    assert (
        client.get(reverse("budgets:check_queue", args=[proposal.budget_round_id])).status_code
        == 403
    )
    assert client.get(reverse("budgets:proposal_check", args=[proposal.pk])).status_code == 403


def test_checking_is_limited(client, settings):
    """Past the limit on checks (each tells someone), the answer is 429."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "proposal_check": "1/h"}
    _login(client, officer())
    first, second = ProposalFactory.create_batch(2, status=Proposal.Status.SUBMITTED)
    form = {"decision": "eligible", "reason": ""}
    assert client.post(reverse("budgets:proposal_check", args=[first.pk]), form).status_code == 302
    assert client.post(reverse("budgets:proposal_check", args=[second.pk]), form).status_code == 429


def test_the_check_form_sends_officers_back_once_voting_opens(client):
    """No check form while people vote: a message says why."""
    _login(client, officer())
    proposal = ProposalFactory(budget_round=RoundFactory(stage=Stage.VOTING))
    response = client.get(reverse("budgets:proposal_check", args=[proposal.pk]), follow=True)
    assert "can no longer be checked" in response.text
