from datetime import timedelta

import factory
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.directory.tests.factories import ServiceFactory
from coproduce.shopping.models import Programme, ProgrammeService, Question, Shopper, Visit


class ProgrammeFactory(factory.django.DjangoModelFactory):
    """A running programme, set up by an officer."""

    class Meta:
        model = Programme

    title = factory.Sequence(lambda n: f"How easy is it to get help? {n}")
    guide = "Go to the front desk. Ask for help with a bus pass. Notice how you are treated."
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - timedelta(days=7))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    status = Programme.Status.OPEN
    owner = factory.SubFactory(UserFactory, roles=[Role.OFFICER])


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    programme = factory.SubFactory(ProgrammeFactory)
    position = factory.Sequence(lambda n: n + 1)
    kind = Question.Kind.SCALE
    text = "How well were you treated?"
    easy_read_text = "Were they kind to you?"
    picture = "good"


class ShopperFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shopper

    programme = factory.SubFactory(ProgrammeFactory)
    person = factory.SubFactory(UserFactory)
    agreed_at = factory.LazyFunction(timezone.now)


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit
        skip_postgeneration_save = True

    shopper = factory.SubFactory(ShopperFactory)
    programme = factory.LazyAttribute(lambda v: v.shopper.programme)
    service = factory.SubFactory(ServiceFactory)
    how = Visit.How.VISIT
    due_on = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=7))

    @factory.post_generation
    def in_programme(obj, create, extracted, **kwargs):
        if create:
            ProgrammeService.objects.get_or_create(programme=obj.programme, service=obj.service)


def programme_with_questions(**kwargs) -> Programme:
    """A running programme with one question of each kind and one service."""
    programme = ProgrammeFactory(**kwargs)
    QuestionFactory(programme=programme, kind=Question.Kind.SCALE, picture="good")
    QuestionFactory(
        programme=programme,
        kind=Question.Kind.YES_NO,
        text="Did staff say their name?",
        easy_read_text="Did they say their name?",
        picture="person",
    )
    QuestionFactory(
        programme=programme,
        kind=Question.Kind.WORDS,
        text="What could be better?",
        easy_read_text="What can be better?",
        picture="better",
    )
    programme.services.add(ServiceFactory())
    return programme
