"""What search can find: one Kind per sort of thing, in the order results are grouped.

Each kind says which words to index (public fields only: never a collection address, an
email or a phone number), how to show a result, and which queryset decides what a viewer
may see. That queryset is the owning app's own list rule, so a thing hidden, unlisted,
withdrawn or stopped there is never found here either.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.db import models
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from coproduce.directory.models import Service
from coproduce.directory.selectors import listed_services
from coproduce.gatherings.models import BarrierTheme, Event
from coproduce.gatherings.selectors.events import events_upcoming
from coproduce.groups.models import Organisation
from coproduce.places.models import Place, Ward
from coproduce.projects.models import Project
from coproduce.projects.selectors import shown_projects
from coproduce.sharing.models import Funder, FundingOpportunity, Item
from coproduce.sharing.selectors import (
    FundingFilters,
    ItemFilters,
    items_listed,
    opportunities_listed,
)

SNIPPET_WORDS = 30


@dataclass(frozen=True)
class Hit:
    """One result as the page shows it."""

    title: str
    url: str
    text: str
    meta: str = ""


@dataclass(frozen=True)
class Kind:
    key: str
    label: object  # "Projects and ideas": lazily translated
    model: type[models.Model]
    words: Callable[[models.Model], tuple[str, str]]  # (title, body) before folding
    visible: Callable[[], QuerySet]
    hit: Callable[[models.Model], Hit]
    # Relations the words read, fetched with each row when the index is rebuilt.
    related: tuple[str, ...] = ()
    # Other models whose change alters this kind's words: model -> the things to index again.
    followers: dict = field(default_factory=dict)


def _join(*parts) -> str:
    return "\n".join(str(p) for p in parts if p)


def _snippet(text: str) -> str:
    return Truncator(text or "").words(SNIPPET_WORDS)


def _when(moment) -> str:
    from django.utils import timezone

    local = timezone.localtime(moment)
    return date_format(local, "j F Y")


# Visibility: each is the owning app's own rule for what the public may come across.


def _visible_events() -> QuerySet:
    # The events list's own rule, past ones too: every event not hidden by a moderator has a
    # public page, past or cancelled.
    return events_upcoming(include_past=True)


def _visible_places() -> QuerySet:
    # The rule of places.selectors.listed_place: hidden places are kept but never shown.
    return Place.objects.filter(is_listed=True)


def _visible_groups() -> QuerySet:
    # The rule of groups.selectors.listed_organisations (listed groups), without the member
    # count it adds for its page: asked per candidate, that count would group every
    # membership on each search.
    return Organisation.objects.filter(is_listed=True)


def _visible_barrier_themes() -> QuerySet:
    # Every library entry has a public page (gatherings.views.barriers.theme).
    return BarrierTheme.objects.all()


KINDS: tuple[Kind, ...] = (
    Kind(
        key="projects",
        label=_("Projects and ideas"),
        model=Project,
        words=lambda p: (p.title, _join(p.summary, p.description)),
        visible=shown_projects,
        hit=lambda p: Hit(
            p.title,
            reverse("projects:detail", args=[p.pk]),
            p.summary,
            str(p.get_status_display()),
        ),
    ),
    Kind(
        key="events",
        label=_("Events"),
        model=Event,
        words=lambda e: (e.title, _join(e.summary, e.description)),
        visible=_visible_events,
        hit=lambda e: Hit(
            e.title,
            reverse("gatherings:event", args=[e.pk]),
            e.summary,
            str(_("Cancelled")) if e.is_cancelled else _when(e.starts_at),
        ),
    ),
    Kind(
        key="groups",
        label=_("Groups"),
        model=Organisation,
        words=lambda g: (g.name, g.description),
        visible=_visible_groups,
        hit=lambda g: Hit(
            g.name,
            reverse("groups:detail", args=[g.slug]),
            _snippet(g.description),
            str(g.get_kind_display()),
        ),
    ),
    Kind(
        key="places",
        label=_("Places"),
        model=Place,
        words=lambda p: (p.name, _join(p.description, p.address, p.ward.name)),
        visible=_visible_places,
        hit=lambda p: Hit(
            p.name,
            reverse("places_catalogue:place_detail", args=[p.pk]),
            _snippet(p.description),
            str(p.get_kind_display()),
        ),
        related=("ward",),
        followers={Ward: lambda w: w.places.all()},
    ),
    Kind(
        key="services",
        label=_("Services"),
        model=Service,
        words=lambda s: (s.name, _join(s.description, s.organisation.name)),
        visible=listed_services,
        hit=lambda s: Hit(
            s.name,
            reverse("services:detail", args=[s.uuid]),
            _snippet(s.description),
            s.organisation.name,
        ),
        related=("organisation",),
        followers={Organisation: lambda g: g.services.all()},
    ),
    Kind(
        key="items",
        label=_("Things to share"),
        model=Item,
        # Title and description only: where to collect is for the giver and the taker.
        words=lambda i: (i.title, i.description),
        visible=lambda: items_listed(ItemFilters()),
        hit=lambda i: Hit(
            i.title,
            reverse("sharing:item_detail", args=[i.pk]),
            _snippet(i.description),
            f"{i.get_kind_display()}: {i.get_exchange_display()}",
        ),
    ),
    Kind(
        key="funding",
        label=_("Funding"),
        model=FundingOpportunity,
        words=lambda f: (f.title, _join(f.what_it_funds, f.eligibility, f.funder.name)),
        visible=lambda: opportunities_listed(FundingFilters()),
        hit=lambda f: Hit(
            f.title,
            reverse("sharing:funding_detail", args=[f.pk]),
            _snippet(f.what_it_funds),
            str(_("Closes %(day)s") % {"day": _when(f.deadline)})
            if f.is_open()
            else str(_("Closed")),
        ),
        related=("funder",),
        followers={Funder: lambda f: f.opportunities.all()},
    ),
    Kind(
        key="barriers",
        label=_("Barrier library"),
        model=BarrierTheme,
        words=lambda b: (b.name, b.description),
        visible=_visible_barrier_themes,
        hit=lambda b: Hit(
            b.name,
            reverse("gatherings:barrier_theme", args=[b.slug]),
            _snippet(b.description),
        ),
    ),
)

BY_KEY = {k.key: k for k in KINDS}
BY_MODEL = {k.model: k for k in KINDS}


def kinds_following(model: type[models.Model]) -> Iterable[tuple[Kind, Callable]]:
    for kind in KINDS:
        if model in kind.followers:
            yield kind, kind.followers[model]
