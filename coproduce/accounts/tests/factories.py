import factory
from django.contrib.auth.models import Group
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role

PASSWORD = "correct horse battery staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Faker("first_name", locale="en_GB")
    email_verified_at = factory.LazyFunction(timezone.now)
    password = factory.django.Password(PASSWORD)

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if not create:
            return
        names = [Role.RESIDENT, *(extracted or [])]
        self.groups.add(*Group.objects.filter(name__in=[str(n) for n in names]))
