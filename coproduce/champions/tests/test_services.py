import pytest
from django.db import IntegrityError, transaction

from coproduce.accounts.tests.factories import UserFactory
from coproduce.champions import selectors, services
from coproduce.champions.models import ChampionApplication, ChampionMessage, StreetChampion
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.models import Notification
from coproduce.places.tests.factories import StreetFactory, WardFactory

from .factories import ApplicationFactory, StreetChampionFactory, officer

pytestmark = pytest.mark.django_db


def _streets(n, ward=None):
    ward = ward or WardFactory()
    return [StreetFactory(ward=ward) for _ in range(n)]


# Applying --------------------------------------------------------------------------------------


def test_a_resident_applies_for_streets_in_their_ward():
    """A waiting application holds the streets and the reason."""
    person = UserFactory()
    streets = _streets(2)
    application = services.application_submit(applicant=person, streets=streets, why="I care.")
    assert application.status == ChampionApplication.Status.WAITING
    assert set(application.streets.all()) == set(streets)


def test_someone_registered_offline_may_apply():
    """No email at all (registered by an officer) counts as allowed."""
    person = UserFactory(email=None, email_verified_at=None)
    application = services.application_submit(applicant=person, streets=_streets(1), why="Yes.")
    assert application.pk


def test_an_unconfirmed_email_may_not_apply():
    """An email not yet confirmed is refused."""
    person = UserFactory(email_verified_at=None)
    with pytest.raises(NotAllowed):
        services.application_submit(applicant=person, streets=_streets(1), why="Yes.")


def test_streets_in_two_wards_are_refused():
    """One ward per application."""
    with pytest.raises(Refusal, match="one ward"):
        services.application_submit(
            applicant=UserFactory(), streets=_streets(1) + _streets(1), why="Yes."
        )


def test_an_empty_reason_is_refused():
    """The person must say why."""
    with pytest.raises(Refusal) as refused:
        services.application_submit(applicant=UserFactory(), streets=_streets(1), why="  ")
    assert refused.value.field == "why"


def test_more_streets_than_the_cap_are_refused(settings):
    """Asking for more streets than CHAMPION_MOST_STREETS is refused."""
    settings.CHAMPION_MOST_STREETS = 2
    with pytest.raises(Refusal, match="up to 2 streets"):
        services.application_submit(applicant=UserFactory(), streets=_streets(3), why="Yes.")


def test_streets_held_count_towards_the_cap(settings):
    """Two held plus one new passes a cap of two."""
    settings.CHAMPION_MOST_STREETS = 2
    person = UserFactory()
    ward = WardFactory()
    for street in _streets(2, ward):
        StreetChampionFactory(champion=person, street=street)
    with pytest.raises(Refusal, match="up to 2 streets"):
        services.application_submit(applicant=person, streets=_streets(1, ward), why="Yes.")


def test_a_second_waiting_application_is_refused():
    """One application waits at a time."""
    person = UserFactory()
    services.application_submit(applicant=person, streets=_streets(1), why="Yes.")
    with pytest.raises(Refusal, match="already have an application"):
        services.application_submit(applicant=person, streets=_streets(1), why="Again.")


def test_the_database_keeps_one_waiting_application_per_person():
    """The unique constraint stops a second waiting row even without the check."""
    person = UserFactory()
    ApplicationFactory(applicant=person)
    with pytest.raises(IntegrityError), transaction.atomic():
        ChampionApplication.objects.create(applicant=person, why="Twice.")


def test_the_applicant_may_withdraw():
    """A withdrawn application is no longer waiting."""
    application = ApplicationFactory()
    services.application_withdraw(application=application, by=application.applicant)
    application.refresh_from_db()
    assert application.status == ChampionApplication.Status.WITHDRAWN


def test_someone_else_may_not_withdraw():
    """Only the applicant withdraws."""
    with pytest.raises(NotAllowed):
        services.application_withdraw(application=ApplicationFactory(), by=UserFactory())


# Answering -------------------------------------------------------------------------------------


def test_approval_makes_a_role_per_street_and_tells_the_person():
    """Each street asked for gets a current role; the applicant is notified."""
    streets = _streets(2)
    application = ApplicationFactory(streets=streets)
    roles = services.application_approve(application=application, by=officer())
    assert {role.street_id for role in roles} == {s.pk for s in streets}
    assert all(selectors.is_champion_for(application.applicant, s) for s in streets)
    note = Notification.objects.get(recipient=application.applicant)
    assert note.kind == "champion_role" and "street champion" in note.title


def test_a_resident_may_not_approve():
    """Approving needs champions.approve_champion."""
    with pytest.raises(NotAllowed):
        services.application_approve(application=ApplicationFactory(), by=UserFactory())


def test_an_answered_application_cannot_be_answered_again():
    """A second approval is refused and makes no more roles."""
    application = ApplicationFactory()
    services.application_approve(application=application, by=officer())
    with pytest.raises(Refusal, match="already been answered"):
        services.application_approve(application=application, by=officer())
    assert StreetChampion.objects.count() == 1


def test_the_cap_holds_at_approval(settings):
    """Streets gained since applying count at approval too."""
    settings.CHAMPION_MOST_STREETS = 1
    person = UserFactory()
    application = ApplicationFactory(applicant=person)
    StreetChampionFactory(champion=person)
    with pytest.raises(Refusal, match="up to 1 street"):
        services.application_approve(application=application, by=officer())


