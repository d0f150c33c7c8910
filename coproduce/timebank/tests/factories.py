import factory

from coproduce.accounts.tests.factories import UserFactory
from coproduce.timebank.models import Account, BuddyRequest, Listing, VolunteerCheck


class AccountFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Account

    user = factory.SubFactory(UserFactory)


class ListingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Listing

    account = factory.SubFactory(AccountFactory)
    kind = Listing.Kind.OFFER
    title = "Help with gardening"
    description = "I can dig, weed and mow on Saturday mornings."


class BuddyRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BuddyRequest

    resident = factory.SubFactory(UserFactory)
    what_support = "Someone to walk with me to the shops once a week."


class VolunteerCheckFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerCheck

    person = factory.SubFactory(UserFactory)
    kind = VolunteerCheck.Kind.DBS_ENHANCED
    checked_on = factory.Faker("date_between", start_date="-300d", end_date="-10d")
    expires_on = factory.Faker("date_between", start_date="+30d", end_date="+700d")
    recorded_by = factory.SubFactory(UserFactory)
