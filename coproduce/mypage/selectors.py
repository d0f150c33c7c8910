"""Reads for "Your page": what is next for one person, one query for each kind of thing.

Every query here is filtered to the signed-in person's own things, and each is cut to a few
rows (`SHOWN`, plus one to tell whether there are more), so the page costs the same number of
queries however much the person has or the borough holds. People in the rows come with their
profile (`select_related("…__profile")`) and rows load only the columns the page shows.

Most people have only a few kinds of thing, so `kinds_present` first asks, in one query,
which kinds the person has at all; the page then reads only those. Building a query costs
Django more time than SQLite takes to answer these, so queries not sent are the saving.

Each kind has a bare filter (`WHICH[kind]`: whose, and which are still waiting), used both by
`kinds_present` and by the read that shows it, so the two always agree.
"""

from collections.abc import Callable
from datetime import datetime

from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, F, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from coproduce.gatherings.models import Action, EventOrganiserInvitation, Rsvp
from coproduce.groups.models import Membership, OrganiserInvitation
from coproduce.matching.models import Invitation
from coproduce.notifications.selectors import unread_count_for
from coproduce.people.naming import naming_fields
from coproduce.projects.models import Contribution, Owner, OwnerInvitation, Project
from coproduce.projects.selectors import projects_for_me
from coproduce.sharing.models import FundingFollow, ItemReply, Reservation
from coproduce.skills.models import PersonSkill
from coproduce.timebank.models import Account, Transfer

SHOWN = 5
SKILL_PROJECTS_SHOWN = 3


def first(rows: QuerySet, shown: int = SHOWN) -> tuple[list, bool]:
    """The first `shown` rows, and whether there are more, from one query."""
    got = list(rows[: shown + 1])
    return got[:shown], len(got) > shown


def organised_group_ids(user) -> list[int]:
    """The groups the person organises, read once for the kinds that need them.

    A list, not a subquery: "the person's, or one of these groups'" then uses an index for
    each side, where an OR with a subquery scans the whole table on SQLite.
    """
    return list(
        Membership.objects.filter(user=user, role=Membership.Role.ORGANISER).values_list(
            "organisation_id", flat=True
        )
    )


# Which rows are the person's and still waiting: one bare filter for each kind ---------------


def _events(user, now, groups) -> QuerySet[Rsvp]:
    # Cancelled events stay in, so the person learns of it here too.
    return Rsvp.objects.filter(
        user=user,
        status__in=[Rsvp.Status.CONFIRMED, Rsvp.Status.WAITING],
        event__ends_at__gt=now,
    )


def _gathering_actions(user, now, groups) -> QuerySet[Action]:
    return Action.objects.filter(
        owner=user, status__in=[Action.Status.OPEN, Action.Status.IN_PROGRESS]
    )


def _project_actions(user, now, groups) -> QuerySet[Contribution]:
    # Actions the person proposed ("I will ...") that a project's owners accepted.
    return Contribution.objects.filter(
        person=user, kind=Contribution.Kind.PROPOSAL, status=Contribution.Status.ACCEPTED
    )


def _need_invitations(user, now, groups) -> QuerySet[Invitation]:
    return Invitation.objects.filter(person=user, status=Invitation.Status.SENT)


def _owner_invitations(user, now, groups) -> QuerySet[OwnerInvitation]:
    return OwnerInvitation.objects.filter(
        person=user, status=OwnerInvitation.Status.PENDING, expires_at__gt=now
    )


def _event_invitations(user, now, groups) -> QuerySet[EventOrganiserInvitation]:
    return EventOrganiserInvitation.objects.filter(
        person=user,
        status=EventOrganiserInvitation.Status.PENDING,
        expires_at__gt=now,
        event__ends_at__gt=now,
    )


def _group_invitations(user, now, groups) -> QuerySet[OrganiserInvitation]:
    return OrganiserInvitation.objects.filter(
        invitee=user, status=OrganiserInvitation.Status.PENDING
    )


