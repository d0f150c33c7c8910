"""Factories for gatherings. Places at events are made through the services (`join`), so the
counts on the event always match its rows."""

from datetime import datetime, timedelta

import factory
from django.utils import timezone
from django.utils.text import slugify

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import (
    Action,
    AgendaItem,
    Barrier,
    BarrierTheme,
    Event,
    Series,
    Treatment,
)
from coproduce.places.tests.factories import PlaceFactory

# A fixed "now" for every time-dependent service: Monday 10 June 2030, 09:00 in London (BST).
NOW = timezone.make_aware(datetime(2030, 6, 10, 9, 0))


def at(day: int, hour: int = 18, minute: int = 0, month: int = 6, year: int = 2030) -> datetime:
    """A London time, made aware (the project's TIME_ZONE is Europe/London)."""
    return timezone.make_aware(datetime(year, month, day, hour, minute))


def organiser(**kwargs):
    """Someone with the organiser role (they run a group or project)."""
    return UserFactory(roles=[Role.ORGANISER], **kwargs)


def officer(**kwargs):
    """A council officer: may organise and change any event, and curate the barrier library."""
    return UserFactory(roles=[Role.OFFICER], **kwargs)


class SeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Series
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Coproduction action learning set {n:04d}")
    slug = factory.Sequence(lambda n: f"set-{n:04d}")
    summary = "Practitioners bring projects for a treatment, once a month."
    kind = Event.Kind.ACTION_LEARNING_SET
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisers.add(*extracted)


class EventFactory(factory.django.DjangoModelFactory):
    """A meet-up a week after NOW, 18:00 to 20:00 at a place, with no limit on places."""

    class Meta:
        model = Event
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Evening meet-up {n:04d}")
    summary = "Meet neighbours and talk about what we could make together."
    kind = Event.Kind.MEET_UP
    starts_at = factory.LazyFunction(lambda: at(17, 18))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place = factory.SubFactory(PlaceFactory)
    capacity = None
    access_provisions = factory.LazyFunction(list)
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def organisers(self, create, extracted, **kwargs):
        if create and extracted:
            self.organisers.add(*extracted)


class SetSessionFactory(EventFactory):
    """A session of an action learning set."""

    title = factory.Sequence(lambda n: f"Action learning set, session {n:04d}")
    kind = Event.Kind.ACTION_LEARNING_SET
    series = factory.SubFactory(SeriesFactory)


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    event = factory.SubFactory(EventFactory, agenda_open=True)
    title = factory.Sequence(lambda n: f"Session idea {n:04d}")
    proposed_by = factory.SubFactory(UserFactory)


class TreatmentFactory(factory.django.DjangoModelFactory):
    """A project already on a session's agenda."""

    class Meta:
        model = Treatment

    event = factory.SubFactory(SetSessionFactory)
    title = factory.Sequence(lambda n: f"Community fridge {n:04d}")
    summary = "A fridge where shops leave food that would otherwise be thrown away."
    presenter = factory.SubFactory(UserFactory)
    status = Treatment.Status.ACCEPTED


class ActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Action

    treatment = factory.SubFactory(TreatmentFactory)
    text = factory.Sequence(lambda n: f"Ask the corner shop about leftovers {n}")
    owner = factory.SubFactory(UserFactory)
    due_on = factory.LazyAttribute(lambda o: timezone.localdate(o.treatment.event.starts_at))


class BarrierThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BarrierTheme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Barrier theme {n:04d}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


class BarrierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Barrier

    treatment = factory.SubFactory(TreatmentFactory)
    text = factory.Sequence(lambda n: f"Nobody has the keys {n}")


class ChoiceFactory(factory.django.DjangoModelFactory):
    """A dot vote on typed-in options, open, at a meet-up: 3 dots each, up to 2 on one."""

    class Meta:
        model = "gatherings.Choice"
        skip_postgeneration_save = True

    event = factory.SubFactory(EventFactory)
    question = "Which projects should we take on next?"
    about = "options"
    method = "dots"
    dots = 3
    most_on_one = 2
    seats = 1
    created_by = factory.SubFactory(UserFactory)

    @factory.post_generation
    def labels(self, create, extracted, **kwargs):
        """The options, by their words (three by default)."""
        if not create:
            return
        words = extracted if extracted is not None else ["Food bank", "Canal path", "Murals"]
        for position, label in enumerate(words):
            ChoiceOptionFactory(choice=self, label=label, position=position)


class ChoiceOptionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "gatherings.ChoiceOption"

    choice = factory.SubFactory(ChoiceFactory, labels=[])
    label = factory.Sequence(lambda n: f"Option {n:04d}")
    position = factory.Sequence(int)
