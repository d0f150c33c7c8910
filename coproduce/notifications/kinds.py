"""The kinds of notification people can get, each with a default for how it is emailed.

Each feature registers its kinds here (at import of this module, or from its AppConfig.ready),
so the preferences page lists them all and `notify` refuses a kind nobody registered.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("Straight away")
    DAILY = "daily", _("In a daily summary")
    NEVER = "never", _("Never by email")


@dataclass(frozen=True)
class Kind:
    slug: str
    label: str | Promise
    description: str | Promise
    default: Frequency


_registry: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    if kind.slug in _registry and _registry[kind.slug] != kind:
        raise ValueError(f"A different notification kind called {kind.slug!r} already exists.")
    _registry[kind.slug] = kind
    return kind


def get(slug: str) -> Kind:
    try:
        return _registry[slug]
    except KeyError:
        known = ", ".join(sorted(_registry))
        raise ValueError(f"Unknown notification kind {slug!r}. Known kinds: {known}.") from None


def all_kinds() -> list[Kind]:
    return sorted(_registry.values(), key=lambda k: str(k.label))


ACCOUNT = register(
    Kind(
        slug="account",
        label=_("About your account"),
        description=_("Changes to your account and anything that needs you to act."),
        default=Frequency.IMMEDIATELY,
    )
)
GENERAL = register(
    Kind(
        slug="general",
        label=_("News from the council"),
        description=_("Things happening in the borough that you might want to know about."),
        default=Frequency.DAILY,
    )
)
