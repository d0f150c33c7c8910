from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.models import Notification
from coproduce.places.tests.factories import WardFactory
from coproduce.surveys.tests.factories import SurveyFactory
from coproduce.yousaid import services
from coproduce.yousaid.models import CouncilResponse, ResponseChange

from .factories import CouncilResponseFactory, closed_survey, officer

pytestmark = pytest.mark.django_db
Status = CouncilResponse.Status


def _record(actor, survey, **kwargs):
    return services.response_record(
        actor=actor,
        source_key="survey",
        item_id=survey.pk,
        heard="People want more benches.",
        will_change="Ten new benches.",
        due_on=timezone.localdate() + timedelta(days=30),
        **kwargs,
    )


def _update(actor, response, **kwargs):
    values = {
        "heard": response.heard,
        "will_change": response.will_change,
        "due_on": response.due_on,
        "status": response.status,
    }
    values.update(kwargs)
    return services.response_update(actor=actor, response=response, **values)


def test_recording_keeps_the_item_and_its_ward():
    """A response to a closed survey keeps its title and ward, and a first history entry."""
    ward = WardFactory()
    survey = closed_survey(ward=ward)
    response = _record(survey.owner, survey)
    assert response.item_title == survey.title
    assert response.ward == ward
    assert response.status == Status.PLANNED
    assert [c.kind for c in response.changes.all()] == [ResponseChange.Kind.RECORDED]


def test_an_open_survey_takes_no_response_yet():
    """Residents are still answering: the council responds once it has closed."""
    survey = SurveyFactory()
    with pytest.raises(Refusal):
        _record(survey.owner, survey)


def test_a_resident_cannot_respond_for_the_council():
    """Only whoever the source allows writes a response."""
    with pytest.raises(NotAllowed):
        _record(UserFactory(), closed_survey())


def test_naming_an_owner_asks_them_and_attaches_nobody():
    """The officer named is asked and told; they are not the owner until they accept."""
    survey = closed_survey()
    named = officer()
    response = _record(survey.owner, survey, owner=named)
    assert response.owner is None
    assert response.owner_invited == named
    assert Notification.objects.filter(recipient=named).count() == 1
    services.response_owner_accept(actor=named, response=response)
    response.refresh_from_db()
    assert response.owner == named and response.owner_invited is None


def test_naming_yourself_is_saying_yes():
    """An officer writing a response can own it at once."""
    writer = officer()
    response = _record(writer, closed_survey(), owner=writer)
    assert response.owner == writer


def test_only_officers_can_be_asked_to_own():
    """A resident cannot be named owner."""
    survey = closed_survey()
    with pytest.raises(Refusal):
        _record(survey.owner, survey, owner=UserFactory())


def test_declining_leaves_no_owner():
    """Saying no clears the invitation and is kept in the history."""
    named = officer()
    response = CouncilResponseFactory()
    services.response_owner_invite(actor=response.written_by, response=response, person=named)
    services.response_owner_decline(actor=named, response=response)
    response.refresh_from_db()
    assert response.owner is None and response.owner_invited is None
    assert response.changes.last().kind == ResponseChange.Kind.OWNER_DECLINED


def test_nobody_else_can_accept_an_invitation():
    """Only the person asked can accept."""
    response = CouncilResponseFactory()
    services.response_owner_invite(actor=response.written_by, response=response, person=officer())
    with pytest.raises(NotAllowed):
        services.response_owner_accept(actor=officer(), response=response)


def test_marking_done_needs_what_changed_and_keeps_history():
    """Done says what did change, dated today unless given; the change is in the history."""
    response = CouncilResponseFactory()
    with pytest.raises(Refusal):
        _update(response.written_by, response, status=Status.DONE)
    _update(response.written_by, response, status=Status.DONE, did_change="Ten benches are in.")
    response.refresh_from_db()
    assert response.status == Status.DONE
    assert response.done_on == timezone.localdate()
    change = response.changes.last()
    assert change.kind == ResponseChange.Kind.UPDATED
    assert {f["field"] for f in change.fields} == {"status", "did_change", "done_on"}


def test_not_doing_needs_a_reason():
    """The council says why it is not doing something."""
    response = CouncilResponseFactory()
    with pytest.raises(Refusal):
        _update(response.written_by, response, status=Status.NOT_DOING)
    _update(response.written_by, response, status=Status.NOT_DOING, not_doing_reason="No money.")
    response.refresh_from_db()
    assert response.not_doing_reason == "No money."


def test_the_owner_may_change_it_and_a_stranger_may_not():
    """Its owner updates it; a resident cannot."""
    response = CouncilResponseFactory(owner=officer())
    _update(response.owner, response, status=Status.IN_PROGRESS)
    with pytest.raises(NotAllowed):
        _update(UserFactory(), response, status=Status.DONE, did_change="x")


def test_an_update_that_changes_nothing_adds_no_history():
    """Saving the same values again is not a change."""
    response = CouncilResponseFactory()
    _update(response.written_by, response)
    assert response.changes.count() == 0


def test_overdue_is_open_and_past_its_day():
    """Overdue: planned or in progress, and past the day it was due."""
    yesterday = timezone.localdate() - timedelta(days=1)
    assert CouncilResponseFactory(due_on=yesterday).is_overdue()
    assert not CouncilResponseFactory(
        due_on=yesterday, status=Status.DONE, did_change="Done.", done_on=yesterday
    ).is_overdue()


def test_reminders_go_to_owners_of_responses_due_soon_or_overdue_once_a_week():
    """Due within 7 days or overdue: reminded once; a second run sends nothing."""
    owner = officer()
    today = timezone.localdate()
    due_soon = CouncilResponseFactory(owner=owner, due_on=today + timedelta(days=3))
    overdue = CouncilResponseFactory(owner=owner, due_on=today - timedelta(days=3))
    CouncilResponseFactory(owner=owner, due_on=today + timedelta(days=20))
    CouncilResponseFactory(due_on=today)  # no owner
    assert services.reminders_send() == 2
    assert services.reminders_send() == 0
    titles = list(Notification.objects.filter(recipient=owner).values_list("title", flat=True))
    assert any(t.startswith("Overdue") for t in titles)
    assert {due_soon.pk, overdue.pk} == set(
        CouncilResponse.objects.filter(reminded_at__isnull=False).values_list("pk", flat=True)
    )
    assert services.reminders_send(now=timezone.now() + timedelta(days=7, minutes=1)) == 2


def test_erasing_an_owner_keeps_the_response_without_their_name():
    """A closed account leaves the response, owned by "a council officer"."""
    owner = officer()
    response = CouncilResponseFactory(owner=owner)
    services.response_owner_invite(actor=response.written_by, response=response, person=officer())
    _update(owner, response, status=Status.IN_PROGRESS)
    services.response_owner_forget(person=owner)
    response.refresh_from_db()
    assert response.owner is None and response.owner_was_removed
    assert not ResponseChange.objects.filter(by=owner).exists()


def test_closing_an_account_keeps_its_responses_owned_by_a_council_officer(client):
    """The response stays; its page says "A council officer" instead of the owner's name."""
    from coproduce.personal_data.services import account_close

    owner = officer(display_name="Zebedee")
    response = CouncilResponseFactory(owner=owner)
    account_close(user=owner, remove_comments=False)
    response.refresh_from_db()
    assert response.owner is None and response.owner_was_removed
    page = client.get(reverse("yousaid:detail", args=[response.pk]))
    assert "A council officer" in page.text and "Zebedee" not in page.text
