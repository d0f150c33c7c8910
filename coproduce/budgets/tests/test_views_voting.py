import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.budgets import services
from coproduce.budgets.models import Ballot, Result, Round
from coproduce.budgets.stages import Stage
from coproduce.places.tests.factories import WardFactory

from .factories import ProposalFactory, RoundFactory, officer, resident_of, vote

pytestmark = pytest.mark.django_db


def _login(client, user=None):
    user = user or UserFactory()
    client.force_login(user)
    return user


def _decided_round():
    budget_round = RoundFactory(stage=Stage.COUNTING)
    ward = budget_round.wards.first()
    a = ProposalFactory(budget_round=budget_round, cost=6_000, title="Park benches")
    b = ProposalFactory(budget_round=budget_round, cost=5_000, title="Mural")
    for chosen in ([a, b], [a]):
        vote(budget_round, resident_of(ward), chosen)
    services.result_work_out(budget_round=budget_round, by=officer())
    return budget_round, a, b


# Voting --------------------------------------------------------------------------------------


def test_a_resident_votes_with_tick_boxes(client):
    """The ballot page works without JavaScript: ticks and a button."""
    budget_round = RoundFactory(stage=Stage.VOTING)
    a, b = ProposalFactory.create_batch(2, budget_round=budget_round)
    voter = _login(client, resident_of(budget_round.wards.first()))
    url = reverse("budgets:ballot", args=[budget_round.pk])
    page = client.get(url)
    assert page.status_code == 200 and 'type="checkbox"' in page.text
    response = client.post(url, {"proposals": [a.pk, b.pk], "action": "vote"})
    assert response.status_code == 302
    ballot = Ballot.objects.get(voter=voter)
    assert set(ballot.choices.values_list("proposal_id", flat=True)) == {a.pk, b.pk}


def test_the_ballot_shows_the_last_vote_ticked(client):
    """Coming back, your choices are ticked."""
    budget_round = RoundFactory(stage=Stage.VOTING)
    a = ProposalFactory(budget_round=budget_round)
    voter = _login(client, resident_of(budget_round.wards.first()))
    services.ballot_cast(budget_round=budget_round, voter=voter, proposal_ids={a.pk})
    page = client.get(reverse("budgets:ballot", args=[budget_round.pk]))
    assert "checked" in page.text and "change them until voting closes" in page.text


def test_check_my_total_adds_up_without_saving(client):
    """ "Check my total" shows the sum and saves nothing."""
    budget_round = RoundFactory(
        stage=Stage.VOTING, ballot=Round.Ballot.FILL_BUDGET, most_choices=None
    )
    a = ProposalFactory(budget_round=budget_round, cost=4_000)
    b = ProposalFactory(budget_round=budget_round, cost=5_000)
    _login(client, resident_of(budget_round.wards.first()))
    response = client.post(
        reverse("budgets:ballot", args=[budget_round.pk]),
        {"proposals": [a.pk, b.pk], "action": "check"},
    )
    assert response.status_code == 200
    assert "Your choices add up to £9,000. £1,000 is left." in response.text
    assert not Ballot.objects.exists()


def test_over_the_budget_is_a_plain_error(client):
    """Sending choices over the budget is a 400 saying both sums."""
    budget_round = RoundFactory(
        stage=Stage.VOTING, ballot=Round.Ballot.FILL_BUDGET, most_choices=None
    )
    chosen = [ProposalFactory(budget_round=budget_round, cost=c) for c in (4_000, 5_000, 3_400)]
    _login(client, resident_of(budget_round.wards.first()))
    response = client.post(
        reverse("budgets:ballot", args=[budget_round.pk]),
        {"proposals": [p.pk for p in chosen], "action": "vote"},
    )
    assert response.status_code == 400
    assert "These add up to £12,400. The budget is £10,000." in response.text
    assert not Ballot.objects.exists()


def test_too_many_choices_is_a_plain_error(client):
    """ "You chose 3. You can choose up to 2." on the page."""
    budget_round = RoundFactory(stage=Stage.VOTING, most_choices=2)
    chosen = ProposalFactory.create_batch(3, budget_round=budget_round, cost=100)
    _login(client, resident_of(budget_round.wards.first()))
    response = client.post(
        reverse("budgets:ballot", args=[budget_round.pk]),
        {"proposals": [p.pk for p in chosen], "action": "vote"},
    )
    assert response.status_code == 400 and "You chose 3. You can choose up to 2." in response.text


def test_a_made_up_proposal_on_the_ballot_is_a_plain_error(client):
    """A crafted value is a 400, never a 500."""
    budget_round = RoundFactory(stage=Stage.VOTING)
    ProposalFactory(budget_round=budget_round)
    _login(client, resident_of(budget_round.wards.first()))
    response = client.post(
        reverse("budgets:ballot", args=[budget_round.pk]), {"proposals": ["٣", "x"]}
    )
    assert response.status_code == 400


