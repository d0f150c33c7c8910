from dataclasses import dataclass

import pytest
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.conversations.models import Conversation
from coproduce.conversations.tests.factories import ConversationFactory
from coproduce.directory.models import ServiceAtLocation
from coproduce.feedback.tests.factories import FeedbackFactory
from coproduce.groups.tests.factories import OrganiserFactory
from coproduce.places.tests.factories import PlaceFactory, WardFactory
from coproduce.surveys.models import Survey
from coproduce.surveys.tests.factories import SurveyFactory
from coproduce.yousaid import services, sources
from coproduce.yousaid.sources import Source

from .factories import closed_survey, officer

pytestmark = pytest.mark.django_db


@dataclass
class Thing:
    pk: int
    name: str
    ready: bool = True


THINGS = {1: Thing(1, "The library's opening hours"), 2: Thing(2, "Bin day", ready=False)}


@pytest.fixture
def test_source():
    source = sources.register(
        Source(
            key="test_thing",
            label="Test thing",
            fetch=THINGS.get,
            title=lambda thing: thing.name,
            url=lambda thing: f"/things/{thing.pk}/",
            is_ready=lambda thing: thing.ready,
            may_respond=lambda user, thing: user.email.startswith("ok"),
        )
    )
    yield source
    sources.unregister(source.key)


def test_surveys_and_conversations_are_registered():
    """Surveys and conversations are sources from the start."""
    assert sources.get("survey") is not None
    assert sources.get("conversation") is not None


def test_registering_the_same_source_twice_is_harmless(test_source):
    """ready() may run more than once."""
    assert sources.register(test_source) is test_source


def test_a_different_source_under_a_taken_key_is_refused(test_source):
    """Two apps cannot claim the same key."""
    with pytest.raises(ValueError):
        sources.register(
            Source(
                key="test_thing",
                label="Other",
                fetch={}.get,
                title=str,
                url=str,
                may_respond=lambda u, i: True,
            )
        )


def test_a_response_can_be_written_to_a_new_source_alone(test_source):
    """A source added with one register() call takes responses like any other."""
    writer = UserFactory(email="ok@example.org")
    response = services.response_record(
        actor=writer,
        source_key="test_thing",
        item_id=1,
        heard="h",
        will_change="w",
        due_on=timezone.localdate(),
    )
    assert response.item_title == "The library's opening hours"
    assert response.ward is None and response.service is None


def test_the_source_says_who_may_respond(test_source):
    """Someone the source does not allow cannot write a response."""
    with pytest.raises(services.NotAllowed):
        services.response_record(
            actor=UserFactory(email="no@example.org"),
            source_key="test_thing",
            item_id=1,
            heard="h",
            will_change="w",
            due_on=timezone.localdate(),
        )


def test_an_item_not_ready_takes_no_response(test_source):
    """The source says when an item is ready."""
    with pytest.raises(services.Refusal):
        services.response_record(
            actor=UserFactory(email="ok@example.org"),
            source_key="test_thing",
            item_id=2,
            heard="h",
            will_change="w",
            due_on=timezone.localdate(),
        )


def test_survey_source_finds_closed_published_surveys_only():
    """A survey is ready once closed; a draft is not found at all."""
    source = sources.get("survey")
    ward = WardFactory()
    closed = closed_survey(ward=ward)
    assert source.is_ready(source.fetch(closed.pk))
    assert source.ward(source.fetch(closed.pk)) == ward
    assert not source.is_ready(source.fetch(SurveyFactory().pk))
    assert source.fetch(SurveyFactory(status=Survey.Status.DRAFT).pk) is None
    assert source.fetch(999_999) is None


def test_survey_source_lets_its_owner_and_officers_respond():
    """The survey's own permissions decide."""
    source = sources.get("survey")
    survey = closed_survey()
    assert source.may_respond(survey.owner, survey)
    assert source.may_respond(officer(), survey)
    assert not source.may_respond(UserFactory(), survey)


def test_conversation_source_is_ready_once_closed():
    """A conversation is ready once closed, and is about its ward."""
    source = sources.get("conversation")
    ward = WardFactory()
    open_one = ConversationFactory(scope=Conversation.Scope.WARD, ward=ward)
    closed = ConversationFactory(status=Conversation.Status.CLOSED)
    assert not source.is_ready(source.fetch(open_one.pk))
    assert source.ward(source.fetch(open_one.pk)) == ward
    assert source.is_ready(source.fetch(closed.pk))
    assert source.fetch(ConversationFactory(status=Conversation.Status.DRAFT).pk) is None


def _feedback_in(ward=None, **kwargs):
    feedback = FeedbackFactory(**kwargs)
    if ward is not None:
        ServiceAtLocation.objects.create(service=feedback.service, place=PlaceFactory(ward=ward))
    return feedback


def test_feedback_is_a_source_whose_title_keeps_the_persons_words_private():
    """The title is shown in public lists: the service and the day, never what was said."""
    feedback = _feedback_in(went_well="Ask for Priya on the desk")
    source = sources.get("feedback")
    item = source.fetch(feedback.pk)
    title = source.title(item)
    assert feedback.service.name in title
    assert "Priya" not in title
    assert source.fetch(feedback.pk + 1000) is None
    assert source.service(item) == feedback.service


def test_feedback_is_answered_in_public_by_the_services_owners_only():
    """Its organisers and officers may record a response; the person who gave it may not."""
    feedback = _feedback_in(person=UserFactory())
    source = sources.get("feedback")
    organiser = OrganiserFactory(organisation=feedback.service.organisation).user
    assert source.may_respond(organiser, feedback)
    assert not source.may_respond(feedback.person, feedback)
    assert not source.may_respond(UserFactory(), feedback)


def test_a_response_to_feedback_is_listed_under_its_service_and_its_one_ward():
    """A service offered in one ward files the response there too; in two wards, in neither."""
    ward = WardFactory()
    feedback = _feedback_in(ward=ward)
    response = services.response_record(
        actor=officer(),
        source_key="feedback",
        item_id=feedback.pk,
        heard="The room was cold.",
        will_change="We will fix the heating before winter.",
        due_on=timezone.localdate(),
    )
    assert (response.service, response.ward) == (feedback.service, ward)
    feedback_two_wards = _feedback_in(ward=ward)
    ServiceAtLocation.objects.create(service=feedback_two_wards.service, place=PlaceFactory())
    assert sources.get("feedback").ward(feedback_two_wards) is None