def _offers(user, now, groups) -> QuerySet[Contribution]:
    # Projects the person owns, alone or through a group they organise: not every project an
    # officer may change, only what is theirs to answer.
    owned = Owner.objects.filter(Q(user=user) | Q(organisation_id__in=groups)).values("project_id")
    return Contribution.objects.filter(status=Contribution.Status.PENDING, project_id__in=owned)


def _replies(user, now, groups) -> QuerySet[ItemReply]:
    return ItemReply.objects.filter(status=ItemReply.Status.SENT, item__posted_by=user)


def _time(user, now, groups) -> QuerySet[Transfer]:
    # The side that did not ask confirms (timebank.services._other_side).
    mine = Account.objects.filter(Q(user=user) | Q(organisation_id__in=groups)).values("pk")
    asked_by_giver = Q(requested_for=F("from_account"))
    return Transfer.objects.filter(status=Transfer.Status.PENDING).filter(
        (asked_by_giver & Q(to_account_id__in=mine))
        | ((Q(requested_for__isnull=True) | ~asked_by_giver) & Q(from_account_id__in=mine))
    )


def _reservations(user, now, groups) -> QuerySet[Reservation]:
    return Reservation.objects.filter(status__in=Reservation.ACTIVE_STATUSES).filter(
        Q(reserved_by=user) | Q(item__posted_by=user)
    )


def _funding(user, now, groups) -> QuerySet[FundingFollow]:
    return FundingFollow.objects.filter(user=user, opportunity__deadline__gt=now)


def _skills(user, now, groups) -> QuerySet[PersonSkill]:
    # Without a confirmed skill no project can need the person's skills.
    return PersonSkill.objects.filter(profile__user=user, status=PersonSkill.Status.CONFIRMED)


WHICH: dict[str, Callable[..., QuerySet]] = {
    "events": _events,
    "gathering_actions": _gathering_actions,
    "project_actions": _project_actions,
    "need_invitations": _need_invitations,
    "owner_invitations": _owner_invitations,
    "event_invitations": _event_invitations,
    "group_invitations": _group_invitations,
    "offers": _offers,
    "replies": _replies,
    "time": _time,
    "reservations": _reservations,
    "funding": _funding,
    "skills": _skills,
}


def kinds_present(user, *, now: datetime, groups: list[int]) -> frozenset[str]:
    """The kinds of thing the person has at least one of, from one query of EXISTS tests."""
    checks = {f"has_{kind}": Exists(which(user, now, groups)) for kind, which in WHICH.items()}
    row = get_user_model().objects.filter(pk=user.pk).values(**checks).first()
    if row is None:
        return frozenset()
    return frozenset(kind for kind in WHICH if row[f"has_{kind}"])


# What the page shows of each kind ---------------------------------------------------------


def places_at_events(user, *, now: datetime) -> QuerySet[Rsvp]:
    """Places and waiting-list places at events not yet over, soonest first. Each row
    carries `ahead`: how many people are before the person on the waiting list."""
    ahead = (
        Rsvp.objects.filter(event=OuterRef("event"), status=Rsvp.Status.WAITING)
        .filter(
            Q(queued_at__lt=OuterRef("queued_at"))
            | Q(queued_at=OuterRef("queued_at"), pk__lt=OuterRef("pk"))
        )
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        _events(user, now, [])
        .select_related("event__place")
        .only("status", "event__title", "event__starts_at", "event__status", "event__place__name")
        .annotate(ahead=Coalesce(Subquery(ahead), Value(0)))
        .order_by("event__starts_at", "pk")
    )


def gathering_actions(user) -> QuerySet[Action]:
    """Steps from action learning sets the person owns and has not finished, soonest due."""
    return (
        _gathering_actions(user, None, [])
        .select_related("treatment")
        .only("text", "due_on", "treatment__title")
        .order_by("due_on", "pk")
    )


