"""Reads for time credits: who may get them, for what, and what a person has had."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from coproduce.gatherings.models import Event, EventOrganiserInvitation
from coproduce.groups.models import Organisation
from coproduce.projects.models import Contribution, Owner, Project

from .models import Credit, CreditChoice

CREDITED_KINDS = (Contribution.Kind.OFFER, Contribution.Kind.VOLUNTEER)
CREDITED_STATUSES = (Contribution.Status.ACCEPTED, Contribution.Status.DONE)
NO_GROUP_PROJECT = _(
    "This project is not run by a group, so there is no group time account to give credits "
    "from. A group can become an owner of the project first."
)
NO_GROUP_EVENT = _(
    "This event is not run by a group, so there is no group time account to give credits from."
)


def wants_credits(person) -> bool:
    choice = CreditChoice.objects.filter(person=person).first()
    return choice is None or choice.wants_credits


def project_group(project: Project) -> Organisation | None:
    """The group whose account pays: the first group to become an owner of the project."""
    owner = (
        Owner.objects.filter(project=project, organisation__isnull=False)
        .select_related("organisation")
        .order_by("pk")
        .first()
    )
    return owner.organisation if owner else None


def project_candidates(project: Project) -> list[Contribution]:
    """Accepted offers and volunteers, each with `.credit` (or None) and `.wants` set."""
    contributions = list(
        Contribution.objects.filter(
            project=project, kind__in=CREDITED_KINDS, status__in=CREDITED_STATUSES
        )
        .select_related("person__profile", "role")
        .order_by("created_at", "pk")
    )
    credits = {
        credit.contribution_id: credit
        for credit in Credit.objects.filter(contribution__in=[c.pk for c in contributions])
    }
    declined = _declined({c.person_id for c in contributions})
    for contribution in contributions:
        contribution.credit = credits.get(contribution.pk)
        contribution.wants = contribution.person_id not in declined
    return contributions


def event_helper_ids(event: Event) -> set[int]:
    """People who help run the event: its organisers, and those who said yes to helping."""
    ids = set(event.organisers.values_list("pk", flat=True))
    ids.update(
        EventOrganiserInvitation.objects.filter(
            event=event, status=EventOrganiserInvitation.Status.ACCEPTED
        ).values_list("person_id", flat=True)
    )
    return ids


def event_candidates(event: Event) -> list:
    """The event's helpers, each with `.credit` (or None) and `.wants` set, in a stable order."""
    people = list(
        get_user_model()
        .objects.filter(pk__in=event_helper_ids(event), is_active=True)
        .select_related("profile")
        .order_by("pk")
    )
    credits = {
        credit.person_id: credit
        for credit in Credit.objects.filter(thing=f"event:{event.pk}", person__in=people)
    }
    declined = _declined({person.pk for person in people})
    for person in people:
        person.credit = credits.get(person.pk)
        person.wants = person.pk not in declined
    return people


def _declined(person_ids: set[int]) -> set[int]:
    return set(
        CreditChoice.objects.filter(person_id__in=person_ids, wants_credits=False).values_list(
            "person_id", flat=True
        )
    )


def credits_of(person) -> QuerySet[Credit]:
    return Credit.objects.filter(person=person).select_related("group", "event", "contribution")


def credit_for_thing(person, thing: str) -> Credit | None:
    if person is None:
        return None
    return Credit.objects.filter(person=person, thing=thing).first()
