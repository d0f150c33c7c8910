"""Whether a moderator has hidden a thing of a kind registered in discussion/reporting.py.

The app that shows the thing asks here: `is_hidden(obj)` on its page (then `hidden_from`
decides who still sees it) and `exclude_hidden(queryset)` in its lists.
"""

from django.db.models import QuerySet

from . import permissions, reporting
from .models import HiddenThing


def hidden_ids(kind: str) -> QuerySet:
    """The ids of hidden things of this kind, as a subquery."""
    return HiddenThing.objects.filter(kind=kind).values("target_id")


def is_hidden(obj) -> bool:
    target = reporting.target_of(obj)
    if target is None or obj.pk is None:
        return False
    return HiddenThing.objects.filter(kind=target.slug, target_id=obj.pk).exists()


def hidden_reason(obj) -> str:
    target = reporting.target_of(obj)
    if target is None:
        return ""
    found = HiddenThing.objects.filter(kind=target.slug, target_id=obj.pk).first()
    return found.reason if found else ""


def exclude_hidden(queryset: QuerySet) -> QuerySet:
    """The queryset without the things moderators have hidden."""
    target = reporting.target_of(queryset.model())
    if target is None:
        return queryset
    return queryset.exclude(pk__in=hidden_ids(target.slug))


def hidden_from(user, obj) -> bool:
    """Whether this person may not see the thing because a moderator hid it.

    Its owners and moderators still see it (with the reason); nobody else does.
    """
    if not is_hidden(obj):
        return False
    if permissions.can_moderate_comments(user):
        return False
    target = reporting.target_of(obj)
    signed_in = user is not None and user.is_authenticated
    return not (signed_in and any(person.pk == user.pk for person in target.owners(obj)))
