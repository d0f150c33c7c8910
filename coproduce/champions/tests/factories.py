import factory
from django.contrib.auth.models import Permission

from coproduce.accounts.tests.factories import UserFactory
from coproduce.champions.models import ChampionApplication, ChampionMessage, StreetChampion
from coproduce.places.tests.factories import StreetFactory


def officer(**kwargs):
    """Someone who may approve and end champions (the permission the officer role gets)."""
    user = UserFactory(**kwargs)
    user.user_permissions.add(Permission.objects.get(codename="approve_champion"))
    return user


class ApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChampionApplication
        skip_postgeneration_save = True

    applicant = factory.SubFactory(UserFactory)
    why = "I have lived here for twenty years and know most of my neighbours."

    @factory.post_generation
    def streets(self, create, extracted, **kwargs):
        if create:
            self.streets.set(extracted or [StreetFactory()])


class StreetChampionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = StreetChampion

    champion = factory.SubFactory(UserFactory)
    street = factory.SubFactory(StreetFactory)


class MessageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ChampionMessage

    champion = factory.SubFactory(UserFactory)
    sender = factory.SubFactory(UserFactory)
    body = "The street light outside number 4 is broken."
