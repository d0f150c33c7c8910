"""Panel pages: who may see and do what, private details kept private, and sealed scores
through the pages."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.commissioning import services
from coproduce.commissioning.models import Criterion, Member, Panel

from .factories import PanelFactory, officer, published_panel

pytestmark = pytest.mark.django_db


def _url(name, panel, *more):
    return reverse(f"commissioning:{name}", args=[panel.pk, *more])


def _score_all(member, value=4, reason="Strong local links"):
    panel = member.panel
    for bid in panel.bids.all():
        services.interest_declare(user=member.user, bid=bid, has_interest=False)
        services.score_bid(
            user=member.user,
            bid=bid,
            scores={c.pk: (value, reason) for c in panel.criteria.all()},
        )


def test_the_list_shows_published_panels_not_drafts(client):
    """Visitors see published panels only."""
    shown = published_panel()
    draft = PanelFactory(status=Panel.Status.DRAFT, published_at=None)
    page = client.get(reverse("commissioning:list")).text
    assert shown.title in page and draft.title not in page


def test_the_list_takes_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    """However many panels there are."""
    for _n in range(5):
        published_panel(bids=1, members=1)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("commissioning:list")).status_code == 200


def test_the_public_page_shows_criteria_and_summaries_never_commercial_details(client):
    """Criteria, weights and public summaries, but not prices, to visitors and members."""
    panel = published_panel()
    member = panel.members.first()
    for viewer in (None, member.user):
        if viewer:
            client.force_login(viewer)
        page = client.get(_url("detail", panel)).text
        assert "Value for money" in page and "Open youth clubs" in page
        assert "PRICE-SECRET" not in page


def test_a_draft_is_hidden_from_everyone_but_its_officers(client):
    """404 for visitors and other officers; the running officer sees it."""
    panel = PanelFactory(status=Panel.Status.DRAFT, published_at=None)
    assert client.get(_url("detail", panel)).status_code == 404
    client.force_login(officer())
    assert client.get(_url("detail", panel)).status_code == 404
    client.force_login(panel.created_by)
    assert client.get(_url("detail", panel)).status_code == 200


def test_only_running_officers_see_the_run_page_and_commercial_details(client):
    """Members and other officers are refused; the running officer sees the prices."""
    panel = published_panel()
    for someone in (panel.members.first().user, officer()):
        client.force_login(someone)
        assert client.get(_url("run", panel)).status_code == 403
        assert client.get(_url("sheet", panel)).status_code == 403
    client.force_login(panel.created_by)
    assert "PRICE-SECRET" in client.get(_url("run", panel)).text


def test_an_officer_sets_up_a_panel_and_publishes_its_criteria(client):
    """Through the pages: new panel, two criteria, publish; then criteria cannot be added."""
    by = officer()
    client.force_login(by)
    response = client.post(
        reverse("commissioning:new"),
        {"title": "Youth clubs", "why": "Contracts end", "budget": "£1m", "timetable": "May"},
    )
    panel = Panel.objects.get()
    assert response.url == _url("run", panel)
    client.post(_url("criterion_add", panel), {"title": "Reach", "weight": "70"})
    response = client.post(_url("criterion_add", panel), {"title": "Cost", "weight": "40"})
    assert response.status_code == 400 and "more than 100" in response.text
    client.post(_url("criterion_add", panel), {"title": "Cost", "weight": "30"})
    client.post(_url("publish", panel))
    panel.refresh_from_db()
    assert panel.status == Panel.Status.PUBLISHED
    response = client.post(_url("criterion_add", panel), {"title": "Late", "weight": "1"})
    assert response.status_code == 400 and Criterion.objects.filter(panel=panel).count() == 2


def test_a_resident_cannot_set_up_a_panel(client):
    """403 for the form."""
    client.force_login(UserFactory())
    assert client.get(reverse("commissioning:new")).status_code == 403


def test_an_invitation_is_answered_by_the_person(client):
    """Invited through the run page, they join only by saying yes on their own page."""
    panel = published_panel(members=0)
    person = UserFactory()
    client.force_login(panel.created_by)
    client.post(_url("invite", panel), {"email": person.email})
    member = Member.objects.get(user=person)
    assert member.status == Member.Status.INVITED
    client.force_login(person)
    assert client.get(_url("join", panel)).status_code == 200
    client.post(_url("join", panel), {"answer": "accept"})
    member.refresh_from_db()
    assert member.status == Member.Status.ACTIVE


def test_a_youth_application_asks_the_date_of_birth(client):
    """Too old is a form error on the date of birth, not a 500."""
    panel = published_panel(members=0, is_youth=True, age_min=11, age_max=19)
    client.force_login(UserFactory())
    response = client.post(
        _url("apply", panel),
        {
            "why_join": "I go to the club",
            "date_of_birth-day": "1",
            "date_of_birth-month": "1",
            "date_of_birth-year": "1980",
        },
    )
    assert response.status_code == 400 and "aged 11 to 19" in response.text


def test_only_members_see_the_scoring_page(client):
    """Visitors are sent to sign in; other residents are refused."""
    panel = published_panel()
    assert client.get(_url("score", panel)).status_code == 302
    client.force_login(UserFactory())
    assert client.get(_url("score", panel)).status_code == 403


def test_a_conflicted_bid_has_no_score_form_and_scoring_it_is_refused(client):
    """Declared an interest: the page hides that bid's scores, and posting them is refused."""
    panel = published_panel()
    member = panel.members.first()
    conflicted = panel.bids.first()
    client.force_login(member.user)
    client.post(
        _url("declare", panel, conflicted.pk),
        {f"d{conflicted.pk}-has_interest": "yes", f"d{conflicted.pk}-details": "My aunt runs it"},
    )
    page = client.get(_url("score", panel)).text
    assert f'action="{_url("score_bid", panel, conflicted.pk)}"' not in page
    data = {f"s{conflicted.pk}-score_{c.pk}": "5" for c in panel.criteria.all()}
    data |= {f"s{conflicted.pk}-reason_{c.pk}": "Great" for c in panel.criteria.all()}
    assert client.post(_url("score_bid", panel, conflicted.pk), data).status_code == 403


