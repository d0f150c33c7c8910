from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.directory.tests.factories import ServiceFactory
from coproduce.places.tests.factories import WardFactory
from coproduce.yousaid.models import CouncilResponse

from .factories import CouncilResponseFactory, closed_survey, officer

pytestmark = pytest.mark.django_db
Status = CouncilResponse.Status


def _day(prefix: str, day) -> dict:
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def test_the_borough_list_is_public_and_says_overdue_in_words(client):
    """Anyone sees the list; an overdue response says "Overdue", not only a colour."""
    CouncilResponseFactory(
        will_change="Fix the lights", due_on=timezone.localdate() - timedelta(days=2)
    )
    response = client.get(reverse("yousaid:list"))
    assert response.status_code == 200
    assert "Fix the lights" in response.text
    assert "Overdue" in response.text
    assert "is not done yet" in response.text


def test_the_overdue_filter_shows_only_overdue(client):
    """?status=overdue lists open responses past their day."""
    CouncilResponseFactory(will_change="Late one", due_on=timezone.localdate() - timedelta(days=1))
    CouncilResponseFactory(will_change="On time one")
    response = client.get(reverse("yousaid:list"), {"status": "overdue"})
    assert "Late one" in response.text and "On time one" not in response.text


def test_a_made_up_filter_still_shows_the_list(client):
    """A status that is not one falls back to any, with its error on the form."""
    response = client.get(reverse("yousaid:list"), {"status": "lots", "ward": "nowhere"})
    assert response.status_code == 200
    assert "There is a problem" in response.text


def test_the_ward_list_shows_only_that_ward(client, django_assert_max_num_queries):
    """A ward's page lists its responses in a fixed number of queries."""
    ward = WardFactory()
    CouncilResponseFactory.create_batch(3, ward=ward, will_change="Here")
    CouncilResponseFactory(will_change="Elsewhere")
    with django_assert_max_num_queries(8):
        response = client.get(reverse("yousaid:ward", args=[ward.slug]))
    assert response.status_code == 200
    assert "Here" in response.text and "Elsewhere" not in response.text
    assert client.get(reverse("yousaid:ward", args=["no-such-ward"])).status_code == 404


def test_the_service_list_shows_only_that_service(client):
    """A service's page lists the responses about it."""
    service = ServiceFactory()
    CouncilResponseFactory(service=service, will_change="Longer opening hours")
    CouncilResponseFactory(will_change="Elsewhere")
    response = client.get(reverse("yousaid:service", args=[service.uuid]))
    assert "Longer opening hours" in response.text and "Elsewhere" not in response.text


def test_a_response_page_shows_its_history_to_anyone(client):
    """The public page shows what will change and every change made."""
    writer = officer()
    survey = closed_survey()
    client.force_login(writer)
    client.post(
        reverse("yousaid:record", args=["survey", survey.pk]),
        {
            "heard": "More benches",
            "will_change": "Ten benches",
            **_day("due_on", timezone.localdate() + timedelta(days=9)),
        },
    )
    made = CouncilResponse.objects.get()
    client.logout()
    response = client.get(reverse("yousaid:detail", args=[made.pk]))
    assert response.status_code == 200
    assert "Ten benches" in response.text and "Response recorded" in response.text
    assert "Update this response" not in response.text


def test_recording_needs_someone_the_source_allows(client):
    """A visitor is sent to sign in; a resident is refused."""
    survey = closed_survey()
    url = reverse("yousaid:record", args=["survey", survey.pk])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    assert client.get(reverse("yousaid:record", args=["nothing", 1])).status_code == 404


def test_recording_with_missing_parts_gives_form_errors(client):
    """Empty answers give a 400 with the form's errors, and nothing is recorded."""
    survey = closed_survey()
    client.force_login(survey.owner)
    response = client.post(reverse("yousaid:record", args=["survey", survey.pk]), {"heard": ""})
    assert response.status_code == 400
    assert "Say what will change" in response.text
    assert not CouncilResponse.objects.exists()


