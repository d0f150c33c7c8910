from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.councillors import services
from coproduce.councillors.models import Seat
from coproduce.gatherings.models import Event
from coproduce.notifications.models import Notification
from coproduce.places.tests.factories import PlaceFactory, WardFactory
from coproduce.staff.models import AuditEntry

from .factories import QuestionFactory, SeatFactory

pytestmark = pytest.mark.django_db


def _roles(user) -> set[str]:
    return set(user.groups.values_list("name", flat=True))


def _offer(person=None, ward=None):
    officer = UserFactory(roles=[Role.OFFICER])
    return services.seat_offer(
        person=person or UserFactory(),
        ward=ward or WardFactory(),
        public_name="Councillor Sam Patel",
        party="Green",
        role="Cabinet member for parks",
        by=officer,
    )


def test_an_offer_waits_for_the_person_and_tells_them():
    """An officer's offer is not public yet; the person is told and the audit log has it."""
    seat = _offer()
    assert seat.status == Seat.Status.OFFERED and not seat.is_public
    assert Notification.objects.filter(recipient=seat.person, kind="councillor_seats").exists()
    assert AuditEntry.objects.filter(action="councillors.seat_offered").exists()


def test_only_officers_offer_seats():
    """A resident cannot make someone a councillor."""
    with pytest.raises(NotAllowed):
        services.seat_offer(
            person=UserFactory(), ward=WardFactory(), public_name="X", by=UserFactory()
        )


def test_one_live_offer_per_person_per_ward():
    """The same person cannot be asked twice for the same ward while the first stands."""
    seat = _offer()
    with pytest.raises(Refusal):
        _offer(person=seat.person, ward=seat.ward)


def test_accepting_makes_the_seat_public_and_gives_the_role():
    """Only the person asked accepts; then they hold the councillor role."""
    seat = _offer()
    with pytest.raises(NotAllowed):
        services.seat_accept(seat=seat, by=UserFactory())
    seat = services.seat_accept(seat=seat, by=seat.person)
    assert seat.is_public
    assert Role.COUNCILLOR.value in _roles(seat.person)


def test_declining_shows_nothing():
    """Saying no leaves the seat declined, and it can never be accepted afterwards."""
    seat = _offer()
    services.seat_decline(seat=seat, by=seat.person)
    with pytest.raises(Refusal):
        services.seat_accept(seat=seat, by=seat.person)


def test_stepping_down_takes_the_role_away_after_the_last_seat():
    """The role goes only when no accepted seat is left."""
    person = UserFactory()
    first, second = _offer(person=person), _offer(person=person)
    services.seat_accept(seat=first, by=person)
    services.seat_accept(seat=second, by=person)
    services.seat_step_down(seat=first, by=person)
    assert Role.COUNCILLOR.value in _roles(person)
    services.seat_step_down(seat=second, by=person)
    assert Role.COUNCILLOR.value not in _roles(person)


def test_others_cannot_step_a_councillor_down():
    """A resident cannot end someone else's seat."""
    seat = SeatFactory()
    with pytest.raises(NotAllowed):
        services.seat_step_down(seat=seat, by=UserFactory())


def _accepted():
    seat = _offer()
    return services.seat_accept(seat=seat, by=seat.person)


def test_a_surgery_is_an_event_in_gatherings():
    """The councillor puts on a surgery: an ordinary meet-up event they organise."""
    seat = _accepted()
    start = timezone.now() + timedelta(days=3)
    surgery = services.surgery_schedule(
        seat=seat,
        by=seat.person,
        starts_at=start,
        ends_at=start + timedelta(hours=2),
        place=PlaceFactory(),
    )
    event = Event.objects.get(pk=surgery.event_id)
    assert event.kind == Event.Kind.MEET_UP
    assert "Councillor Sam Patel" in event.title
    assert event.organisers.filter(pk=seat.person.pk).exists()


def test_stepping_down_cancels_upcoming_surgeries():
    """Surgeries still to come are cancelled, with the reason."""
    seat = _accepted()
    start = timezone.now() + timedelta(days=3)
    surgery = services.surgery_schedule(
        seat=seat,
        by=seat.person,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        online_url="https://example.org/meet",
    )
    services.seat_step_down(seat=seat, by=seat.person)
    assert Event.objects.get(pk=surgery.event_id).is_cancelled


def test_a_resident_cannot_schedule_a_surgery():
    """Only the councillor or an officer put on surgeries."""
    seat = _accepted()
    start = timezone.now() + timedelta(days=3)
    with pytest.raises(NotAllowed):
        services.surgery_schedule(
            seat=seat,
            by=UserFactory(),
            starts_at=start,
            ends_at=start + timedelta(hours=1),
            online_url="https://example.org/meet",
        )


def test_asking_tells_the_councillor():
    """A question is saved and the councillor is notified."""
    seat = SeatFactory()
    question = services.question_ask(
        seat=seat, asker=UserFactory(), body="  Why is the library shut?  ", show_name=True
    )
    assert question.body == "Why is the library shut?"
    assert (
        Notification.objects.filter(recipient=seat.person, kind="councillor_questions").count() == 1
    )


def test_the_councillor_is_told_only_so_often(settings):
    """Past the per-seat limit, questions are kept but the councillor is not told again."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "councillor_question_notice": "2/d"}
    seat = SeatFactory()
    for _ in range(4):
        services.question_ask(seat=seat, asker=UserFactory(), body="Why?", show_name=False)
    assert seat.questions.count() == 4
    assert Notification.objects.filter(recipient=seat.person).count() == 2


def test_nobody_asks_a_seat_not_accepted():
    """An offered seat takes no questions, and a councillor cannot ask themselves."""
    offered = SeatFactory(status=Seat.Status.OFFERED)
    with pytest.raises(NotAllowed):
        services.question_ask(seat=offered, asker=UserFactory(), body="Hi", show_name=False)
    seat = SeatFactory()
    with pytest.raises(NotAllowed):
        services.question_ask(seat=seat, asker=seat.person, body="Hi", show_name=False)


def test_an_empty_question_is_refused():
    """Blank text is refused on the body field."""
    with pytest.raises(Refusal) as refused:
        services.question_ask(seat=SeatFactory(), asker=UserFactory(), body="  ", show_name=False)
    assert refused.value.field == "body"


def test_answering_tells_the_asker_once():
    """The first answer tells the asker; changing it does not tell them again."""
    question = QuestionFactory()
    councillor = question.seat.person
    services.question_answer(question=question, by=councillor, answer="Next week.")
    services.question_answer(question=question, by=councillor, answer="Next Tuesday.")
    question.refresh_from_db()
    assert question.answer == "Next Tuesday." and question.is_answered
    assert (
        Notification.objects.filter(recipient=question.asker, kind="councillor_answers").count()
        == 1
    )


def test_only_the_councillor_asked_answers():
    """Another councillor, or the asker, cannot answer."""
    question = QuestionFactory()
    for person in (question.asker, SeatFactory(ward=question.seat.ward).person):
        with pytest.raises(NotAllowed):
            services.question_answer(question=question, by=person, answer="Yes.")
