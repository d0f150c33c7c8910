"""Shared items can be reported to the moderators (discussion/reporting.py).

Imported from SharingConfig.ready().
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.discussion.reporting import ReportTarget, register
from coproduce.groups.models import Membership

from . import permissions
from .models import Item


def _owners(item: Item) -> list:
    """The person who posted it and, for a group's item, the group's organisers."""
    people = [item.posted_by]
    if item.organisation_id:
        people += [
            m.user
            for m in Membership.objects.filter(
                organisation_id=item.organisation_id, role=Membership.Role.ORGANISER
            ).select_related("user")
        ]
    seen, unique = set(), []
    for person in people:
        if person is not None and person.pk not in seen:
            seen.add(person.pk)
            unique.append(person)
    return unique


SHARED_ITEM = register(
    ReportTarget(
        slug="item",
        label=_("Shared item"),
        model=Item,
        title=lambda item: item.title,
        text=lambda item: f"{item.title}\n{item.description}".strip(),
        url=lambda item: reverse("sharing:item_detail", args=[item.pk]),
        owners=_owners,
        can_see=lambda user, item: item.is_open or permissions.looks_after(user, item),
        link_text=_("this item"),
        select_related=("posted_by",),
    )
)
