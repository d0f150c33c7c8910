import factory

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.insights.models import WardPopulation
from coproduce.places.tests.factories import WardFactory


class WardPopulationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WardPopulation

    ward = factory.SubFactory(WardFactory)
    population = 12_000
    year = 2023
    source = "ONS mid-2023 estimate"


def officer(**kwargs):
    """A council officer: their role holds the permission to see who is not yet connected."""
    return UserFactory(roles=[Role.OFFICER], **kwargs)
