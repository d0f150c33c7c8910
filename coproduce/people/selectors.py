"""Reads of profiles, always through the privacy rules: templates only get what may be seen."""

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from .models import Day, Profile, TimeOfDay, Travel
from .privacy import Relation, visible_parts

# Other features (projects, groups) register a check here: "does `viewer` organise something
# that `person` has joined?". That relation opens the parts shared with organisers.
OrganiserCheck = Callable[[object, object], bool]
ORGANISER_CHECKS: list[OrganiserCheck] = []
# A check may also answer for many people in one query: (viewer, user ids) -> the ids it
# organises. Lists of candidates (matching) ask this instead of one query per person.
ManyOrganiserCheck = Callable[[object, Collection[int]], set[int]]
MANY_CHECKS: dict[OrganiserCheck, ManyOrganiserCheck] = {}


def register_organiser_check(
    check: OrganiserCheck, *, many: ManyOrganiserCheck | None = None
) -> OrganiserCheck:
    if check not in ORGANISER_CHECKS:
        ORGANISER_CHECKS.append(check)
    if many is not None:
        MANY_CHECKS[check] = many
    return check


def organised_among(viewer, people: Sequence) -> set[int]:
    """The pks of those `people` whose relation to `viewer` is ORGANISER (as relation_between
    would say for each), in one query per check that can answer for many."""
    if viewer is None or not viewer.is_authenticated:
        return set()
    left = {person.pk: person for person in people if person.pk != viewer.pk}
    found: set[int] = set()
    for check in ORGANISER_CHECKS:
        if not left:
            break
        many = MANY_CHECKS.get(check)
        if many is not None:
            hits = many(viewer, list(left)) & left.keys()
        else:
            hits = {pk for pk, person in left.items() if check(viewer, person)}
        found |= hits
        for pk in hits:
            del left[pk]
    return found


def relation_between(viewer, person) -> Relation:
    if viewer is None or not viewer.is_authenticated:
        return Relation.VISITOR
    if viewer.pk == person.pk:
        return Relation.SELF
    if any(check(viewer, person) for check in ORGANISER_CHECKS):
        return Relation.ORGANISER
    return Relation.MEMBER


@dataclass(frozen=True)
class VisibleProfile:
    """A profile as one viewer may see it. Hidden parts are None, never their real value."""

    pk: int
    relation: Relation
    name: str | None = None
    ward: str | None = None
    what_i_can_do: str | None = None
    skills: list[str] | None = None
    what_i_care_about: str | None = None
    what_i_would_like_to_do: str | None = None
    languages: str | None = None
    available_days: list[str] | None = None
    available_times: list[str] | None = None
    hours_per_month: int | None = None
    travel: str | None = None
    access_needs: str | None = None

    @property
    def shows_anything_beyond_name(self) -> bool:
        hidden = {"pk", "relation", "name", "ward"}
        return any(v not in (None, "", []) for k, v in self.__dict__.items() if k not in hidden)


def _labels(values: list[str], choices) -> list[str]:
    names = dict(choices)
    return [str(names[v]) for v in values if v in names]


# The skills app builds on profiles, so people never imports it: skills registers, from its
# AppConfig.ready(), how to read the names of the skills a person has confirmed.
SkillNamesReader = Callable[[Profile], list[str]]
SKILL_NAMES_READERS: list[SkillNamesReader] = []


def register_skill_names_reader(reader: SkillNamesReader) -> SkillNamesReader:
    if reader not in SKILL_NAMES_READERS:
        SKILL_NAMES_READERS.append(reader)
    return reader


def confirmed_skill_names(profile: Profile) -> list[str]:
    """The names of the skills a person has confirmed, from whichever app keeps them."""
    return [name for reader in SKILL_NAMES_READERS for name in reader(profile)]


def visible_profile(viewer, profile: Profile) -> VisibleProfile | None:
    """The profile as `viewer` may see it, or None if they may not even see who it is."""
    return profile_as_seen_by(profile, relation_between(viewer, profile.user))


def profile_as_seen_by(profile: Profile, relation: Relation) -> VisibleProfile | None:
    """The profile as anyone with this relation to the person sees it; None if not at all.

    The person's own preview ("see your profile as a visitor") uses this too, so the preview
    and the real page can never differ.
    """
    parts = visible_parts(profile.visibilities(), relation)
    if not parts:
        return None
    fields: dict = {"pk": profile.pk, "relation": relation}
    if "identity" in parts:
        fields["name"] = str(profile.user.display_name or "")
        fields["ward"] = profile.ward.name if profile.ward_id else ""
    if "skills" in parts:
        fields["what_i_can_do"] = profile.what_i_can_do
        fields["skills"] = confirmed_skill_names(profile)
    if "passions" in parts:
        fields["what_i_care_about"] = profile.what_i_care_about
    if "ambitions" in parts:
        fields["what_i_would_like_to_do"] = profile.what_i_would_like_to_do
    if "languages" in parts:
        fields["languages"] = profile.languages
    if "availability" in parts:
        fields["available_days"] = _labels(profile.available_days, Day.choices)
        fields["available_times"] = _labels(profile.available_times, TimeOfDay.choices)
        fields["hours_per_month"] = profile.hours_per_month
        fields["travel"] = str(dict(Travel.choices).get(profile.travel, "")) or None
    if "access_needs" in parts:
        fields["access_needs"] = profile.access_needs
    return VisibleProfile(**fields)


def profile_for_view(pk: int) -> Profile | None:
    return (
        Profile.objects.select_related("user", "ward").filter(pk=pk, user__is_active=True).first()
    )


def own_profile(user) -> Profile | None:
    return Profile.objects.select_related("user", "ward", "street").filter(user=user).first()
