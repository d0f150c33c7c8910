"""Shared items as a topic of messages: people write to the giver through the site's
messages; no contact details pass."""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from coproduce.messaging import topics

from . import permissions, selectors
from .models import Item
from .services.items import item_keepers


def _may_see(user, item: Item) -> bool:
    """As on the item's page: open items for anyone, gone ones for those involved."""
    return (
        item.is_open
        or permissions.can_change_item(user, item)
        or selectors.ever_reserved(item, user)
    )


def _may_write(user, item: Item) -> bool:
    """Anyone signed in may ask the giver about something offered and not yet gone."""
    return (
        user.is_authenticated
        and item.kind == Item.Kind.OFFERED
        and item.is_open
        and not permissions.looks_after(user, item)
    )


ITEM = topics.Topic(
    slug="item",
    model=Item,
    team=item_keepers,
    team_name=gettext_lazy("the giver"),
    may_write=_may_write,
    title=lambda item: item.title,
    url=lambda item: reverse("sharing:item_detail", args=[item.pk]),
    visible=_may_see,
    who_may_write=gettext_lazy("You can write about things offered that are not yet gone."),
)


def may_write_about(user, item: Item) -> bool:
    """Whether the item's page offers "Message the giver" to this person."""
    return _may_write(user, item)


def register_topic() -> None:
    topics.register(ITEM)
