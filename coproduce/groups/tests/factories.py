import factory
from django.utils.text import slugify

from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.models import Membership, Organisation
from coproduce.places.tests.factories import WardFactory


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = Organisation.Kind.COMMUNITY_GROUP
    name = factory.Sequence(lambda n: f"Test Group {n:04d}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    description = "We meet on Saturdays to tidy the park and plant bulbs."
    ward = factory.SubFactory(WardFactory)
    is_listed = True


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    organisation = factory.SubFactory(OrganisationFactory)
    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER


class OrganiserFactory(MembershipFactory):
    role = Membership.Role.ORGANISER
