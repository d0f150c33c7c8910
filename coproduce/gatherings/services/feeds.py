"""Private calendar links: made on first asking, replaced whenever the person wants."""

from django.db import transaction
from django.utils.translation import gettext as _

from coproduce.common.errors import Refusal

from .. import permissions
from ..models import CalendarFeed


def _check(user) -> None:
    if not permissions.can_take_part(user):
        raise Refusal(_("Sign in to get your calendar link."))


@transaction.atomic
def calendar_feed_get_or_create(*, user) -> CalendarFeed:
    """The person's private calendar link; made the first time, the same one after that."""
    _check(user)
    feed, _created = CalendarFeed.objects.get_or_create(user=user)
    return feed


@transaction.atomic
def calendar_feed_renew(*, user) -> CalendarFeed:
    """Give the person a new private link. Guarantees the old link stops working at once."""
    _check(user)
    feed, created = CalendarFeed.objects.select_for_update().get_or_create(user=user)
    if not created:
        feed.token = CalendarFeed._meta.get_field("token").get_default()
        feed.save(update_fields=["token", "updated_at"])
    return feed
