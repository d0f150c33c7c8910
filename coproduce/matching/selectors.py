"""Reads for matching: who and what fits a need, always as the asker may see them.

Privacy: a person is listed only if the asker may see both who they are (identity) and their
skills. Their availability (days, times, hours, how far they travel) is used only if the
asker may see it too; otherwise it counts as unknown and is never mentioned. Contact details
are never read here.
"""

import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Count, Max, Prefetch, QuerySet
from django.utils.translation import gettext

from coproduce.people.models import Profile
from coproduce.people.privacy import Relation, Visibility, can_see
from coproduce.people.selectors import organised_among
from coproduce.places.models import Place, Ward
from coproduce.projects.models import Need
from coproduce.projects.permissions import can_manage_need
from coproduce.skills.models import PersonSkill, Skill

from . import adjacency, place_ranking, ranking
from .models import Invitation
from .permissions import can_see_candidates, is_matching_officer

MEMBER_LEVELS = frozenset(v.value for v in Visibility if can_see(v, Relation.MEMBER))
ORGANISER_LEVELS = frozenset(v.value for v in Visibility if can_see(v, Relation.ORGANISER))
PEOPLE_SHOWN = 20
PLACES_SHOWN = 10
# How many of the best-ranked people may need an organiser check (one query or so each)
# before the page gives up looking further down the list.
ORGANISER_CHECKS_MAX = 40


# Wards ----------------------------------------------------------------------------------

_neighbours_lock = threading.Lock()
_neighbours: dict = {"signature": None, "table": {}}


def ward_neighbours(ward_id: int | None) -> frozenset[int]:
    """Wards whose boundaries touch this one. Worked out once per process per boundary change."""
    if ward_id is None:
        return frozenset()
    signature = tuple(Ward.objects.aggregate(count=Count("pk"), latest=Max("updated_at")).values())
    with _neighbours_lock:
        if _neighbours["signature"] != signature:
            boundaries = dict(Ward.objects.values_list("pk", "boundary"))
            _neighbours["table"] = adjacency.neighbours(boundaries)
            _neighbours["signature"] = signature
        return _neighbours["table"].get(ward_id, frozenset())


# Needs ----------------------------------------------------------------------------------


def needs_of(user) -> QuerySet[Need]:
    return Need.objects.filter(created_by=user).select_related("ward").order_by("-created_at")


def need_for_asker(*, pk: int, user) -> Need | None:
    """The need with its skills and ward, only for whoever asked, its project's owners, and
    officers who match any need. Whether they see people for it is permissions' to say."""
    need = (
        Need.objects.filter(pk=pk)
        .select_related("ward", "project")
        .prefetch_related(Prefetch("skills", queryset=Skill.objects.order_by("name")))
        .first()
    )
    if need is None:
        return None
    return need if can_manage_need(user, need) or is_matching_officer(user) else None


def _spec(need: Need) -> ranking.NeedSpec:
    skills = list(need.skills.all())
    return ranking.NeedSpec(
        skill_ids=frozenset(s.pk for s in skills),
        skill_names={s.pk: s.name for s in skills},
        days=frozenset(need.days),
        times=frozenset(need.times),
        ward_id=need.ward_id,
        neighbour_ward_ids=ward_neighbours(need.ward_id),
        online_ok=need.online_ok,
    )


# People ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonMatch:
    """One person as the asker may see them: no contact details, nothing hidden from them."""

    user_id: int
    profile_id: int
    name: str
    ward: str
    score: int
    reasons: list[str]
    invitation_status: str | None = None
    invitation_label: str | None = None


@dataclass(frozen=True)
class _Row:
    candidate: ranking.Candidate  # availability as the asker may see it as a member
    hidden: ranking.Candidate  # availability as an organiser of theirs would see it
    needs_organiser: bool  # identity or skills shown to organisers only
    availability_for_organisers: bool