def test_declining_needs_a_reason_and_tells_the_person():
    """No reason is refused; with one, the applicant is told it."""
    application = ApplicationFactory()
    with pytest.raises(Refusal):
        services.application_decline(application=application, by=officer(), reason=" ")
    services.application_decline(application=application, by=officer(), reason="Too far away.")
    application.refresh_from_db()
    assert application.status == ChampionApplication.Status.DECLINED
    assert "Too far away." in Notification.objects.get(recipient=application.applicant).body


def test_two_neighbours_may_share_a_street():
    """A street may have more than one current champion."""
    street = StreetFactory()
    for _ in range(2):
        services.application_approve(application=ApplicationFactory(streets=[street]), by=officer())
    assert StreetChampion.objects.filter(street=street, ended_at__isnull=True).count() == 2


def test_the_database_keeps_one_current_role_per_person_and_street():
    """The unique constraint stops a duplicate current role."""
    role = StreetChampionFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        StreetChampion.objects.create(champion=role.champion, street=role.street)


# Ending ----------------------------------------------------------------------------------------


def test_a_champion_steps_down():
    """Stepping down ends the role; they no longer champion the street."""
    role = StreetChampionFactory()
    services.champion_step_down(role=role, by=role.champion)
    assert not selectors.is_champion_for(role.champion, role.street)
    role.refresh_from_db()
    assert role.ending == StreetChampion.Ending.STEPPED_DOWN


def test_only_the_champion_steps_down():
    """Someone else cannot step down for them."""
    with pytest.raises(NotAllowed):
        services.champion_step_down(role=StreetChampionFactory(), by=UserFactory())


def test_an_officer_ends_a_role_with_a_reason_the_champion_is_told():
    """The role ends and the champion gets the reason."""
    role = StreetChampionFactory()
    services.champion_end(role=role, by=officer(), reason="Moved away.")
    role.refresh_from_db()
    assert role.ended_at is not None and role.ending == StreetChampion.Ending.ENDED
    assert "Moved away." in Notification.objects.get(recipient=role.champion).body


def test_ending_needs_an_officer_and_a_reason():
    """A resident may not end a role; an officer must say why."""
    role = StreetChampionFactory()
    with pytest.raises(NotAllowed):
        services.champion_end(role=role, by=UserFactory(), reason="No.")
    with pytest.raises(Refusal):
        services.champion_end(role=role, by=officer(), reason="")


def test_an_ended_role_cannot_end_again():
    """Ending twice is refused."""
    role = StreetChampionFactory()
    services.champion_step_down(role=role, by=role.champion)
    with pytest.raises(Refusal, match="already ended"):
        services.champion_end(role=role, by=officer(), reason="Again.")


# Messages --------------------------------------------------------------------------------------


def test_a_message_reaches_the_champion_without_the_senders_email():
    """Unless the sender ticks to share it, their email is not in the notification."""
    role = StreetChampionFactory()
    sender = UserFactory(email="sender@example.org")
    services.champion_message_send(champion=role.champion, sender=sender, body="Hello there.")
    note = Notification.objects.get(recipient=role.champion)
    assert note.kind == "champion_message" and "Hello there." in note.body
    assert "sender@example.org" not in note.body + note.title


def test_a_shared_email_goes_with_the_message():
    """Ticking "share my email" puts the address in the champion's notification."""
    role = StreetChampionFactory()
    sender = UserFactory(email="sender@example.org")
    services.champion_message_send(
        champion=role.champion, sender=sender, body="Hi.", share_email=True
    )
    assert "sender@example.org" in Notification.objects.get(recipient=role.champion).body


def test_someone_without_email_cannot_share_one():
    """A sender with no email sends the message, with nothing to share."""
    role = StreetChampionFactory()
    sender = UserFactory(email=None)
    message = services.champion_message_send(
        champion=role.champion, sender=sender, body="Hi.", share_email=True
    )
    assert message.share_email is False


def test_a_message_to_someone_not_a_champion_is_refused():
    """Only current champions can be messaged."""
    role = StreetChampionFactory()
    services.champion_step_down(role=role, by=role.champion)
    with pytest.raises(Refusal):
        services.champion_message_send(champion=role.champion, sender=UserFactory(), body="Hi.")
    assert not ChampionMessage.objects.exists()


def test_the_message_is_emailed_over_smtp(smtp_server, django_capture_on_commit_callbacks):
    """The champion gets the message by email through a real SMTP server."""
    role = StreetChampionFactory(champion=UserFactory(email="champ@example.org"))
    with django_capture_on_commit_callbacks(execute=True):
        services.champion_message_send(
            champion=role.champion, sender=UserFactory(), body="Bins are not collected."
        )
    [email] = smtp_server.wait_for(1)
    assert email["To"] == "champ@example.org"
    assert "Bins are not collected." in email.get_body(("plain",)).get_content()


def test_no_email_goes_to_a_champion_without_one(smtp_server, django_capture_on_commit_callbacks):
    """A champion registered offline gets the notification but no email, and nothing fails."""
    role = StreetChampionFactory(champion=UserFactory(email=None))
    with django_capture_on_commit_callbacks(execute=True):
        services.champion_message_send(champion=role.champion, sender=UserFactory(), body="Hi.")
    assert Notification.objects.filter(recipient=role.champion).exists()
    assert smtp_server.messages == []


# Selectors for other apps ----------------------------------------------------------------------


def test_champions_of_lists_current_streets_only():
    """Ended roles drop out of champions_of."""
    person = UserFactory()
    kept = StreetChampionFactory(champion=person)
    gone = StreetChampionFactory(champion=person)
    services.champion_step_down(role=gone, by=person)
    assert list(selectors.champions_of(person)) == [kept.street]
    assert selectors.is_champion_for(person, kept.street.pk)
    assert not selectors.is_champion_for(person, gone.street)
    assert not selectors.is_champion_for(None, kept.street)
