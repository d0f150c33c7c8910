"""What the group page tests share: a page's address, a client signed in as someone, and a
person with a given relation to a group."""

from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.models import Organisation

from .factories import MembershipFactory, OrganiserFactory


def url(name: str, organisation: Organisation | None = None) -> str:
    return reverse(f"groups:{name}", args=[organisation.slug] if organisation else [])


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


def someone(kind: str, organisation: Organisation):
    """A person with the given relation to the group, or None for someone not signed in."""
    if kind == "visitor":
        return None
    if kind == "member":
        return MembershipFactory(organisation=organisation).user
    if kind == "organiser":
        return OrganiserFactory(organisation=organisation).user
    if kind == "officer":
        return UserFactory(roles=[Role.OFFICER])
    if kind == "organiser_role":
        return UserFactory(roles=[Role.ORGANISER])
    return UserFactory()