def project_actions(user) -> QuerySet[Contribution]:
    """Actions the person proposed that a project's owners accepted, soonest due."""
    return (
        _project_actions(user, None, [])
        .select_related("project")
        .only("message", "due_on", "project__title")
        .order_by("due_on", "pk")
    )


def need_invitations(user) -> QuerySet[Invitation]:
    """Invitations to help with a need, not yet answered, newest first."""
    return (
        _need_invitations(user, None, [])
        .select_related("need__project", "invited_by__profile")
        .only("need__title", "need__project__title", *naming_fields("invited_by"))
        .order_by("-sent_at", "-pk")
    )


def owner_invitations(user, *, now: datetime) -> QuerySet[OwnerInvitation]:
    """Invitations to own a project, still open, the first to expire first."""
    return (
        _owner_invitations(user, now, [])
        .select_related("project", "invited_by__profile")
        .only("expires_at", "project__title", *naming_fields("invited_by"))
        .order_by("expires_at", "pk")
    )


def event_organiser_invitations(user, *, now: datetime) -> QuerySet[EventOrganiserInvitation]:
    """Invitations to help run an event, still open, the soonest event first."""
    return (
        _event_invitations(user, now, [])
        .select_related("event", "invited_by__profile")
        .only("event__title", "event__starts_at", *naming_fields("invited_by"))
        .order_by("event__starts_at", "pk")
    )


def group_organiser_invitations(user) -> QuerySet[OrganiserInvitation]:
    """Invitations to help organise a group, not yet answered, newest first."""
    return (
        _group_invitations(user, None, [])
        .select_related("organisation", "invited_by__profile")
        .only("organisation__name", *naming_fields("invited_by"))
        .order_by("-created_at", "-pk")
    )


def offers_to_decide(user, *, groups: list[int]) -> QuerySet[Contribution]:
    """Offers, proposed actions and volunteers waiting for a decision on projects the person
    owns, alone or through a group they organise (`groups`), oldest first."""
    return (
        _offers(user, None, groups)
        .select_related("project", "person__profile")
        .only("kind", "message", "project__title", *naming_fields("person"))
        .order_by("created_at", "pk")
    )


def replies_to_answer(user) -> QuerySet[ItemReply]:
    """People offering what the person's "wanted" posts ask for, not yet answered."""
    return (
        _replies(user, None, [])
        .select_related("item", "sender__profile")
        .only("message", "item__title", *naming_fields("sender"))
        .order_by("created_at", "pk")
    )


def transfers_to_confirm(user, *, groups: list[int]) -> QuerySet[Transfer]:
    """Time waiting for this person (or a group they organise, `groups`) to confirm."""
    return (
        _time(user, None, groups)
        .select_related(
            "from_account__user__profile",
            "from_account__organisation",
            "to_account__user__profile",
            "to_account__organisation",
        )
        .only(
            "minutes",
            "description",
            "requested_for",
            "from_account__organisation__name",
            "to_account__organisation__name",
            *naming_fields("from_account__user"),
            *naming_fields("to_account__user"),
        )
        .order_by("created_at", "pk")
    )


def reservations(user) -> QuerySet[Reservation]:
    """Live reservations: items the person reserved, and their items others reserved."""
    return (
        _reservations(user, None, [])
        .select_related("item", "reserved_by__profile")
        .only("status", "item__title", *naming_fields("reserved_by"))
        .order_by("-created_at", "-pk")
    )


def funding_deadlines(user, *, now: datetime) -> QuerySet[FundingFollow]:
    """Funding rounds the person follows whose deadline has not passed, soonest first."""
    return (
        _funding(user, now, [])
        .select_related("opportunity__funder")
        .only("opportunity__title", "opportunity__deadline", "opportunity__funder__name")
        .order_by("opportunity__deadline", "pk")
    )


def projects_needing_skills(user) -> list[Project]:
    """A few projects that need a skill the person has confirmed (projects.selectors)."""
    return projects_for_me(user, limit=SKILL_PROJECTS_SHOWN)


def unread_notifications(user) -> int:
    return unread_count_for(user)
