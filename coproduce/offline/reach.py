"""What this app asks of its neighbours on the reach floor: street champions (who may act for
people on their streets) and subscriptions (news by post, and the letter run's addresses)."""

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from coproduce.champions import selectors as champions
from coproduce.places.models import Street, Ward
from coproduce.projects.themes import Theme
from coproduce.subscriptions import postal
from coproduce.subscriptions.services import subscription_add


def is_champion_for(user, street: Street | None) -> bool:
    """Whether `user` is a current street champion for this street."""
    return champions.is_champion_for(user, street)


def streets_of_champion(user) -> QuerySet[Street]:
    """The streets this person champions now (none if they are not a champion)."""
    return champions.champions_of(user)


def subscribe_by_post(*, user, topic: str | None, things: list[str], frequency, by):
    """Subscribe an account to a bucket, delivered by post in the letter run."""
    return subscription_add(
        user=user, topic=topic, things=things, frequency=frequency, channel="post", by=by
    )


def topic_choices() -> list[tuple[str, str]]:
    """Buckets that can be chosen: the whole borough, each theme, each ward."""
    choices = [("", _("Everything in the borough"))]
    choices += [(f"theme:{theme.value}", str(theme.label)) for theme in Theme]
    choices += [
        (f"ward:{pk}", _("News for %(ward)s") % {"ward": name})
        for pk, name in Ward.objects.values_list("pk", "name")
    ]
    return choices


def register_postal_addresses(source) -> None:
    """Give the letter run our residents' postal addresses (at start-up)."""
    postal.register_address_source(source)
