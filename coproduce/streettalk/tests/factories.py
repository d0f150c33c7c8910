import uuid

import factory
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.streettalk.models import StreetDay, StreetEntry, Theme


def facilitator():
    return UserFactory(roles=[Role.ORGANISER])


def officer():
    return UserFactory(roles=[Role.OFFICER])


class StreetDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StreetDay

    title = factory.Sequence(lambda n: f"Food on the high street {n}")
    held_on = factory.LazyFunction(lambda: timezone.localdate())
    questions = "What would make it easier to eat well here?"
    facilitator = factory.LazyFunction(facilitator)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    day = factory.SubFactory(StreetDayFactory)
    name = ""


class StreetEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StreetEntry

    uuid = factory.LazyFunction(uuid.uuid4)
    day = factory.SubFactory(StreetDayFactory)
    said = "Fresh vegetables cost too much."
    place = "Market square"
    via = StreetEntry.Via.PHONE