def test_an_officer_asks_another_who_accepts(client):
    """Asking is a POST that tells them; they accept from the response's page."""
    response = CouncilResponseFactory()
    asked = officer()
    client.force_login(response.written_by)
    client.post(reverse("yousaid:owner", args=[response.pk]), {"owner": asked.pk})
    response.refresh_from_db()
    assert response.owner_invited == asked
    client.force_login(asked)
    page = client.get(reverse("yousaid:detail", args=[response.pk]))
    assert "You have been asked to own this response" in page.text
    assert client.get(reverse("yousaid:accept", args=[response.pk])).status_code == 405
    client.post(reverse("yousaid:accept", args=[response.pk]))
    response.refresh_from_db()
    assert response.owner == asked


def test_someone_not_asked_cannot_accept(client):
    """Accepting an invitation that is not yours is refused."""
    response = CouncilResponseFactory()
    client.force_login(officer())
    assert client.post(reverse("yousaid:accept", args=[response.pk])).status_code == 403


def test_the_owner_marks_it_done(client):
    """Done, with what changed, is saved and shown."""
    owner = officer()
    response = CouncilResponseFactory(owner=owner)
    client.force_login(owner)
    assert client.get(reverse("yousaid:update", args=[response.pk])).status_code == 200
    page = client.post(
        reverse("yousaid:update", args=[response.pk]),
        {
            "heard": response.heard,
            "will_change": response.will_change,
            **_day("due_on", response.due_on),
            "status": "done",
            "did_change": "Ten benches are in the park.",
        },
        follow=True,
    )
    assert "Ten benches are in the park." in page.text
    response.refresh_from_db()
    assert response.status == Status.DONE


def test_done_without_what_changed_is_a_form_error(client):
    """The service's refusal shows on the field."""
    response = CouncilResponseFactory()
    client.force_login(response.written_by)
    page = client.post(
        reverse("yousaid:update", args=[response.pk]),
        {
            "heard": "h",
            "will_change": "w",
            **_day("due_on", response.due_on),
            "status": "done",
        },
    )
    assert page.status_code == 400
    assert "Say what did change" in page.text


def test_a_resident_cannot_update(client):
    """Only the owner, the writer and whoever runs the item may change it."""
    response = CouncilResponseFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("yousaid:update", args=[response.pk])).status_code == 403
    assert client.get(reverse("yousaid:owner", args=[response.pk])).status_code == 403


def test_the_ward_page_shows_the_panel(client):
    """The ward's own page lists its latest responses and links to them all."""
    ward = WardFactory()
    CouncilResponseFactory(ward=ward, will_change="New crossing")
    page = client.get(reverse("site:ward_detail", args=[ward.slug]))
    assert "New crossing" in page.text
    assert reverse("yousaid:ward", args=[ward.slug]) in page.text


def test_the_survey_results_offer_a_response_to_who_may_write_one(client):
    """The survey's results page links to recording a response for its owner."""
    survey = closed_survey()
    client.force_login(survey.owner)
    page = client.get(reverse("surveys:results", args=[survey.pk]))
    assert reverse("yousaid:record", args=["survey", survey.pk]) in page.text


def test_the_service_page_shows_the_panel(client):
    """The service's own page lists its latest responses and links to them all."""
    from coproduce.directory.tests.factories import full_service

    service = full_service()
    CouncilResponseFactory(service=service, will_change="Open on Saturdays")
    page = client.get(reverse("services:detail", args=[service.uuid]))
    assert "Open on Saturdays" in page.text
    assert reverse("yousaid:service", args=[service.uuid]) in page.text


def test_a_service_owner_answering_feedback_can_record_the_councils_response(client):
    """The page answering one piece of feedback links to recording a response to it, which
    then shows on that page; the form is the same as for any other source."""
    from coproduce.feedback.tests.factories import FeedbackFactory
    from coproduce.groups.tests.factories import OrganiserFactory

    feedback = FeedbackFactory()
    organiser = OrganiserFactory(organisation=feedback.service.organisation).user
    client.force_login(organiser)
    answer_url = reverse("feedback:answer", args=[feedback.pk])
    record_url = reverse("yousaid:record", args=["feedback", feedback.pk])
    assert record_url in client.get(answer_url).text
    CouncilResponseFactory(
        source="feedback", item_id=feedback.pk, will_change="Warmer rooms by January"
    )
    assert "Warmer rooms by January" in client.get(answer_url).text
    client.force_login(UserFactory())
    assert client.get(record_url).status_code == 403
