import pytest
from django.utils import timezone

from coproduce.gatherings.models import Event, Treatment
from coproduce.gatherings.tests.factories import BarrierFactory, TreatmentFactory
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.toolkit import selectors, services
from coproduce.toolkit.models import Topic

from .factories import make_guide, right, step_with_options, wrong

pytestmark = pytest.mark.django_db


def _busted(text: str, **treatment):
    return BarrierFactory(
        text=text,
        treatment=TreatmentFactory(**treatment),
        busted_at=timezone.now(),
        busted_how="We asked the school for its hall.",
    )


def test_the_learning_set_guide_shows_barriers_busted_in_public_only():
    """Busted barriers show; those not busted, not taken on, at cancelled sessions or of a
    hidden project do not."""
    shown = _busted("No room to meet")
    BarrierFactory(text="Still stuck")
    _busted("Not taken on", status=Treatment.Status.PROPOSED)
    cancelled = _busted("At a cancelled session")
    Event.objects.filter(pk=cancelled.treatment.event_id).update(status=Event.Status.CANCELLED)
    _busted("Of a hidden project", project=ProjectFactory(is_hidden=True))
    guide = make_guide(topic=Topic.ACTION_LEARNING)
    stories = selectors.stories_for(guide)
    assert [b.pk for b in stories.barriers] == [shown.pk]


def test_other_guides_show_no_barriers_but_completed_projects_with_an_outcome():
    """Completed projects that say what came of them show; others and hidden ones do not."""
    _busted("No room to meet")
    done = ProjectFactory(status="completed", outcome="Twelve new trees on the canal.")
    ProjectFactory(status="completed", outcome="")
    ProjectFactory(status="active", outcome="Not done yet.")
    ProjectFactory(status="completed", outcome="Hidden.", is_hidden=True)
    stories = selectors.stories_for(make_guide(topic=Topic.OPEN_SPACE))
    assert stories.barriers == []
    assert [p.pk for p in stories.projects] == [done.pk]


def test_progress_counts_steps_done_and_finds_where_to_carry_on():
    """Done steps count, wrong answers do not, and the next step is the first not done."""
    from coproduce.accounts.tests.factories import UserFactory

    first = step_with_options(number=1)
    second = step_with_options(course=first.course, number=2)
    person = UserFactory()
    services.answer_record(user=person, step=first, option=right(first))
    services.answer_record(user=person, step=second, option=wrong(second))
    course = selectors.course_by_slug(first.course.slug)
    progress = selectors.progress_in(course, person)
    assert progress.done == 1 and progress.total == 2 and not progress.finished
    assert selectors.next_step(course, progress).pk == second.pk
    assert selectors.progress_by_course(person) == {course.pk: 1}
