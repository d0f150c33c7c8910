"""Every write to street conversations: days, entries (idempotent on the phone's code),
themes found by the task worker, and the facilitator's naming, merging and moving."""

import re
import uuid as uuid_module
from collections.abc import Callable
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.places.models import Ward

from .models import AgeBand, StreetDay, StreetEntry, Theme
from .permissions import may_facilitate, may_start_day

MAX_SAID = 2000
MAX_NAME = 100
# "12 Mill Lane", "Flat 3, ...": a home address, which an entry must never hold.
HOME_ADDRESS = re.compile(r"^\s*(flat|apartment|apt)\b|^\s*\d+[a-z]?\s*,?\s+[a-z]", re.IGNORECASE)


def _facilitating(by, day: StreetDay) -> None:
    if not may_facilitate(by, day):
        raise NotAllowed(_("Only the day's facilitator or an officer can do this"))


@transaction.atomic
def day_create(
    *,
    facilitator,
    title: str,
    held_on: date,
    questions: str,
    ward: Ward | None = None,
    area: str = "",
) -> StreetDay:
    """A new street conversation day, run by `facilitator`."""
    if not may_start_day(facilitator):
        raise NotAllowed(_("Only organisers and officers can start a street conversation day"))
    title, questions = title.strip(), questions.strip()
    if not title:
        raise Refusal(_("Enter a title"), field="title")
    if not questions:
        raise Refusal(_("Enter the question you will ask"), field="questions")
    return StreetDay.objects.create(
        facilitator=facilitator,
        title=title,
        held_on=held_on,
        questions=questions,
        ward=ward,
        area=area.strip(),
    )


@transaction.atomic
def entry_save(
    *,
    day: StreetDay,
    by,
    uuid: uuid_module.UUID,
    said: str,
    place: str = "",
    ward: Ward | None = None,
    age_band: str = "",
    via: str = StreetEntry.Via.PHONE,
) -> tuple[StreetEntry, bool]:
    """Keep what someone said, once. Returns the entry and whether it is new.

    The entry's code is made before the first send; sending the same code again (a phone
    resending after a lost answer, a double click) returns the entry saved the first time
    and changes nothing, even when two sends race (the code is unique in the database).
    """
    _facilitating(by, day)
    existing = StreetEntry.objects.filter(uuid=uuid).first()
    if existing is not None:
        return _same_day(existing, day), False
    said, place = said.strip(), place.strip()
    if not said:
        raise Refusal(_("Enter what they said"), field="said")
    if len(said) > MAX_SAID:
        raise Refusal(_("Use %(limit)d characters or fewer") % {"limit": MAX_SAID}, field="said")
    if HOME_ADDRESS.search(place):
        raise Refusal(
            _("Do not write a home address. Write a place, such as a shop, park or corner."),
            field="place",
        )
    if age_band not in AgeBand.values:
        raise Refusal(_("Choose an age band"), field="age_band")
    if via not in StreetEntry.Via.values:
        raise Refusal(_("Choose how the entry came"))
    try:
        with transaction.atomic():
            entry = StreetEntry.objects.create(
                uuid=uuid,
                day=day,
                said=said,
                place=place[:150],
                ward=ward,
                age_band=age_band,
                via=via,
                recorded_by=by,
            )
    except IntegrityError:
        # Another send of the same code won the race.
        return _same_day(StreetEntry.objects.get(uuid=uuid), day), False
    return entry, True


def _same_day(entry: StreetEntry, day: StreetDay) -> StreetEntry:
    if entry.day_id != day.pk:
        raise Refusal(_("This entry was saved on another day"))
    return entry


@transaction.atomic
def day_publish(*, day: StreetDay, by, published: bool) -> StreetDay:
    """Show (or stop showing) the day's named themes in public, with counts only."""
    _facilitating(by, day)
    day.themes_published = published
    day.save(update_fields=["themes_published", "updated_at"])
    return day


def themes_request(*, day: StreetDay, by) -> None:
    """Ask the task worker to find the day's themes (never in the request: it embeds)."""
    _facilitating(by, day)
    if _themes_queue is None:
        raise Refusal(_("Themes cannot be found just now. Try again later."))
    queue = _themes_queue
    with transaction.atomic():
        StreetDay.objects.filter(pk=day.pk).update(themes_asked_at=timezone.now())
        transaction.on_commit(lambda: queue(day.pk))


