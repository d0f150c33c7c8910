import factory

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.projects.models import Need, Owner, Project
from coproduce.skills.models import Skill


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    title = factory.Sequence(lambda n: f"Test project {n:05d}")
    summary = "Plant fruit trees along the canal path."
    theme = "environment"
    created_by = factory.SubFactory(UserFactory)


def owned_project(*, owner=None, status: str = "forming", **fields) -> Project:
    """A project with a lead owner, at the given stage."""
    project = ProjectFactory(status=status, **fields)
    Owner.objects.create(project=project, user=owner or UserFactory(), role=Owner.Role.LEAD)
    return project


class NeedFactory(factory.django.DjangoModelFactory):
    """A need of no project, asked by an organiser, for gardening on Saturday mornings."""

    class Meta:
        model = Need
        skip_postgeneration_save = True

    created_by = factory.LazyFunction(lambda: UserFactory(roles=[Role.ORGANISER]))
    title = "Help dig the community garden"
    days = factory.LazyFunction(lambda: ["sat"])
    times = factory.LazyFunction(lambda: ["morning"])

    @factory.post_generation
    def skills(self, create, extracted, **kwargs):
        if create:
            self.skills.set(extracted or [Skill.objects.get(slug="gardening")])
