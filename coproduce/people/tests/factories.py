import factory

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people.models import Profile
from coproduce.places.tests.factories import StreetFactory


class ProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Profile

    user = factory.SubFactory(UserFactory)
    street = factory.SubFactory(StreetFactory)
    ward = factory.SelfAttribute("street.ward")
    what_i_can_do = "I fix bikes for the kids on our estate."
    what_i_care_about = "Kids having somewhere safe to go."
    what_i_would_like_to_do = "Start a repair café."
