import factory

from coproduce.accounts.tests.factories import UserFactory
from coproduce.projects.models import Owner, Project


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
