"""Small built data for the impact tests: a ward with a known count of everything."""

from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from coproduce.bookings.models import Booking
from coproduce.bookings.tests.factories import BookingFactory, RoomFactory, SpaceFactory
from coproduce.directory.tests.factories import ServiceAtLocationFactory
from coproduce.feedback.tests.factories import FeedbackFactory
from coproduce.gatherings.models import Event, ReportBack, Rsvp
from coproduce.gatherings.tests.factories import (
    ActionFactory,
    BarrierFactory,
    EventFactory,
    TreatmentFactory,
)
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import PlaceFactory, WardFactory
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.sharing.models import Reservation
from coproduce.sharing.tests.factories import ItemFactory
from coproduce.timebank.models import Transfer
from coproduce.timebank.tests.factories import AccountFactory


@dataclass
class Built:
    ward: object
    other: object
    people: list


def _rsvp(event, user, *, attended):
    return Rsvp.objects.create(
        event=event,
        user=user,
        status=Rsvp.Status.CONFIRMED,
        queued_at=timezone.now(),
        attended=attended,
    )


def build(*, people: int = 6) -> Built:
    """In `ward`: `people` residents; each comes to this month's event (all but one came),
    so `people` take part this month. Every other count is set out in the tests."""
    now = timezone.now()
    ward, other = WardFactory(), WardFactory()
    residents = [ProfileFactory(ward=ward, street__ward=ward).user for _ in range(people)]
    outsider = ProfileFactory(ward=other, street__ward=other).user
    place, elsewhere = PlaceFactory(ward=ward), PlaceFactory(ward=other)

    # Events: two this month in the ward (one cancelled), one elsewhere; one last year.
    start = now - timedelta(hours=3)
    event = EventFactory(place=place, starts_at=start, ends_at=start + timedelta(hours=1))
    EventFactory(
        place=place,
        starts_at=start,
        ends_at=start + timedelta(hours=1),
        status=Event.Status.CANCELLED,
    )
    away = EventFactory(place=elsewhere, starts_at=start, ends_at=start + timedelta(hours=1))
    old = now - timedelta(days=400)
    EventFactory(place=place, starts_at=old, ends_at=old + timedelta(hours=1))
    for number, person in enumerate(residents):
        _rsvp(event, person, attended=number > 0)
    _rsvp(away, outsider, attended=True)

    # Time bank: 90 minutes between two residents, 30 between outsiders, one undone.
    giver, taker = AccountFactory(user=residents[0]), AccountFactory(user=residents[1])
    stranger, stranger2 = AccountFactory(user=outsider), AccountFactory()
    for source, target, minutes in ((taker, giver, 90), (stranger2, stranger, 30)):
        Transfer.objects.create(
            from_account=source,
            to_account=target,
            minutes=minutes,
            description="Gardening",
            status=Transfer.Status.POSTED,
            posted_at=now,
            requested_by=residents[0],
        )

    # Projects: two ideas and one happening in the ward (one by place), one hidden.
    ProjectFactory(ward=ward, status=Project.Status.IDEA)
    ProjectFactory(place=place, status=Project.Status.IDEA)
    ProjectFactory(ward=ward, status=Project.Status.ACTIVE)
    ProjectFactory(ward=ward, status=Project.Status.ACTIVE, is_hidden=True)
    ProjectFactory(ward=other, status=Project.Status.COMPLETED)

    # Action learning: two actions done (one reported twice), one barrier busted.
    project = ProjectFactory(ward=ward, status=Project.Status.FORMING)
    treatment = TreatmentFactory(project=project)
    first, second = ActionFactory(treatment=treatment), ActionFactory(treatment=treatment)
    barrier = BarrierFactory(treatment=treatment)
    for action in (first, first, second):
        ReportBack.objects.create(
            treatment=treatment, action=action, outcome=ReportBack.Outcome.DONE
        )
    ReportBack.objects.create(
        treatment=treatment, barrier=barrier, outcome=ReportBack.Outcome.BUSTED
    )
    ReportBack.objects.create(
        treatment=treatment,
        barrier=BarrierFactory(treatment=treatment),
        outcome=ReportBack.Outcome.STILL_THERE,
    )

    # Rooms: two confirmed bookings this month in the ward, one declined.
    room = RoomFactory(space=SpaceFactory(place=PlaceFactory(ward=ward)))
    # One after another: PostgreSQL refuses two bookings of one room at the same time.
    statuses = (Booking.Status.CONFIRMED, Booking.Status.CONFIRMED, Booking.Status.DECLINED)
    for hours_before, status in enumerate(statuses, start=1):
        begins = now - timedelta(hours=hours_before)
        BookingFactory(
            room=room, status=status, starts_at=begins, ends_at=begins + timedelta(hours=1)
        )

    # Sharing: three items handed over in the ward, one only reserved.
    for status in (
        Reservation.Status.COLLECTED,
        Reservation.Status.LENT,
        Reservation.Status.RETURNED,
        Reservation.Status.ACTIVE,
    ):
        Reservation.objects.create(
            item=ItemFactory(ward=ward), reserved_by=residents[2], status=status
        )

    # Feedback: on time, late, overdue, not due yet, for a service in the ward.
    service = ServiceAtLocationFactory(place=PlaceFactory(ward=ward)).service
    on_time, late, overdue, _due = (FeedbackFactory(service=service) for _ in range(4))
    type(on_time).objects.filter(pk=on_time.pk).update(
        created_at=now - timedelta(days=20), answered_at=now - timedelta(days=18)
    )
    type(late).objects.filter(pk=late.pk).update(
        created_at=now - timedelta(days=40), answered_at=now - timedelta(days=2)
    )
    type(overdue).objects.filter(pk=overdue.pk).update(created_at=now - timedelta(days=30))
    return Built(ward=ward, other=other, people=residents)
