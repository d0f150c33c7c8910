"""What groups holds about a person (see coproduce/personal_data/registry.py).

A group's last organiser cannot close their account until someone else organises it: the same
rule as leaving the group.
"""

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.personal_data.registry import (
    Blocker,
    ClosingChoices,
    Erasure,
    declare,
    declare_check,
)

from .models import Membership, Organisation
from .services import membership_leave


def _last_organiser_of(user) -> list[Blocker]:
    organised = Membership.objects.filter(user=user, role=Membership.Role.ORGANISER).values(
        "organisation_id"
    )
    groups = (
        Organisation.objects.filter(pk__in=organised)
        .annotate(
            organisers=Count("memberships", filter=Q(memberships__role=Membership.Role.ORGANISER))
        )
        .filter(organisers__lte=1)
        .order_by("name")
    )
    return [
        Blocker(
            message=_(
                "You are the only organiser of %(group)s. Make another member an organiser first."
            )
            % {"group": group.name},
            url=reverse("groups:members", args=[group.slug]),
        )
        for group in groups
    ]


def _leave_every_group(user, choices: ClosingChoices) -> None:
    for membership in Membership.objects.filter(user=user).select_related("organisation"):
        membership_leave(organisation=membership.organisation, user=user)


declare_check(_last_organiser_of)
declare(
    "groups.Membership",
    field="user",
    kind="group_memberships",
    erase=Erasure.CUSTOM,
    erase_with=_leave_every_group,
)
declare(
    "groups.Organisation",
    field="kind_verified_by",
    kind="group_kinds_checked",
    erase=Erasure.ANONYMISE,
)
declare("groups.KindRequest", field="asked_by", kind="group_kind_requests", erase=Erasure.ANONYMISE)
declare(
    "groups.KindRequest",
    field="decided_by",
    kind="group_kind_requests_decided",
    erase=Erasure.ANONYMISE,
)
declare(
    "groups.OrganiserInvitation",
    field="invitee",
    kind="group_organiser_invitations",
    erase=Erasure.DELETE,
)
declare(
    "groups.OrganiserInvitation",
    field="invited_by",
    kind="group_organiser_invitations_sent",
    erase=Erasure.ANONYMISE,
)
