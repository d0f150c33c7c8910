"""Protection from direct contact: people nobody may message directly (ADR 0024).

Another app (commissioning, for young panel members) sets a protection for a reason of its
own; messaging refuses to start a thread with a protected person, to add them to one, or to
let them write in one. Lifting one source's protection leaves any other in force. A
protection may end by itself on a day (`until`, a young person's 18th birthday), so nothing
has to remember to lift it.
"""

from collections.abc import Iterable
from datetime import date

from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed

from .models import ContactProtection


def _in_force() -> QuerySet[ContactProtection]:
    return ContactProtection.objects.filter(
        Q(until__isnull=True) | Q(until__gt=timezone.localdate())
    )


def is_protected(user) -> bool:
    return user is not None and user.pk is not None and _in_force().filter(user_id=user.pk).exists()


def any_protected(user_ids: Iterable[int]) -> bool:
    ids = [pk for pk in user_ids if pk is not None]
    return bool(ids) and _in_force().filter(user_id__in=ids).exists()


def refuse_if_protected(people) -> None:
    """Raise NotAllowed if any of these people may not be messaged directly."""
    if any_protected(person.pk for person in people if person is not None):
        raise NotAllowed(
            _("This person cannot be sent direct messages, to keep them safe. Contact the team.")
        )


@transaction.atomic
def contact_protection_set(
    *, user, source: str, reason: str, until: date | None = None
) -> ContactProtection:
    """Protect this person from direct messages for this reason (once per source), until the
    day given if any."""
    protection, _created = ContactProtection.objects.update_or_create(
        user=user, source=source[:100], defaults={"reason": reason[:300], "until": until}
    )
    return protection


@transaction.atomic
def contact_protection_lift(*, user, source: str) -> None:
    """Lift the protection this source set; others stay."""
    ContactProtection.objects.filter(user=user, source=source).delete()
