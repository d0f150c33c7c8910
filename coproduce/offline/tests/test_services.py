"""Registering, acting for, and handing over the accounts of people who are not online."""

import pytest
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.champions.tests.factories import StreetChampionFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.gatherings.models import Rsvp
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.offline import selectors
from coproduce.offline.models import Act, AppendOnly, Consent, OfflineResident
from coproduce.offline.services import acting, residents
from coproduce.places.tests.factories import StreetFactory
from coproduce.subscriptions.models import Subscription
from coproduce.surveys.models import Response
from coproduce.surveys.tests.factories import QuestionFactory, SurveyFactory
from coproduce.timebank.models import Transfer
from coproduce.timebank.services import account_open_for_user, transfer_confirm
from coproduce.timebank.tests.factories import AccountFactory

from .factories import officer, offline_resident

pytestmark = pytest.mark.django_db


def _kinds(resident):
    return list(resident.acts.order_by("at", "pk").values_list("kind", flat=True))


def test_an_officer_registers_a_resident_with_no_email():
    """The account has no email address, the name they chose, and a profile on their street."""
    street = StreetFactory()
    resident = offline_resident(street=street, name="Edna Price")
    user = resident.user
    assert user.email is None
    assert not user.has_email
    assert user.display_name == "Edna Price"
    assert user.profile.street == street
    assert user.profile.ward == street.ward


def test_registering_records_the_consent_and_who_took_it():
    """The words read out, who took them and what was agreed are kept with the record."""
    by = officer()
    resident = offline_resident(by=by)
    consent = resident.consents.get()
    assert consent.taken_by == by
    assert "Is that all right?" in consent.script
    assert set(consent.agreed_to) == {"record", "act", "contact"}
    assert _kinds(resident) == [Act.Kind.REGISTERED, Act.Kind.CONSENT]


def test_no_account_is_made_without_consent():
    """Without consent to keep the record and act for them, nothing is written."""
    with pytest.raises(Refusal):
        offline_resident(agreed_to=["contact"])
    assert not OfflineResident.objects.exists()
    assert not Consent.objects.exists()


def test_post_needs_an_address():
    """Contact by post without a postal address is refused."""
    with pytest.raises(Refusal, match="postal address"):
        offline_resident(contact_by=OfflineResident.Contact.POST, postal_address=" ")


def test_a_resident_may_not_register_anyone():
    """Someone who is neither an officer nor a champion cannot register people."""
    with pytest.raises(NotAllowed):
        offline_resident(by=UserFactory())


def test_a_champion_registers_people_on_their_street_only():
    """A champion may register on their own street, not on another."""
    role = StreetChampionFactory()
    resident = offline_resident(by=role.champion, street=role.street)
    assert resident.champion == role.champion
    with pytest.raises(NotAllowed):
        offline_resident(by=role.champion, street=StreetFactory())


def test_the_log_cannot_be_changed_or_removed():
    """Acts are append-only, through save, update and delete."""
    act = offline_resident().acts.first()
    act.summary = "changed"
    with pytest.raises(AppendOnly):
        act.save()
    with pytest.raises(AppendOnly):
        Act.objects.update(summary="x")
    with pytest.raises(AppendOnly):
        Act.objects.all().delete()


def test_rsvp_for_gives_them_a_place_and_logs_it():
    """Taking a place for them goes through the event's rules and is in the log."""
    by = officer()
    resident = offline_resident(by=by)
    event = EventFactory()
    rsvp = acting.rsvp_for(resident=resident, by=by, event=event)
    assert rsvp.user == resident.user and rsvp.status == Rsvp.Status.CONFIRMED
    act = resident.acts.get(kind=Act.Kind.RSVP)
    assert act.by == by and act.target == f"gatherings.rsvp:{rsvp.pk}"


def test_a_full_event_puts_them_on_the_waiting_list():
    """The event's capacity holds for people acted for too."""
    by = officer()
    event = EventFactory(capacity=1)
    acting.rsvp_for(resident=offline_resident(by=by, name="A"), by=by, event=event)
    rsvp = acting.rsvp_for(resident=offline_resident(by=by, name="B"), by=by, event=event)
    assert rsvp.status == Rsvp.Status.WAITING


def test_another_champion_cannot_act_for_them():
    """A champion of another street may not act for someone."""
    resident = offline_resident()
    other = StreetChampionFactory().champion
    with pytest.raises(NotAllowed):
        acting.rsvp_for(resident=resident, by=other, event=EventFactory())
    assert not Rsvp.objects.exists()


def test_their_streets_champion_can_act_for_them():
    """The champion for their street acts for them, and is named in the log."""
    resident = offline_resident()
    champion = StreetChampionFactory(street=resident.street).champion
    acting.rsvp_for(resident=resident, by=champion, event=EventFactory())
    assert resident.acts.get(kind=Act.Kind.RSVP).by == champion


