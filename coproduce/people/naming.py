"""The one rule for naming a person to a viewer.

Every page, email, feed and file that shows a person gets the words from `name_for`. A name
is shown only if the person's identity visibility lets this viewer see it; otherwise the
viewer reads a neutral label. An email address is never used as a name.

In emails the viewer is the recipient; in public files and feeds (the project pack, public
calendars) it is an anonymous visitor (`None`); in a person's own calendar feed it is them.
"""

from collections.abc import Iterable

from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _

from .privacy import DEFAULTS, Relation, Visibility, can_see

# What `name_for` reads of a person, so a list that names many people can load only these
# (`naming_fields("author")`). If `name_for` starts reading another field, add it here:
# test_naming_reads_only_the_naming_fields fails until you do.
NAMING_FIELDS = ("id", "display_name", "is_active", "profile__visibility_identity")


def naming_fields(path: str) -> list[str]:
    """The fields `name_for` reads, as `only()` names them from a model that points to the
    person by `path` (loaded with select_related(f"{path}__profile"))."""
    return [f"{path}__{field}" for field in NAMING_FIELDS]


def _is_signed_in(viewer) -> bool:
    return viewer is not None and bool(getattr(viewer, "is_authenticated", False))


def _identity_visibility(person) -> Visibility:
    # A profile loaded with select_related("…__profile") costs no query here.
    try:
        profile = person.profile
    except ObjectDoesNotExist:  # no profile yet: the default rule applies
        return DEFAULTS["identity"]
    if profile is None:
        return DEFAULTS["identity"]
    return Visibility(profile.visibility_identity)


def may_see_name(person, viewer) -> bool:
    """Whether `viewer` (a user, AnonymousUser or None) may see who `person` is."""
    if person is None:
        return False
    if _is_signed_in(viewer) and viewer.pk == person.pk:
        return True
    visibility = _identity_visibility(person)
    if visibility == Visibility.PUBLIC:
        return True
    if not _is_signed_in(viewer):
        return False
    if visibility == Visibility.MEMBERS:
        return True
    if visibility == Visibility.ONLY_ME:
        return False
    # Organisers only: the one case that needs to know how the two are related.
    from .selectors import relation_between

    return can_see(visibility, relation_between(viewer, person))


def _written(name: str) -> str:
    """A name as sentences carry it: "Sam H." is "Sam H", so "offered by Sam H." does not
    end in two full stops (GOV.UK writes initials without them)."""
    return name.rstrip(". ") or name


def neutral_label() -> str:
    return _("A resident")


def name_for(person, viewer) -> str:
    """How `person` is named to `viewer`: their name if they allow it, else "A resident".

    The person themselves sees their own name (or "You" if they have none). Someone whose
    account is gone is "A former member". Never an email address.
    """
    if person is None:
        return _("A former member")
    if _is_signed_in(viewer) and viewer.pk == person.pk:
        return _written(person.display_name) if person.display_name else _("You")
    if not getattr(person, "is_active", True):
        return _("A former member")
    if person.display_name and may_see_name(person, viewer):
        return _written(person.display_name)
    return neutral_label()


def shown_as(person) -> str:
    """How other signed-in members who do not organise with `person` see them."""
    visibility = _identity_visibility(person)
    if person.display_name and can_see(visibility, Relation.MEMBER):
        return _written(person.display_name)
    return neutral_label()


def names_for(people: Iterable, viewer) -> list[str]:
    return [name_for(person, viewer) for person in people]


def choice_labels(people: Iterable, viewer) -> dict:
    """Labels for a list to choose a person from, by primary key: `name_for`, numbered where
    two read the same ("A resident (2)"), so the chooser can tell them apart without learning
    any hidden name."""
    people = list(people)
    names = names_for(people, viewer)
    totals = {name: names.count(name) for name in names}
    seen: dict[str, int] = {}
    labels = {}
    for person, name in zip(people, names, strict=True):
        if totals[name] > 1:
            seen[name] = seen.get(name, 0) + 1
            name = f"{name} ({seen[name]})"
        labels[person.pk] = name
    return labels
