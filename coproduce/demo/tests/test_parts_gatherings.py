from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db.models import Count, Q

from coproduce.accounts.roles import Role
from coproduce.demo import services as demo_services
from coproduce.demo.context import DemoContext
from coproduce.demo.models import DemoObject
from coproduce.demo.parts import gatherings as demo
from coproduce.demo.parts.accounts import email_for
from coproduce.demo.sizes import SIZES
from coproduce.demo.tests.factories import TINY, seed_demo
from coproduce.gatherings.models import (
    Action,
    ActionReminder,
    AgendaInterest,
    AgendaItem,
    Barrier,
    BarrierTheme,
    Choice,
    ChoiceOption,
    ColumnNote,
    Event,
    ReportBack,
    Rsvp,
    Series,
    Treatment,
)

pytestmark = pytest.mark.django_db

LONDON = ZoneInfo("Europe/London")
# A fixed "now", so two builds can be compared; mid-March, so the year spans BST and GMT.
NOW = datetime(2026, 3, 18, 14, 0, tzinfo=UTC)


def _borough(size=SIZES["small"], seed: int = 1, now: datetime = NOW) -> DemoContext:
    """The demo borough of the given size, before this part (and without the service choice
    panel's meeting and the councillors' surgeries, events of their own)."""
    ctx = DemoContext(size=size, seed=seed, now=now, write=lambda line: None)
    demo_services.demo_build(ctx, without=frozenset({"gatherings", "commissioning", "councillors"}))
    return ctx


def _built(**kwargs) -> DemoContext:
    ctx = _borough(**kwargs)
    demo.build(ctx)
    return ctx


def _snapshot() -> dict:
    """What the part made, in words and times, without database ids or secret tokens."""
    return {
        "events": list(
            Event.objects.order_by("starts_at", "title").values_list(
                "title",
                "kind",
                "series__title",
                "starts_at",
                "ends_at",
                "place__name",
                "online_url",
                "capacity",
                "access_provisions",
                "status",
                "confirmed_count",
                "waiting_count",
                "attendance_recorded_at",
            )
        ),
        "rsvps": list(
            Rsvp.objects.order_by("event__starts_at", "event__title", "user__email").values_list(
                "event__title",
                "user__email",
                "status",
                "queued_at",
                "access_requests",
                "access_note",
                "invited_by__email",
                "attended",
            )
        ),
        "treatments": list(
            Treatment.objects.order_by("event__starts_at", "title").values_list(
                "event__title", "title", "presenter__email", "status", "follows__title"
            )
        ),
        "actions": list(
            Action.objects.order_by(
                "treatment__event__starts_at", "treatment__title", "text", "due_on"
            ).values_list(
                "treatment__title", "text", "owner__email", "owner_name", "due_on", "status"
            )
        ),
        "barriers": list(
            Barrier.objects.order_by(
                "treatment__event__starts_at", "treatment__title", "text", "busted_at"
            ).values_list("treatment__title", "text", "theme__name", "busted_at", "busted_how")
        ),
        "report_backs": list(
            # Ties broken by every column shown, so the order never depends on the database.
            ReportBack.objects.order_by(
                "created_at", "treatment__title", "event__title", "outcome", "note"
            ).values_list(
                "treatment__title", "event__title", "outcome", "note", "reported_by__email"
            )
        ),
        "agenda": list(
            AgendaItem.objects.order_by("event__starts_at", "title").values_list(
                "event__title", "title", "proposed_by__email", "status", "room", "interest_count"
            )
        ),
    }


def _learning_sessions(**filters):
    return Event.objects.filter(kind=Event.Kind.ACTION_LEARNING_SET, **filters).order_by(
        "starts_at"
    )


def test_builds_a_year_of_every_kind_of_gathering_on_the_small_borough():
    """About nine months past and three to come, of every kind, some online, with support."""
    _built()
    events = Event.objects.all()
    assert set(events.values_list("kind", flat=True)) == set(Event.Kind.values)
    first, last = events.order_by("starts_at").first(), events.order_by("starts_at").last()
    assert NOW - timedelta(days=300) < first.starts_at < NOW - timedelta(days=240)
    assert NOW + timedelta(days=60) < last.starts_at < NOW + timedelta(days=110)
    assert events.filter(place__isnull=True).exclude(online_url="").exists()
    assert events.filter(agenda_open=True, kind=Event.Kind.FORUM, starts_at__gt=NOW).exists()
    offered = {
        value for values in events.values_list("access_provisions", flat=True) for value in values
    }
    assert {"creche", "bsl", "step_free", "hearing_loop", "quiet_room"} <= offered
    assert Series.objects.filter(title="Coproduction Action Learning Set").exists()


