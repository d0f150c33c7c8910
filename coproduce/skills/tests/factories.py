import factory

from coproduce.people.tests.factories import ProfileFactory
from coproduce.skills.models import PersonSkill, Skill


def skill(name: str) -> Skill:
    """A skill from the shipped taxonomy, which every test database has (any case)."""
    return Skill.objects.get(name__iexact=name)


class PersonSkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PersonSkill

    profile = factory.SubFactory(ProfileFactory)
    skill = factory.LazyFunction(lambda: Skill.objects.get(slug="gardening"))
