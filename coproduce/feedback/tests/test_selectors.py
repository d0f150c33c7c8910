"""The summary, the public answers and the owner's list."""

import pytest
from django.utils import timezone

from coproduce.directory.tests.factories import ServiceFactory
from coproduce.feedback import selectors
from coproduce.feedback.models import Feedback
from coproduce.groups.tests.factories import OrganiserFactory

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db


def test_summary_counts_each_rating_and_the_share_answered(django_assert_num_queries):
    """One query: counts worst first, and the share answered rounded down."""
    service = ServiceFactory()
    for rating in (1, 5, 5):
        FeedbackFactory(service=service, rating=rating)
    FeedbackFactory(service=service, rating=4, answered_at=timezone.now(), answer="Thanks")
    FeedbackFactory(rating=2)  # another service's
    with django_assert_num_queries(1):
        summary = selectors.summary_of(service)
    assert summary.count == 4
    assert [n for _v, _l, n in summary.ratings] == [1, 0, 0, 1, 2]
    assert summary.share_answered == 25
    assert not summary.is_shown


def test_summary_is_shown_from_5_responses():
    """5 responses is the threshold (common.counts.SMALLEST_SHOWN)."""
    service = ServiceFactory()
    FeedbackFactory.create_batch(5, service=service)
    assert selectors.summary_of(service).is_shown


def test_public_answers_leave_out_private_and_unanswered():
    """Only answers the service made public are listed."""
    service = ServiceFactory()
    shown = FeedbackFactory(
        service=service, answer="Yes", answered_at=timezone.now(), answer_is_public=True
    )
    FeedbackFactory(service=service, answer="Private", answered_at=timezone.now())
    FeedbackFactory(service=service)
    assert list(selectors.public_answers(service)) == [shown]


def test_owner_list_filters_by_rating_answered_and_way():
    """Filters combine; the list is newest first."""
    service = ServiceFactory()
    old = FeedbackFactory(service=service, rating=1)
    new = FeedbackFactory(service=service, rating=1, via=Feedback.Via.EASY_READ)
    FeedbackFactory(service=service, rating=5, answered_at=timezone.now(), answer="x")
    assert list(selectors.feedback_for_owner(service, {"rating": ["1"]})) == [new, old]
    assert list(selectors.feedback_for_owner(service, {"via": "easy_read"})) == [new]
    assert selectors.feedback_for_owner(service, {"answered": "yes"}).count() == 1
    assert selectors.feedback_for_owner(service, {"answered": "no"}).count() == 2


def test_services_run_by_an_organiser_with_waiting_counts():
    """An organiser sees their organisation's services, most waiting first."""
    service = ServiceFactory()
    ServiceFactory()  # someone else's
    organiser = OrganiserFactory(organisation=service.organisation).user
    FeedbackFactory.create_batch(2, service=service)
    rows = list(selectors.services_run_by(organiser))
    assert [(s, s.waiting, s.total) for s in rows] == [(service, 2, 2)]


def test_hidden_service_is_not_found_for_the_public():
    """An unlisted service takes no feedback from the public."""
    service = ServiceFactory(is_listed=False)
    assert selectors.service_for_feedback(service.uuid) is None