def test_learning_set_meets_on_the_second_tuesday_at_ten_local_time():
    """Every session starts at 10:00 London time, in summer (BST) and winter (GMT) alike."""
    _built()
    sessions = list(_learning_sessions())
    assert len(sessions) >= 10
    utc_hours = set()
    for session in sessions:
        local = session.starts_at.astimezone(LONDON)
        assert (local.weekday(), local.hour, local.minute) == (1, 10, 0)
        assert 8 <= local.day <= 14
        assert session.ends_at.astimezone(LONDON).time().isoformat() == "12:30:00"
        utc_hours.add(session.starts_at.astimezone(UTC).hour)
    assert utc_hours == {9, 10}
    organisers = set(sessions[0].series.organisers.values_list("email", flat=True))
    assert organisers == {email_for(Role.ORGANISER), email_for(Role.OFFICER)}


def test_same_seed_builds_the_same_gatherings():
    """Building twice with one seed and the same day gives the same events, places and words."""
    _built(seed=3)
    first = _snapshot()
    demo_services.demo_clear()
    _built(seed=3)
    assert _snapshot() == first


def test_counters_agree_with_the_rows():
    """Places taken, waiting lists and interest shown are the counts of the rows."""
    _built()
    events = Event.objects.annotate(
        going=Count("rsvps", filter=Q(rsvps__status=Rsvp.Status.CONFIRMED)),
        queueing=Count("rsvps", filter=Q(rsvps__status=Rsvp.Status.WAITING)),
    )
    for event in events:
        assert (event.confirmed_count, event.waiting_count) == (event.going, event.queueing)
        assert event.capacity is None or event.confirmed_count <= event.capacity
    for item in AgendaItem.objects.annotate(backers=Count("interests")):
        assert item.interest_count == item.backers
    assert AgendaInterest.objects.exists()


def test_action_status_and_busted_barriers_follow_the_latest_report_back():
    """An action's status is its latest report-back's outcome (open if none); a barrier is
    busted, with how, exactly when a report-back said so."""
    _built()
    for action in Action.objects.prefetch_related("report_backs"):
        reports = sorted(action.report_backs.all(), key=lambda r: (r.created_at, r.pk))
        expected = reports[-1].outcome if reports else Action.Status.OPEN
        assert action.status == expected
    for barrier in Barrier.objects.prefetch_related("report_backs"):
        busted = [r for r in barrier.report_backs.all() if r.outcome == ReportBack.Outcome.BUSTED]
        assert len(busted) <= 1
        if busted:
            assert barrier.busted_at == busted[0].created_at
            assert barrier.busted_how == busted[0].note != ""
        else:
            assert barrier.busted_at is None and barrier.busted_how == ""
    assert Action.objects.filter(status=Action.Status.DONE).exists()
    assert Barrier.objects.filter(busted_at__isnull=False).exists()


def test_past_session_hears_report_backs_on_the_session_before():
    """At a past session, presenters report back on the last session's actions and barriers,
    and on the time before of a project that came again."""
    _built()
    sessions = list(_learning_sessions(ends_at__lte=NOW))
    reported = [s for s in sessions if s.report_backs.exists()]
    assert len(reported) >= 3
    for session in reported:
        earlier = [s for s in sessions if s.starts_at < session.starts_at]
        for report in session.report_backs.select_related("treatment", "action", "barrier"):
            came_again = report.treatment.followed_by.filter(event=session).exists()
            assert report.treatment.event == earlier[-1] or came_again
            assert report.reported_by_id == report.treatment.presenter_id
            subject = report.action or report.barrier
            assert subject.treatment_id == report.treatment_id
            assert report.created_at > session.starts_at
    assert ActionReminder.objects.exists()


def test_learning_set_treatments_have_four_columns_and_chain_when_projects_return():
    """Past treatments have notes, owned and dated actions and barriers; a returning project
    follows its last treatment; future sessions have no captures yet."""
    _built()
    accepted = Treatment.objects.filter(status=Treatment.Status.ACCEPTED, event__ends_at__lte=NOW)
    assert accepted.count() >= 10
    for treatment in accepted:
        assert treatment.notes.filter(column="who").count() >= 3
        assert treatment.notes.filter(column="resources").count() >= 3
        assert 2 <= treatment.actions.count() <= 5
        assert 1 <= treatment.barriers.count() <= 3
        for action in treatment.actions.all():
            assert action.owner_id or action.owner_name
            assert action.due_on >= treatment.event.starts_at.astimezone(LONDON).date()
    assert accepted.filter(project__isnull=False).exists()
    assert accepted.filter(project__isnull=True).exists()
    for treatment in Treatment.objects.filter(project__isnull=False):
        assert treatment.project.owners.filter(user=treatment.presenter).exists()
    followers = Treatment.objects.filter(follows__isnull=False).select_related("follows__event")
    assert followers.exists()
    for treatment in followers:
        assert treatment.follows.event.starts_at < treatment.event.starts_at
        assert (treatment.follows.project_id, treatment.follows.title) == (
            treatment.project_id,
            treatment.title,
        )
    future = Treatment.objects.filter(event__starts_at__gt=NOW)
    assert future.filter(status=Treatment.Status.PROPOSED).exists()
    assert not ColumnNote.objects.filter(treatment__in=future).exists()
    assert not Action.objects.filter(treatment__in=future).exists()


