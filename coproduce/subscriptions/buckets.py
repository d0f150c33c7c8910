"""Buckets: what a topic key stands for, in words, and which exist.

A topic is "theme:<slug>", "ward:<id>", "place:<id>", "group:<id>" or "series:<id>"; None is
the whole borough. See keys.py for the plain parsing.
"""

from django.utils.translation import gettext as _

from coproduce.common.errors import Refusal
from coproduce.gatherings.models import Series
from coproduce.groups.models import Organisation
from coproduce.places.models import Place, Ward
from coproduce.projects.themes import Theme

from . import keys
from .keys import THINGS  # noqa: F401  (part of this module's contract)

BOROUGH = "borough"  # how the whole borough is written in a web address

MODELS = {"ward": Ward, "place": Place, "group": Organisation, "series": Series}


def parse_topic(key: str) -> tuple[str, str | int]:
    """(kind, value) for a key, or a Refusal saying the bucket is not known."""
    try:
        kind, value = keys.parse(key)
    except keys.BadTopic:
        raise Refusal(_("We do not know that bucket."), field="topic") from None
    if kind == "theme" and value not in Theme.values:
        raise Refusal(_("We do not know that theme."), field="topic")
    return kind, value


def _thing_of(kind: str, value):
    if kind == "theme":
        return None
    return MODELS[kind].objects.filter(pk=value).first()


def topic_exists(key: str | None) -> bool:
    if key is None:
        return True
    try:
        kind, value = parse_topic(key)
    except Refusal:
        return False
    return kind == "theme" or _thing_of(kind, value) is not None


def topic_check(key: str | None) -> None:
    """Refuse a key that is not a bucket that exists."""
    if not topic_exists(key):
        raise Refusal(_("We do not know that bucket."), field="topic")


def _name(kind: str, obj) -> str:
    return obj.title if kind == "series" else obj.name


def topic_label(key: str | None) -> str:
    """The bucket in words: "Ward: Riverside", "Theme: Food", "The whole borough"."""
    if not key:
        return _("The whole borough")
    kind, value = parse_topic(key)
    if kind == "theme":
        return _("Theme: %(name)s") % {"name": Theme(value).label}
    obj = _thing_of(kind, value)
    name = _name(kind, obj) if obj is not None else _("no longer listed")
    words = {
        "ward": _("Ward: %(name)s"),
        "place": _("Place: %(name)s"),
        "group": _("Group: %(name)s"),
        "series": _("Event series: %(name)s"),
    }
    return words[kind] % {"name": name}


def topic_labels(keys_: list[str]) -> dict[str, str]:
    """Labels for many keys at once: one query per kind, not one per key."""
    wanted: dict[str, set[int]] = {}
    for key in keys_:
        if not key:
            continue
        try:
            kind, value = keys.parse(key)
        except keys.BadTopic:
            continue
        if kind != "theme":
            wanted.setdefault(kind, set()).add(int(value))
    names: dict[str, str] = {}
    for kind, ids in wanted.items():
        for obj in MODELS[kind].objects.filter(pk__in=ids):
            names[f"{kind}:{obj.pk}"] = _name(kind, obj)
    labels = {}
    for key in keys_:
        if not key:
            labels[key] = _("The whole borough")
            continue
        if key in names:
            kind = key.partition(":")[0]
            labels[key] = {
                "ward": _("Ward: %(name)s"),
                "place": _("Place: %(name)s"),
                "group": _("Group: %(name)s"),
                "series": _("Event series: %(name)s"),
            }[kind] % {"name": names[key]}
        else:
            try:
                labels[key] = topic_label(key)
            except Refusal:
                labels[key] = key
    return labels


def topic_choices(*, extra: str | None = None) -> list[tuple[str, str]]:
    """Buckets to choose from on the form: the borough, themes, wards, groups and series.

    Places are too many for one list; a place's page links here with its bucket chosen
    (`extra`), which is then added to the list.
    """
    choices = [(BOROUGH, _("The whole borough"))]
    choices += [
        (f"theme:{value}", _("Theme: %(name)s") % {"name": label}) for value, label in Theme.choices
    ]
    choices += [
        (f"ward:{pk}", _("Ward: %(name)s") % {"name": name})
        for pk, name in Ward.objects.order_by("name").values_list("pk", "name")
    ]
    choices += [
        (f"group:{pk}", _("Group: %(name)s") % {"name": name})
        for pk, name in Organisation.objects.order_by("name").values_list("pk", "name")
    ]
    choices += [
        (f"series:{pk}", _("Event series: %(name)s") % {"name": title})
        for pk, title in Series.objects.order_by("title").values_list("pk", "title")
    ]
    if extra and extra not in dict(choices) and topic_exists(extra):
        choices.insert(1, (extra, topic_label(extra)))
    return choices


def from_url(value: str) -> str | None:
    """A bucket as written in a web address ("borough" or a key) to a key (None = borough)."""
    if value == BOROUGH:
        return None
    parse_topic(value)
    return value


def to_url(key: str | None) -> str:
    return key or BOROUGH
