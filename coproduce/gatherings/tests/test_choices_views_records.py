"""What a closed choice leaves on record: the result on the event's page, "Chosen at" on a
project's page, the barrier to bust next on a learning set's page and in the report-back, and
the queries those pages take."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduce.gatherings.models import Choice
from coproduce.gatherings.services import choices as services
from coproduce.projects.tests.factories import ProjectFactory

from .event_cast import event_cast
from .factories import BarrierFactory, ChoiceFactory, TreatmentFactory, organiser
from .pages import as_role, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def cast():
    """An event with its organiser, someone with a place, a resident and an officer, and an
    open dot vote on three options."""
    cast = event_cast()
    cast.choice = ChoiceFactory(event=cast.event)
    cast.options = list(cast.choice.options.all())
    return cast


def _closed(cast):
    a, b, _c = cast.options
    services.ballot_cast(choice=cast.choice, user=cast.attendee, dots={b.pk: 2, a.pk: 1})
    services.choice_room_counts_set(choice=cast.choice, by=cast.organiser, people=3, dots={a.pk: 4})
    return services.choice_close(choice=cast.choice, by=cast.organiser)


def test_organiser_closes_and_the_result_is_on_the_event(client, cast):
    """After closing, the event page shows what was chosen, as a chart and a table."""
    url = reverse("gatherings:choice_close", args=[cast.choice.pk])
    services.ballot_cast(choice=cast.choice, user=cast.attendee, dots={cast.options[1].pk: 2})
    assert as_role(client, cast, "organiser").post(url).status_code == 302
    client.logout()
    page = text(client.get(reverse("gatherings:event", args=[cast.event.pk])))
    assert "The room chose:" in page
    assert "Canal path" in page
    assert '<svg xmlns="http://www.w3.org/2000/svg" role="img"' in page
    assert "<table" in page


def test_the_closed_choice_shows_the_count_to_visitors(client, cast):
    """Everyone sees the recorded count once voting is closed."""
    _closed(cast)
    page = text(client.get(reverse("gatherings:choice", args=[cast.choice.pk])))
    assert "What the room chose" in page
    assert "3 people voted in the room" in page


def test_a_closed_choice_takes_no_votes(client, cast):
    """A vote after closing is refused."""
    _closed(cast)
    url = reverse("gatherings:choice", args=[cast.choice.pk])
    response = as_role(client, cast, "attendee").post(url, {f"option_{cast.options[0].pk}": "1"})
    assert response.status_code == 403


def test_a_chosen_project_says_so_on_its_page(client, cast):
    """The project's page says at which event it was chosen, and when."""
    project = ProjectFactory(title="Canal orchard")
    choice = services.choice_create(
        event=cast.event,
        by=cast.organiser,
        question="Which next?",
        about=Choice.About.PROJECTS,
        method=Choice.Method.DOTS,
        projects=[project, ProjectFactory()],
    )
    services.ballot_cast(
        choice=choice, user=cast.attendee, dots={choice.options.get(project=project).pk: 1}
    )
    services.choice_close(choice=choice, by=cast.organiser)
    page = text(client.get(reverse("projects:detail", args=[project.pk])))
    assert f"Chosen at {cast.event.title} on 17 June 2030" in page


def test_the_set_page_shows_the_barrier_to_bust_next(client):
    """A learning set's page marks the barrier it chose to bust next."""
    treatment = TreatmentFactory()
    host = organiser()
    treatment.event.organisers.add(host)
    first = BarrierFactory(treatment=treatment, text="No keys to the hall")
    second = BarrierFactory(treatment=treatment, text="No insurance")
    attendee = host  # organisers vote in the room; the room count decides here
    choice = services.choice_create(
        event=treatment.event,
        by=host,
        question="Which barrier do we bust next?",
        about=Choice.About.BARRIERS,
        method=Choice.Method.DOTS,
        barriers=[first, second],
    )
    services.choice_room_counts_set(
        choice=choice,
        by=attendee,
        people=2,
        dots={choice.options.get(barrier=second).pk: 4},
    )
    services.choice_close(choice=choice, by=host)
    page = text(client.get(reverse("gatherings:series", args=[treatment.event.series.slug])))
    assert "The barrier to bust next" in page
    assert "No insurance" in page
    assert "No keys to the hall" not in page


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_event_page_takes_as_many_queries_for_many_choices_as_for_one(client, cast):
    """Closed choices on the event page add no queries per choice."""
    _closed(cast)
    url = reverse("gatherings:event", args=[cast.event.pk])
    one = _queries(client, url)
    for _n in range(4):
        extra = ChoiceFactory(event=cast.event)
        services.choice_close(choice=extra, by=cast.organiser)
    assert _queries(client, url) == one


def test_the_choice_page_takes_as_many_queries_for_many_options(client, cast):
    """The count page does not query once per option or per ballot."""
    as_role(client, cast, "organiser")
    url = reverse("gatherings:choice", args=[cast.choice.pk])
    few = _queries(client, url)
    many = ChoiceFactory(event=cast.event, labels=[f"Option {n}" for n in range(12)])
    services.ballot_cast(choice=many, user=cast.attendee, dots={many.options.first().pk: 1})
    assert _queries(client, reverse("gatherings:choice", args=[many.pk])) == few


def test_the_report_back_marks_the_barrier_chosen_to_bust_next(client):
    """Reporting back, the presenter sees which of their barriers the set chose."""
    treatment = TreatmentFactory()
    host = organiser()
    treatment.event.organisers.add(host)
    first = BarrierFactory(treatment=treatment, text="No keys to the hall")
    second = BarrierFactory(treatment=treatment, text="No insurance")
    choice = services.choice_create(
        event=treatment.event,
        by=host,
        question="Which barrier do we bust next?",
        about=Choice.About.BARRIERS,
        method=Choice.Method.DOTS,
        barriers=[first, second],
    )
    services.choice_room_counts_set(
        choice=choice, by=host, people=1, dots={choice.options.get(barrier=first).pk: 1}
    )
    services.choice_close(choice=choice, by=host)
    client.force_login(treatment.presenter)
    page = text(client.get(reverse("gatherings:report_back", args=[treatment.pk])))
    assert page.count("The set chose this barrier to bust next") == 1