# Set by the app's ready(): tasks import this module, so this one cannot import them.
_themes_queue: Callable[[int], None] | None = None


def themes_queue_set(queue: Callable[[int], None] | None) -> None:
    global _themes_queue
    _themes_queue = queue


@transaction.atomic
def themes_replace(*, day: StreetDay, groups: list[list[int]]) -> list[Theme]:
    """Replace the day's themes with `groups` (lists of entry ids), keeping a name the
    facilitator gave where most of a new theme's entries were in the old named theme.
    Entries in no group are left unthemed. Called by the task worker."""
    day = StreetDay.objects.select_for_update().get(pk=day.pk)
    old_theme_of = dict(
        StreetEntry.objects.filter(day=day, theme__isnull=False).values_list("pk", "theme_id")
    )
    old_names = dict(Theme.objects.filter(day=day).exclude(name="").values_list("pk", "name"))
    StreetEntry.objects.filter(day=day).update(theme=None)
    Theme.objects.filter(day=day).delete()
    names_used: set[int] = set()
    made = []
    for members in groups:
        theme = Theme.objects.create(day=day)
        StreetEntry.objects.filter(day=day, pk__in=members).update(theme=theme)
        named = [old_theme_of[m] for m in members if old_theme_of.get(m) in old_names]
        if named:
            best = max(set(named), key=lambda t: (named.count(t), -t))
            if best not in names_used and named.count(best) * 2 > len(members):
                theme.name = old_names[best]
                names_used.add(best)
        made.append(theme)
    _words_for(day, made)
    day.themes_found_at = timezone.now()
    day.save(update_fields=["themes_found_at", "updated_at"])
    return made


def _words_for(day: StreetDay, themes: list[Theme]) -> None:
    """Work out again the top words of these themes (against every entry of the day)."""
    # grouping imports numpy (about 8 MiB) for the task worker's theme finding; a web worker
    # needs it only when a facilitator merges or moves themes, so it loads it only then.
    from . import grouping

    rows = list(StreetEntry.objects.filter(day=day).values_list("theme_id", "said"))
    everywhere = grouping.document_counts([said for _theme, said in rows])
    for theme in themes:
        texts = [said for theme_id, said in rows if theme_id == theme.pk]
        theme.top_words = grouping.top_words(texts, everywhere, len(rows))
        theme.save(update_fields=["top_words", "name", "updated_at"])


@transaction.atomic
def theme_rename(*, theme: Theme, by, name: str) -> Theme:
    """Name a theme (an empty name makes it unnamed, and so not public)."""
    _facilitating(by, theme.day)
    name = name.strip()
    if len(name) > MAX_NAME:
        raise Refusal(_("Use %(limit)d characters or fewer") % {"limit": MAX_NAME}, field="name")
    theme.name = name
    theme.save(update_fields=["name", "updated_at"])
    return theme


@transaction.atomic
def theme_merge(*, theme: Theme, into: Theme, by) -> Theme:
    """Put every entry of `theme` into `into`, and remove `theme`. `into` keeps its name,
    or takes `theme`'s when it had none."""
    _facilitating(by, theme.day)
    if into.day_id != theme.day_id or into.pk == theme.pk:
        raise Refusal(_("Choose another theme from the same day"), field="into")
    StreetEntry.objects.filter(theme=theme).update(theme=into)
    if not into.name and theme.name:
        into.name = theme.name
    theme.delete()
    _words_for(into.day, [into])
    return into


@transaction.atomic
def entry_move(*, entry: StreetEntry, theme: Theme | None, by) -> StreetEntry:
    """Move an entry to another theme of its day (or to no theme)."""
    _facilitating(by, entry.day)
    if theme is not None and theme.day_id != entry.day_id:
        raise Refusal(_("Choose a theme from the same day"), field="theme")
    before = entry.theme
    entry.theme = theme
    entry.save(update_fields=["theme", "updated_at"])
    _words_for(entry.day, [t for t in (before, theme) if t is not None])
    return entry
