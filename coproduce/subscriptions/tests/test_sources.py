import pytest

from coproduce.gatherings.tests.factories import EventFactory
from coproduce.sharing.tests.factories import ItemFactory as SharedItemFactory
from coproduce.subscriptions import sources
from coproduce.subscriptions.models import Item, ItemTopic

pytestmark = pytest.mark.django_db


def test_new_event_becomes_an_item_with_its_place_and_ward(django_capture_on_commit_callbacks):
    """A new event is announced with its place and ward as topics, and its times."""
    with django_capture_on_commit_callbacks(execute=True):
        event = EventFactory()
    item = Item.objects.get(source=f"gatherings.event:{event.pk}")
    assert item.thing == "events" and item.starts_at == event.starts_at
    assert {f"place:{event.place_id}", f"ward:{event.place.ward_id}"} <= set(
        ItemTopic.objects.filter(item=item).values_list("topic", flat=True)
    )


def test_shared_item_is_announced_in_its_ward(django_capture_on_commit_callbacks):
    """Something offered is announced to its ward's bucket."""
    with django_capture_on_commit_callbacks(execute=True):
        shared = SharedItemFactory()
    assert Item.objects.get(thing="items").topics == [f"ward:{shared.ward_id}"]


def test_nothing_is_announced_when_the_save_rolls_back():
    """A save that never commits announces nothing."""
    EventFactory()
    assert not Item.objects.exists()


def test_nothing_is_announced_inside_quiet(django_capture_on_commit_callbacks):
    """Rows saved inside sources.quiet() (the demo borough) are not announced."""
    with django_capture_on_commit_callbacks(execute=True), sources.quiet():
        EventFactory()
    assert not Item.objects.exists()


def test_an_open_survey_asks_people_in_its_ward_to_have_their_say(
    django_capture_on_commit_callbacks,
):
    """A published survey is a "decisions" item for its ward, ending when it closes."""
    from coproduce.places.tests.factories import WardFactory
    from coproduce.surveys.tests.factories import SurveyFactory

    with django_capture_on_commit_callbacks(execute=True):
        survey = SurveyFactory(ward=WardFactory())
    item = Item.objects.get(source=f"surveys.survey:{survey.pk}")
    assert (item.thing, item.topics, item.ends_at) == (
        "decisions",
        [f"ward:{survey.ward_id}"],
        survey.closes_at,
    )
    assert item.title.startswith("Have your say")


def test_closing_a_survey_announces_its_results(django_capture_on_commit_callbacks):
    """Closing a survey whose results are public adds a results item."""
    from coproduce.surveys import services as surveys
    from coproduce.surveys.tests.factories import SurveyFactory

    survey = SurveyFactory()
    with django_capture_on_commit_callbacks(execute=True):
        surveys.survey_close(survey=survey, by=survey.owner)
    item = Item.objects.get(source=f"surveys.survey:{survey.pk}:results")
    assert item.thing == "decisions" and item.title.startswith("Results")


def test_a_survey_closing_by_its_date_announces_its_results_once(
    django_capture_on_commit_callbacks,
):
    """When the clock passes a survey's closing time, the next run announces its results,
    once; a survey whose results are private, or that closed long ago, is left alone."""
    from datetime import timedelta

    from django.core.management import call_command
    from django.utils import timezone

    from coproduce.surveys.tests.factories import SurveyFactory

    now = timezone.now()
    with sources.quiet():
        closes_soon = SurveyFactory(closes_at=now + timedelta(hours=1))
        SurveyFactory(closes_at=now + timedelta(hours=1), results_public=False)
        SurveyFactory(opens_at=now - timedelta(days=60), closes_at=now - timedelta(days=30))
    assert sources.closed_surveys_announce(now=now) == 0
    later = now + timedelta(hours=2)
    with django_capture_on_commit_callbacks(execute=True):
        assert sources.closed_surveys_announce(now=later) == 1
    item = Item.objects.get(source__endswith=":results")
    assert item.source == f"surveys.survey:{closes_soon.pk}:results"
    assert sources.closed_surveys_announce(now=later) == 0
    call_command("announce_closed_surveys", verbosity=0)  # the command runs the same
    assert Item.objects.filter(source__endswith=":results").count() == 1
