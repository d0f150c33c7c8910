"""Things that earn time credits: a group's project with an accepted volunteer, and a group's
event that has begun, with a helper."""

from datetime import timedelta

import factory
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.credits.models import CreditChoice
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.projects.models import Contribution, Owner
from coproduce.projects.tests.factories import ProjectFactory


class CreditChoiceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CreditChoice

    person = factory.SubFactory(UserFactory)
    wants_credits = False


def group_project(*, owner=None, group=None):
    """A project with a lead owner (a person) and a group owner, whose account pays."""
    project = ProjectFactory(status="active")
    owner = owner or UserFactory(roles=[Role.ORGANISER])
    Owner.objects.create(project=project, user=owner, role=Owner.Role.LEAD)
    group = group or OrganisationFactory()
    Owner.objects.create(project=project, organisation=group, role=Owner.Role.CO_OWNER)
    return project, owner, group


def accepted_volunteer(project, *, person=None, status=Contribution.Status.ACCEPTED, **fields):
    return Contribution.objects.create(
        project=project,
        person=person or UserFactory(),
        kind=fields.pop("kind", Contribution.Kind.VOLUNTEER),
        message="I can help on Saturdays.",
        status=status,
        **fields,
    )


def group_event(*, organiser=None, helper=None, group=None, begun=True, no_group=False):
    """An event a group runs, with an organiser and a helper (who also help run it)."""
    start = timezone.now() + (timedelta(days=-1) if begun else timedelta(days=3))
    organiser = organiser or UserFactory(roles=[Role.ORGANISER])
    helper = helper or UserFactory()
    group = None if no_group else group or OrganisationFactory()
    event = EventFactory(
        group=group, starts_at=start, ends_at=start + timedelta(hours=2), organisers=[organiser]
    )
    event.organisers.add(helper)
    return event, organiser, helper