def test_scores_are_sealed_on_the_page_until_the_member_submits(client):
    """Another member's reasons appear only once this member has submitted."""
    panel = published_panel()
    first, second = panel.members.all()
    _score_all(first, reason="FIRST-MEMBER-REASON")
    services.scores_submit(user=first.user, panel=panel)
    client.force_login(second.user)
    page = client.get(_url("score", panel)).text
    assert "FIRST-MEMBER-REASON" not in page and 'id="sealed"' in page
    for bid in panel.bids.all():
        client.post(_url("declare", panel, bid.pk), {f"d{bid.pk}-has_interest": "no"})
        data = {f"s{bid.pk}-score_{c.pk}": "3" for c in panel.criteria.all()}
        data |= {f"s{bid.pk}-reason_{c.pk}": "Fine" for c in panel.criteria.all()}
        assert client.post(_url("score_bid", panel, bid.pk), data).status_code == 302
    client.post(_url("submit", panel))
    assert "FIRST-MEMBER-REASON" in client.get(_url("score", panel)).text


def test_the_score_sheet_shows_submitted_scores_only(client, django_assert_max_num_queries):
    """The running officer sees submitted members' reasons, never unsubmitted ones."""
    panel = published_panel(members=3)
    first, second, _third = panel.members.all()
    _score_all(first, reason="SUBMITTED-REASON")
    services.scores_submit(user=first.user, panel=panel)
    _score_all(second, reason="UNSUBMITTED-REASON")
    client.force_login(panel.created_by)
    with django_assert_max_num_queries(20):
        page = client.get(_url("sheet", panel)).text
    assert "SUBMITTED-REASON" in page and "UNSUBMITTED-REASON" not in page


def test_moderating_a_total_with_bad_input_is_a_form_error(client):
    """A total over 100 is a 400 with the message."""
    panel = published_panel()
    bid = panel.bids.first()
    client.force_login(panel.created_by)
    response = client.post(
        _url("moderate", panel, bid.pk), {f"bid{bid.pk}-total": "150", f"bid{bid.pk}-reason": "x"}
    )
    assert response.status_code == 400 and "100 or less" in response.text


def test_the_outcome_is_published_with_reasons(client):
    """Recommendation and decision appear on the public page."""
    panel = published_panel()
    client.force_login(panel.created_by)
    client.post(
        _url("recommend", panel),
        {
            "bid": panel.bids.first().pk,
            "recommendation": "Give it to them",
            "reasons": "RECOMMEND-WHY",
        },
    )
    client.post(_url("decide", panel), {"decision": "Awarded", "reasons": "DECIDE-WHY"})
    client.logout()
    page = client.get(_url("detail", panel)).text
    assert "RECOMMEND-WHY" in page and "DECIDE-WHY" in page


def test_get_never_writes(client):
    """The write URLs refuse GET."""
    panel = published_panel()
    client.force_login(panel.created_by)
    assert client.get(_url("publish", panel)).status_code == 405