def test_barrier_library_has_themes_across_projects_and_some_left_unlinked():
    """Some library entry holds barriers from two or more projects; a few are unlinked."""
    _built()
    themes = BarrierTheme.objects.annotate(
        projects=Count("barriers__treatment__title", distinct=True)
    )
    assert themes.count() >= 8
    assert themes.filter(projects__gte=2).exists()
    assert Barrier.objects.filter(theme__isnull=True).exists()
    assert (
        Barrier.objects.filter(theme__isnull=False).count()
        > Barrier.objects.filter(theme__isnull=True).count()
    )


def test_people_take_places_bring_friends_and_come_or_not():
    """An upcoming event is full with a waiting list; friends were brought; support asked
    for is on offer; past events record who came."""
    _built()
    full = Event.objects.filter(starts_at__gt=NOW, capacity__isnull=False, waiting_count__gt=0)
    assert any(event.is_full for event in full)
    assert Rsvp.objects.filter(invited_by__isnull=False).exists()
    asked = Rsvp.objects.exclude(access_requests=[]).select_related("event")
    assert asked.exists()
    for rsvp in asked:
        assert set(rsvp.access_requests) <= set(rsvp.event.access_provisions)
    assert Rsvp.objects.exclude(access_note="").exists()
    recorded = Event.objects.filter(attendance_recorded_at__isnull=False)
    assert recorded.exists()
    assert not recorded.filter(starts_at__gt=NOW).exists()
    came = Rsvp.objects.filter(event__in=recorded, status=Rsvp.Status.CONFIRMED)
    assert came.filter(attended=True).exists() and came.filter(attended=False).exists()
    assert not came.filter(attended__isnull=True).exists()
    assert not Rsvp.objects.filter(event__starts_at__gt=NOW, attended__isnull=False).exists()
    for rsvp in Rsvp.objects.filter(invited_by__isnull=False):
        inviter = Rsvp.objects.get(event=rsvp.event_id, user=rsvp.invited_by_id)
        assert inviter.queued_at <= rsvp.queued_at


def test_demo_resident_has_a_place_to_come_and_an_action_to_do():
    """The demo resident has a place at an upcoming event and an open action they own."""
    _built()
    resident = email_for(Role.RESIDENT)
    assert Rsvp.objects.filter(
        user__email=resident, status=Rsvp.Status.CONFIRMED, event__starts_at__gt=NOW
    ).exists()
    assert Action.objects.filter(
        owner__email=resident, status=Action.Status.OPEN, due_on__gte=NOW.date()
    ).exists()


def test_builds_on_a_tiny_borough_too():
    """Even with very few people and places, it builds and stays consistent."""
    _built(size=TINY)
    assert Event.objects.filter(kind=Event.Kind.ACTION_LEARNING_SET).exists()
    for event in Event.objects.all():
        assert event.confirmed_count == event.rsvps.filter(status="confirmed").count()


def test_clear_removes_what_it_made_and_keeps_a_real_library_entry():
    """Clearing leaves no demo gatherings; a library entry that was there already stays."""
    real = BarrierTheme.objects.create(name="No funding", slug="no-funding")
    _built()
    assert real.barriers.exists()
    demo.clear()
    for model in demo.MODELS:
        if model is not BarrierTheme:
            assert not model.objects.exists(), model
        assert not DemoObject.objects.filter(model_label=model._meta.label_lower).exists()
    assert list(BarrierTheme.objects.all()) == [real]


def test_seed_demo_reset_replaces_the_gatherings():
    """seed_demo --reset removes the old gatherings before making new ones."""
    out = seed_demo()
    assert " events" in out
    before = set(Event.objects.values_list("pk", flat=True))
    count = Rsvp.objects.count()
    seed_demo("--reset")
    assert not Event.objects.filter(pk__in=before).exists()
    assert Rsvp.objects.count() == count
    demo_services.demo_clear()
    for model in demo.MODELS:
        assert not model.objects.exists(), model


def test_a_meet_up_chose_projects_and_a_learning_set_chose_a_barrier():
    """The demo has a closed dot vote on projects and a closed ranking of barriers."""
    _built()
    closed = Choice.objects.filter(status="closed")
    assert closed.count() == 2
    on_projects = closed.get(about="projects")
    assert ChoiceOption.objects.filter(choice=on_projects, chosen=True).exists()
    on_barriers = closed.get(about="barriers")
    assert ChoiceOption.objects.filter(choice=on_barriers, chosen=True).exists()