def _candidate_rows(need_spec, asker, *, only_user_id: int | None = None) -> dict[int, _Row]:
    """Everyone who might fit, from one query: keyed by user id."""
    query = PersonSkill.objects.filter(
        skill_id__in=need_spec.skill_ids,
        status=PersonSkill.Status.CONFIRMED,
        profile__open_to_invitations=True,
        profile__user__is_active=True,
        profile__visibility_identity__in=ORGANISER_LEVELS,
        profile__visibility_skills__in=ORGANISER_LEVELS,
    ).exclude(profile__user_id=asker.pk)
    if only_user_id is not None:
        query = query.filter(profile__user_id=only_user_id)
    fields = (
        "profile__user_id",
        "skill_id",
        "profile__ward_id",
        "profile__travel",
        "profile__hours_per_month",
        "profile__available_days",
        "profile__available_times",
        "profile__visibility_identity",
        "profile__visibility_skills",
        "profile__visibility_availability",
    )
    skills: dict[int, set[int]] = {}
    details: dict[int, tuple] = {}
    for user_id, skill_id, *rest in query.order_by("profile__user_id").values_list(*fields):
        skills.setdefault(user_id, set()).add(skill_id)
        details[user_id] = rest
    frozen: dict[tuple, frozenset] = {}

    def freeze(values) -> frozenset[str] | None:
        key = tuple(values or ())
        if key not in frozen:
            frozen[key] = frozenset(key) or None
        return frozen[key]

    rows = {}
    for user_id, rest in details.items():
        ward_id, travel, hours, days, times, identity, skill_level, availability = rest
        skill_ids = frozenset(skills[user_id])
        known = ranking.candidate(
            user_id, skill_ids, freeze(days), freeze(times), ward_id, travel or None, hours
        )
        unknown = ranking.candidate(user_id, skill_ids, None, None, ward_id, None, None)
        needs_organiser = identity not in MEMBER_LEVELS or skill_level not in MEMBER_LEVELS
        for_organisers = availability not in MEMBER_LEVELS and availability in ORGANISER_LEVELS
        if availability in MEMBER_LEVELS or (needs_organiser and for_organisers):
            # Known to a member, or to be checked with the identity before anything is shown.
            candidate = known
        else:
            candidate = unknown
        rows[user_id] = _Row(candidate, known, needs_organiser, for_organisers)
    return rows


def _people(need: Need, asker, *, limit: int, only_user_id: int | None = None, spec=None):
    spec = spec or _spec(need)
    rows = _candidate_rows(spec, asker, only_user_id=only_user_id)
    if not rows:
        return spec, []
    candidates = [row.candidate for row in rows.values()]
    pool = ranking.rank_people(
        spec, candidates, limit=limit + ORGANISER_CHECKS_MAX, translate=gettext
    ).matches
    profiles = {
        p.user_id: p
        for p in Profile.objects.select_related("user", "ward").filter(
            user_id__in=[m.person_id for m in pool]
        )
    }
    # Who the asker organises, among the first rows that need asking, in one query per kind
    # of organising: the loop below then needs no query per person.
    to_check = [
        profiles[m.person_id].user
        for m in pool
        if m.person_id in profiles
        and (rows[m.person_id].needs_organiser or rows[m.person_id].availability_for_organisers)
    ][:ORGANISER_CHECKS_MAX]
    checkable = {user.pk for user in to_check}
    organised = organised_among(asker, to_check)
    kept: list[tuple[ranking.Match, Profile]] = []
    for match in pool:
        if len(kept) >= limit:
            break
        row, profile = rows[match.person_id], profiles.get(match.person_id)
        if profile is None:
            continue
        if row.needs_organiser or row.availability_for_organisers:
            if match.person_id not in checkable:
                if row.needs_organiser:
                    continue
            elif match.person_id not in organised:
                if row.needs_organiser:
                    continue  # not theirs to see at all
            elif row.candidate is not row.hidden:
                # Their availability is shared with organisers: now it may be used.
                again = ranking.rank_people(spec, [row.hidden], limit=1, translate=gettext)
                if not again.matches:
                    continue  # not free when needed
                match = again.matches[0]
        kept.append((match, profile))
    kept.sort(key=lambda pair: -pair[0].score)  # stable: earlier rank wins ties
    return spec, kept


