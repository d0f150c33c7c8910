"""Projects as a topic of messages: helpers write to the owners through the site."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.groups.models import Membership
from coproduce.messaging.topics import Topic, register

from .models import HELPING, Contribution, Project
from .permissions import can_see


def project_team(project: Project) -> list:
    """The people who answer for a project: its owners, and organisers of owning groups."""
    people = {}
    groups = []
    for owner in project.owners.select_related("user"):
        if owner.user is not None:
            people[owner.user.pk] = owner.user
        elif owner.organisation_id:
            groups.append(owner.organisation_id)
    if groups:
        organisers = Membership.objects.filter(
            organisation_id__in=groups, role=Membership.Role.ORGANISER
        ).select_related("user")
        for membership in organisers:
            people.setdefault(membership.user.pk, membership.user)
    return list(people.values())


def is_helping(user, project: Project) -> bool:
    return (
        user.is_authenticated
        and Contribution.objects.filter(project=project, person=user, status__in=HELPING).exists()
    )


PROJECT = Topic(
    slug="project",
    model=Project,
    team=project_team,
    team_name=_("the project's owners"),
    may_write=is_helping,
    title=lambda project: project.title,
    url=lambda project: reverse("projects:detail", args=[project.pk]),
    visible=can_see,
    who_may_write=_("Only people whose offer or volunteering the owners accepted can write."),
)


def register_topic() -> None:
    register(PROJECT)
