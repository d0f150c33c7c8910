"""A person's feedback in their download, and anonymous once they leave."""

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.feedback import selectors
from coproduce.feedback.models import Feedback
from coproduce.personal_data import services as personal_data
from coproduce.personal_data.export import personal_data_gather
from coproduce.personal_data.registry import undeclared_links

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db


def test_every_link_to_a_person_is_declared():
    """Every feedback field pointing at a person is in personal_data.py."""
    assert [link for link in undeclared_links() if link[0].startswith("feedback.")] == []


def test_download_has_the_feedback():
    """A person's download lists the feedback they gave, with their words."""
    feedback = FeedbackFactory(person=UserFactory(), went_well="Warm welcome")
    rows = personal_data_gather(feedback.person)["feedback_on_services"]
    assert rows[0]["went_well"] == "Warm welcome"
    assert "answered_by_id" not in rows[0]


def test_closing_an_account_keeps_counts_but_drops_name_and_contact():
    """The feedback stays in the summary; its person, name and contact details go."""
    person = UserFactory()
    feedback = FeedbackFactory(
        person=person, show_name=True, contact_by="email", contact_email="p@example.org"
    )
    personal_data.account_close(user=person, remove_comments=False)
    kept = Feedback.objects.get(pk=feedback.pk)
    assert kept.person is None and not kept.show_name
    assert (kept.contact_by, kept.contact_email) == ("", "")
    assert selectors.summary_of(kept.service).count == 1
