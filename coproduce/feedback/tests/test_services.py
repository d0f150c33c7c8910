"""Giving feedback and answering it: who is told, and what is kept."""

import pytest
from django.contrib.auth.models import Permission
from django.core import mail

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.directory.tests.factories import ServiceFactory
from coproduce.feedback import services
from coproduce.feedback.models import Feedback
from coproduce.groups.tests.factories import OrganiserFactory
from coproduce.notifications.models import Notification
from coproduce.staff.models import AuditEntry

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db


def _organiser(service):
    return OrganiserFactory(organisation=service.organisation).user


def _officer():
    officer = UserFactory()
    officer.user_permissions.add(Permission.objects.get(codename="manage_any_feedback"))
    return officer


def test_visitor_feedback_is_anonymous():
    """Feedback without an account keeps no person and no name."""
    feedback = services.feedback_give(service=ServiceFactory(), rating=5, went_well=" Quick ")
    assert feedback.person is None and not feedback.show_name
    assert feedback.went_well == "Quick"


def test_signed_in_person_is_kept_but_named_only_by_choice():
    """The giver is kept for their own download; the service sees the name only if chosen."""
    person = UserFactory()
    feedback = services.feedback_give(service=ServiceFactory(), rating=3, person=person)
    assert feedback.person == person and not feedback.show_name


def test_a_visitor_cannot_give_a_name_or_be_contacted_through_an_account():
    """Name and account contact need someone signed in."""
    with pytest.raises(Refusal):
        services.feedback_give(service=ServiceFactory(), rating=3, show_name=True)
    with pytest.raises(Refusal):
        services.feedback_give(service=ServiceFactory(), rating=3, contact_by="account")


def test_email_contact_needs_an_email_and_email_is_kept_only_for_it():
    """No address for "by email" is refused; an address without that choice is dropped."""
    with pytest.raises(Refusal):
        services.feedback_give(service=ServiceFactory(), rating=3, contact_by="email")
    feedback = services.feedback_give(
        service=ServiceFactory(), rating=3, contact_email="me@example.org"
    )
    assert feedback.contact_email == ""


def test_rating_off_the_scale_is_refused():
    """Only 1 to 5."""
    with pytest.raises(Refusal):
        services.feedback_give(service=ServiceFactory(), rating=6)
    assert not Feedback.objects.exists()


def test_only_the_owner_may_answer():
    """A resident who does not run the service is refused."""
    feedback = FeedbackFactory()
    with pytest.raises(NotAllowed):
        services.feedback_answer(feedback=feedback, by=UserFactory(), text="Thanks", public=True)


def test_private_answer_notifies_a_person_who_agreed():
    """Contact "through my account" gets a notification."""
    person = UserFactory()
    feedback = FeedbackFactory(person=person, contact_by=Feedback.ContactBy.ACCOUNT)
    owner = _organiser(feedback.service)
    services.feedback_answer(feedback=feedback, by=owner, text="We fixed it", public=False)
    note = Notification.objects.get(recipient=person)
    assert note.kind == "feedback_answer"


def test_private_answer_emails_the_address_given(django_capture_on_commit_callbacks):
    """Contact "by email" gets one email at the address they gave."""
    feedback = FeedbackFactory(contact_by=Feedback.ContactBy.EMAIL, contact_email="a@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_answer(
            feedback=feedback, by=_organiser(feedback.service), text="Sorry", public=False
        )
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    assert "Sorry" in mail.outbox[0].body


def test_answer_reaches_nobody_who_did_not_agree(django_capture_on_commit_callbacks):
    """No contact choice: no notification, no email."""
    person = UserFactory()
    feedback = FeedbackFactory(person=person)
    with django_capture_on_commit_callbacks(execute=True):
        services.feedback_answer(
            feedback=feedback, by=_organiser(feedback.service), text="Thanks", public=False
        )
    assert not Notification.objects.filter(recipient=person).exists()
    assert mail.outbox == []


def test_emails_to_one_address_are_limited(django_capture_on_commit_callbacks, settings):
    """Past the daily limit for an address, answers are saved but not emailed."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "feedback_answer_email": "1/d"}
    owner_service = ServiceFactory()
    owner = _organiser(owner_service)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(2):
            feedback = FeedbackFactory(
                service=owner_service, contact_by="email", contact_email="b@example.org"
            )
            services.feedback_answer(feedback=feedback, by=owner, text="Thanks", public=False)
    assert len(mail.outbox) == 1
    assert Feedback.objects.filter(answered_at__isnull=False).count() == 2


def test_an_officer_answer_is_audited_an_organiser_answer_is_not():
    """Officers act on others' services, so their answers are in the audit log."""
    feedback = FeedbackFactory()
    services.feedback_answer(feedback=feedback, by=_officer(), text="Noted", public=True)
    assert AuditEntry.objects.filter(action="feedback.answered").count() == 1
    other = FeedbackFactory()
    services.feedback_answer(feedback=other, by=_organiser(other.service), text="Ok", public=True)
    assert AuditEntry.objects.filter(action="feedback.answered").count() == 1


def test_empty_answer_is_refused():
    """An answer needs words."""
    feedback = FeedbackFactory()
    with pytest.raises(Refusal):
        services.feedback_answer(
            feedback=feedback, by=_organiser(feedback.service), text="  ", public=True
        )