def test_people_outside_the_area_cannot_vote(client):
    """403 outside the area; a visitor is sent to sign in."""
    budget_round = RoundFactory(stage=Stage.VOTING)
    url = reverse("budgets:ballot", args=[budget_round.pk])
    assert client.get(url).status_code == 302
    _login(client, resident_of(WardFactory()))
    assert client.get(url).status_code == 403


def test_the_ballot_page_sends_people_back_when_voting_is_not_open(client):
    """Before voting, the ballot page redirects with a message."""
    budget_round = RoundFactory(stage=Stage.CHECKING)
    _login(client, resident_of(budget_round.wards.first()))
    response = client.get(reverse("budgets:ballot", args=[budget_round.pk]), follow=True)
    assert "Voting is not open" in response.text


def test_a_voter_takes_back_their_vote(client):
    """POST removes the ballot."""
    budget_round = RoundFactory(stage=Stage.VOTING)
    a = ProposalFactory(budget_round=budget_round)
    voter = _login(client, resident_of(budget_round.wards.first()))
    services.ballot_cast(budget_round=budget_round, voter=voter, proposal_ids={a.pk})
    client.post(reverse("budgets:ballot_remove", args=[budget_round.pk]))
    assert not Ballot.objects.exists()


def test_taking_back_a_vote_needs_signing_in(client):
    """A visitor is sent to sign in."""
    budget_round = RoundFactory(stage=Stage.VOTING)
    response = client.post(reverse("budgets:ballot_remove", args=[budget_round.pk]))
    assert response.status_code == 302 and "sign" in response.url


# Results ---------------------------------------------------------------------------------


def test_everyone_reads_the_result_with_reasons_chart_and_table(client):
    """The result says why, in plain words, with an SVG chart and a table saying the same."""
    budget_round, _a, _b = _decided_round()
    page = client.get(reverse("budgets:result", args=[budget_round.pk]))
    assert page.status_code == 200
    assert (
        "Chosen: 2 people voted for it and it cost £6,000, which fitted in what was left."
        in page.text
    )
    assert "Not chosen: when its turn came only £4,000 was left and it costs £5,000." in page.text
    assert "<svg" in page.text and "<table" in page.text


def test_the_result_page_takes_the_same_queries_however_many_proposals(client):
    """No query per proposal on the result page."""
    budget_round, *_ = _decided_round()
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("budgets:result", args=[budget_round.pk]))
    bigger = RoundFactory(stage=Stage.COUNTING)
    proposals = ProposalFactory.create_batch(8, budget_round=bigger, cost=500)
    vote(bigger, resident_of(bigger.wards.first()), proposals)
    services.result_work_out(budget_round=bigger, by=officer())
    with CaptureQueriesContext(connection) as many:
        client.get(reverse("budgets:result", args=[bigger.pk]))
    assert len(many) == len(few)


def test_the_result_downloads_as_csv(client):
    """The CSV has a row per proposal with its votes and why."""
    budget_round, _a, _b = _decided_round()
    response = client.get(reverse("budgets:result_csv", args=[budget_round.pk]))
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["title"] for row in rows] == ["Park benches", "Mural"]
    assert rows[0]["votes"] == "2" and rows[0]["chosen"] == "yes"
    assert rows[0]["why"].startswith("Chosen:")


def test_there_is_no_csv_before_the_result(client):
    """404 until the result is worked out."""
    budget_round = RoundFactory(stage=Stage.VOTING)
    assert client.get(reverse("budgets:result_csv", args=[budget_round.pk])).status_code == 404


def test_an_officer_works_out_the_result_with_a_post(client):
    """The button works out the result and winners become projects."""
    budget_round = RoundFactory(stage=Stage.COUNTING)
    a = ProposalFactory(budget_round=budget_round)
    vote(budget_round, resident_of(budget_round.wards.first()), [a])
    _login(client, officer())
    page = client.get(reverse("budgets:result", args=[budget_round.pk]))
    assert "Work out the result" in page.text
    client.post(reverse("budgets:result_work_out", args=[budget_round.pk]))
    a.refresh_from_db()
    assert Result.objects.filter(budget_round=budget_round).exists() and a.project is not None


def test_residents_cannot_work_out_the_result(client):
    """403 for a resident, and no button for them."""
    budget_round = RoundFactory(stage=Stage.COUNTING)
    ProposalFactory(budget_round=budget_round)
    _login(client)
    assert (
        "Work out the result"
        not in client.get(reverse("budgets:result", args=[budget_round.pk])).text
    )
    response = client.post(reverse("budgets:result_work_out", args=[budget_round.pk]))
    assert response.status_code == 403
    assert not Result.objects.exists()


def test_the_project_page_links_back_to_the_round(client):
    """A project made from a proposal says which round chose it."""
    budget_round, a, _b = _decided_round()
    a.refresh_from_db()
    page = client.get(reverse("projects:detail", args=[a.project_id]))
    assert budget_round.title in page.text
    assert reverse("budgets:proposal_detail", args=[a.pk]) in page.text