def people_for_need(
    need: Need, asker, *, limit: int = PEOPLE_SHOWN, spec: ranking.NeedSpec | None = None
) -> list[PersonMatch]:
    """The best people for a need, best first, as the asker may see them, with reasons."""
    _spec_unused, kept = _people(need, asker, limit=limit, spec=spec)
    invitations = dict(
        Invitation.objects.filter(
            need=need, person_id__in=[p.user_id for _m, p in kept]
        ).values_list("person_id", "status")
    )
    labels = dict(Invitation.Status.choices)
    return [
        PersonMatch(
            user_id=profile.user_id,
            profile_id=profile.pk,
            name=str(profile.user.display_name or ""),
            ward=profile.ward.name if profile.ward_id else "",
            score=match.score,
            reasons=match.reasons,
            invitation_status=invitations.get(profile.user_id),
            invitation_label=str(labels[invitations[profile.user_id]])
            if profile.user_id in invitations
            else None,
        )
        for match, profile in kept
    ]


def is_candidate(need: Need, asker, person) -> bool:
    """Whether `person` would be listed for this need to this asker (one person's check)."""
    _spec_unused, kept = _people(need, asker, limit=1, only_user_id=person.pk)
    return bool(kept)


# Places ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlaceResult:
    place: Place
    score: int
    reasons: list[str]


def places_for_need(
    need: Need, *, limit: int = PLACES_SHOWN, spec: ranking.NeedSpec | None = None
) -> list[PlaceResult]:
    """Listed places in or next to the need's ward, open when needed. None without a ward."""
    if need.ward_id is None:
        return []
    spec = spec or _spec(need)
    query = Place.objects.filter(
        is_listed=True, ward_id__in={need.ward_id, *spec.neighbour_ward_ids}
    )
    if need.needs_step_free:
        query = query.filter(step_free=True)
    rows = [
        place_ranking.PlaceRow(*values)
        for values in query.values_list("pk", "ward_id", "step_free", "open_week")
    ]
    matches = place_ranking.rank_places(
        spec, rows, needs_step_free=need.needs_step_free, limit=limit, translate=gettext
    )
    places = Place.objects.select_related("ward").in_bulk([m.place_id for m in matches])
    return [PlaceResult(places[m.place_id], m.score, m.reasons) for m in matches]


@dataclass(frozen=True)
class NeedMatches:
    people: list[PersonMatch]
    places: list[PlaceResult]
    resources: list


def matches_for_need(need: Need, asker) -> NeedMatches:
    """People, places and resources for a need, as the asker may see them. People only for
    those permissions.can_see_candidates lets see them."""
    spec = _spec(need)
    return NeedMatches(
        people=people_for_need(need, asker, spec=spec) if can_see_candidates(asker, need) else [],
        places=places_for_need(need, spec=spec),
        resources=resources_for_need(need, asker),
    )


# Resources ------------------------------------------------------------------------------

# Later features (items to lend, funding, bookable spaces) register a finder here:
# finder(need, asker) -> list of objects with `name`, `url` and `reasons`.
ResourceFinder = Callable[[Need, object], list]
RESOURCE_FINDERS: list[ResourceFinder] = []


def register_resource_finder(finder: ResourceFinder) -> ResourceFinder:
    if finder not in RESOURCE_FINDERS:
        RESOURCE_FINDERS.append(finder)
    return finder


def resources_for_need(need: Need, asker) -> list:
    """Resources for a need, from every registered finder. None exist yet."""
    return [resource for finder in RESOURCE_FINDERS for resource in finder(need, asker)]


# Invitations ----------------------------------------------------------------------------


def invitations_received(user) -> QuerySet[Invitation]:
    return (
        Invitation.objects.filter(person=user)
        .exclude(status=Invitation.Status.WITHDRAWN)
        .select_related("need", "invited_by")
        .order_by("-created_at")
    )


def invitations_for_need(need: Need) -> QuerySet[Invitation]:
    return need.invitations.select_related("person").order_by("-created_at")


def invitation_for(*, pk: int, user) -> Invitation | None:
    """The invitation, only for the person invited and the person who invited them."""
    invitation = (
        Invitation.objects.select_related("need", "need__ward", "person", "invited_by")
        .filter(pk=pk)
        .first()
    )
    if invitation is None or user.pk not in (invitation.person_id, invitation.invited_by_id):
        return None
    if user.pk == invitation.person_id and invitation.status == Invitation.Status.WITHDRAWN:
        return None
    return invitation


def contact_email_for(invitation: Invitation, user) -> str | None:
    """The invited person's email, for the asker, once they accepted. Otherwise None."""
    if user.pk == invitation.invited_by_id and invitation.status == Invitation.Status.ACCEPTED:
        return invitation.person.email
    return None