def test_subscribe_for_adds_a_postal_subscription():
    """Subscribing them makes a subscription by post, added by the helper."""
    by = officer()
    resident = offline_resident(by=by)
    subscription = acting.subscribe_for(
        resident=resident, by=by, topic=None, things=[], frequency=2
    )
    assert subscription.channel == "post"
    assert Subscription.objects.filter(pk=subscription.pk, added_by=by).exists()
    assert resident.acts.filter(kind=Act.Kind.SUBSCRIBED).exists()


def test_a_coordinator_records_their_time_at_once():
    """An officer who coordinates the time bank records the time, posted straight away."""
    by = officer()
    resident = offline_resident(by=by)
    other = AccountFactory()
    transfer = acting.time_record_for(
        resident=resident, by=by, other=other, minutes=90, description="Gardening", gave=True
    )
    assert transfer.status == Transfer.Status.POSTED
    assert account_open_for_user(user=resident.user).balance == 90
    assert resident.acts.get(kind=Act.Kind.TIME).by == by


def test_a_champion_records_time_that_waits_for_the_other_side():
    """A champion's record is a request from their account, confirmed by the other side."""
    resident = offline_resident()
    champion = StreetChampionFactory(street=resident.street).champion
    other = AccountFactory()
    transfer = acting.time_record_for(
        resident=resident, by=champion, other=other, minutes=60, description="Shopping", gave=True
    )
    assert transfer.status == Transfer.Status.PENDING
    transfer_confirm(actor=other.user, transfer=transfer)
    assert account_open_for_user(user=resident.user).balance == 60


def test_time_others_recorded_can_be_confirmed_for_them():
    """When someone else asks them to confirm, their helper confirms it and it is logged."""
    by = officer()
    resident = offline_resident(by=by)
    other = AccountFactory()
    from coproduce.timebank.services import transfer_request

    asked = transfer_request(
        actor=other.user,
        account=other,
        other=account_open_for_user(user=resident.user),
        minutes=30,
        description="Lift to the clinic",
        gave=True,
    )
    assert list(selectors.time_waiting_for(resident)) == [asked]
    acting.time_confirm_for(resident=resident, by=by, transfer=asked)
    asked.refresh_from_db()
    assert asked.status == Transfer.Status.POSTED
    assert resident.acts.filter(kind=Act.Kind.TIME_CONFIRMED).exists()


def test_poll_answers_are_theirs_once():
    """Paper answers count as theirs: entering again changes them, never adds a second."""
    by = officer()
    resident = offline_resident(by=by)
    survey = SurveyFactory(is_poll=True)
    question = QuestionFactory(survey=survey, kind="text", required=True)
    acting.poll_answer_for(resident=resident, by=by, survey=survey, answers={question.pk: "Yes"})
    acting.poll_answer_for(resident=resident, by=by, survey=survey, answers={question.pk: "No"})
    response = Response.objects.get(survey=survey)
    assert response.respondent == resident.user
    assert resident.acts.filter(kind=Act.Kind.POLL).count() == 2


def test_the_contact_can_be_changed_and_is_logged():
    """Changing how to contact them is an act like any other."""
    by = officer()
    resident = offline_resident(by=by)
    residents.resident_contact_change(
        resident=resident, by=by, contact_by="phone", postal_address="", phone="01234 567890"
    )
    resident.refresh_from_db()
    assert resident.phone == "01234 567890"
    assert resident.acts.filter(kind=Act.Kind.CHANGED).exists()


def test_the_letter_run_finds_their_postal_address():
    """The subscriptions letter run reads the address through its registry."""
    from coproduce.subscriptions.postal import postal_address

    resident = offline_resident(postal_address="1 High Street\nNorthbrook")
    assert postal_address(resident.user) == "1 High Street\nNorthbrook"


def test_the_issue_check_every_step_is_in_the_log():
    """Issue 15: a resident registered by an officer with no email takes part in an event, a
    poll and the time bank, and every step is in the log."""
    by = officer()
    resident = offline_resident(by=by)
    assert resident.user.email is None
    acting.rsvp_for(resident=resident, by=by, event=EventFactory())
    survey = SurveyFactory(is_poll=True)
    question = QuestionFactory(survey=survey, kind="text")
    acting.poll_answer_for(resident=resident, by=by, survey=survey, answers={question.pk: "Yes"})
    acting.time_record_for(
        resident=resident, by=by, other=AccountFactory(), minutes=45, description="Tea", gave=True
    )
    assert _kinds(resident) == [
        Act.Kind.REGISTERED,
        Act.Kind.CONSENT,
        Act.Kind.RSVP,
        Act.Kind.POLL,
        Act.Kind.TIME,
    ]
    assert all(act.by == by and act.at <= timezone.now() for act in resident.acts.all())
    assert all(act.target for act in resident.acts.all())
