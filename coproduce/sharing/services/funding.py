"""Writes to funding: rounds (by officers), follows, applications and deadline reminders."""

from datetime import date, datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed
from coproduce.groups.models import Organisation
from coproduce.notifications.services import notify
from coproduce.projects.permissions import can_manage
from coproduce.projects.themes import Theme

from .. import kinds, permissions
from ..models import (
    Funder,
    FundingApplication,
    FundingFollow,
    FundingOpportunity,
    FundingReminder,
    FundingTheme,
)
from . import BadValue, WrongState

REMINDERS: tuple[tuple[str, timedelta], ...] = (
    (FundingReminder.Kind.TWO_DAYS, timedelta(days=2)),
    (FundingReminder.Kind.FOURTEEN_DAYS, timedelta(days=14)),
)


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


@transaction.atomic
def funder_find_or_create(*, name: str, website: str = "") -> Funder:
    """The funder with this name (ignoring case), made if new."""
    name = name.strip()
    if not name:
        raise BadValue(_("Enter the funder's name."))
    funder = Funder.objects.filter(name__iexact=name).first()
    if funder is None:
        try:
            with transaction.atomic():
                funder = Funder.objects.create(name=name, website=website.strip())
        except IntegrityError:
            funder = Funder.objects.get(name__iexact=name)
    return funder


def _check(fields: dict) -> dict:
    cleaned = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    if "title" in cleaned and not cleaned["title"]:
        raise BadValue(_("Enter a title."))
    if "what_it_funds" in cleaned and not cleaned["what_it_funds"]:
        raise BadValue(_("Say what it funds."))
    deadline = cleaned.get("deadline")
    if deadline is not None and (not isinstance(deadline, datetime) or timezone.is_naive(deadline)):
        raise BadValue("The deadline must be a timezone-aware datetime.")
    for name in ("decision_date", "release_date"):
        value = cleaned.get(name)
        if value is not None and not isinstance(value, date):
            raise BadValue(f"{name} must be a date.")
    low, high = cleaned.get("min_amount"), cleaned.get("max_amount")
    for value in (low, high):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise BadValue(_("Amounts must be whole pounds, zero or more."))
    if low is not None and high is not None and low > high:
        raise BadValue(_("The smallest grant cannot be more than the largest."))
    return cleaned


OPPORTUNITY_FIELDS: frozenset[str] = frozenset(
    {
        "funder",
        "title",
        "what_it_funds",
        "eligibility",
        "min_amount",
        "max_amount",
        "deadline",
        "decision_date",
        "release_date",
        "link",
        "borough_wide",
    }
)


def _set_places_and_themes(opportunity, *, wards, themes) -> None:
    if themes is not None:
        unknown = set(themes) - set(Theme.values)
        if unknown:
            raise BadValue(f"Unknown themes: {', '.join(sorted(unknown))}")
        opportunity.themes.all().delete()
        FundingTheme.objects.bulk_create(
            [FundingTheme(opportunity=opportunity, theme=t) for t in sorted(set(themes))]
        )
    if wards is not None:
        opportunity.wards.set(wards)
    if not opportunity.borough_wide and not opportunity.wards.exists():
        raise BadValue(_("Choose the wards it is open to, or say it is open to the whole borough."))


@transaction.atomic
def opportunity_create(*, by, wards=(), themes=(), **fields) -> FundingOpportunity:
    """Add a funding round. Officers only (see permissions.ADD_OPPORTUNITY)."""
    if not permissions.can_add_opportunity(by):
        raise NotAllowed(_("Only council officers can add funding."))
    unknown = set(fields) - OPPORTUNITY_FIELDS
    if unknown:
        raise BadValue(f"Unknown fields: {', '.join(sorted(unknown))}")
    cleaned = _check(fields)
    if not isinstance(cleaned.get("deadline"), datetime):
        raise BadValue(_("Enter the deadline."))
    opportunity = FundingOpportunity.objects.create(created_by=by, **cleaned)
    _set_places_and_themes(opportunity, wards=list(wards), themes=list(themes))
    return opportunity


@transaction.atomic
def opportunity_update(
    *, opportunity: FundingOpportunity, by, wards=None, themes=None, **changes
) -> FundingOpportunity:
    """Change a funding round. A new deadline lets followers be reminded again for it."""
    if not permissions.can_change_opportunity(by):
        raise NotAllowed(_("Only council officers can change funding."))
    unknown = set(changes) - OPPORTUNITY_FIELDS
    if unknown:
        raise BadValue(f"Unknown fields: {', '.join(sorted(unknown))}")
    cleaned = _check(changes)
    if (
        cleaned.get("min_amount", opportunity.min_amount) is not None
        and cleaned.get("max_amount", opportunity.max_amount) is not None
        and cleaned.get("min_amount", opportunity.min_amount)
        > cleaned.get("max_amount", opportunity.max_amount)
    ):
        raise BadValue(_("The smallest grant cannot be more than the largest."))
    new_deadline = "deadline" in cleaned and cleaned["deadline"] != opportunity.deadline
    for name, value in cleaned.items():
        setattr(opportunity, name, value)
    if cleaned:
        opportunity.save(update_fields=[*sorted(cleaned), "updated_at"])
    _set_places_and_themes(opportunity, wards=wards, themes=themes)
    if new_deadline:
        # Reminders were for the old date; followers should hear about the new one.
        FundingReminder.objects.filter(follow__opportunity=opportunity).delete()
    return opportunity


@transaction.atomic
def opportunity_follow(*, opportunity: FundingOpportunity, user) -> FundingFollow:
    """Follow a round to be reminded before its deadline. Following twice is harmless."""
    if not _signed_in(user):
        raise NotAllowed(_("Sign in to follow funding."))
    follow, _created = FundingFollow.objects.get_or_create(user=user, opportunity=opportunity)
    return follow


@transaction.atomic
def opportunity_unfollow(*, opportunity: FundingOpportunity, user) -> None:
    if not _signed_in(user):
        raise NotAllowed(_("Sign in first."))
    FundingFollow.objects.filter(user=user, opportunity=opportunity).delete()


@transaction.atomic
def application_record(
    *,
    opportunity: FundingOpportunity,
    by,
    amount_requested: int,
    organisation: Organisation | None = None,
    project_name: str = "",
    project=None,
) -> FundingApplication:
    """Record that a group (or, for now, a project by name) applied to a round.

    Only organisers of the group may record for it; anyone signed in may record for a
    project by name, and only they and officers see it.
    """
    if not _signed_in(by):
        raise NotAllowed(_("Sign in to record an application."))
    project_name = project_name.strip() or (project.title if project is not None else "")
    if organisation is None and not project_name:
        raise BadValue(_("Choose your group or enter the name of your project."))
    if project is not None and not can_manage(by, project):
        raise NotAllowed(_("You can only record applications for projects you own."))
    if organisation is not None and not permissions.organises(by, organisation.pk):
        raise NotAllowed(_("You can only record applications for groups you organise."))
    if not isinstance(amount_requested, int) or amount_requested <= 0:
        raise BadValue(_("Enter the amount you asked for, in whole pounds, more than zero."))
    return FundingApplication.objects.create(
        opportunity=opportunity,
        organisation=organisation,
        project_name="" if organisation is not None else project_name,
        project=project,
        recorded_by=by,
        amount_requested=amount_requested,
    )


@transaction.atomic
def application_update(
    *,
    application: FundingApplication,
    by,
    status: str,
    amount_awarded: int | None = None,
    outcome_notes: str = "",
) -> FundingApplication:
    """Record the outcome. An award is only kept for a successful application."""
    if not permissions.can_change_application(by, application):
        raise NotAllowed(_("Only the people who recorded this application can change it."))
    if status not in FundingApplication.Status.values:
        raise BadValue(_("Choose one of the options."))
    if amount_awarded is not None and (not isinstance(amount_awarded, int) or amount_awarded < 0):
        raise BadValue(_("Enter the amount awarded in whole pounds."))
    if status != FundingApplication.Status.SUCCESSFUL:
        amount_awarded = None
    elif amount_awarded is None:
        raise WrongState(_("Enter the amount awarded."))
    application.status = status
    application.amount_awarded = amount_awarded
    application.outcome_notes = outcome_notes.strip()
    application.save(update_fields=["status", "amount_awarded", "outcome_notes", "updated_at"])
    return application


def reminders_send(*, now: datetime | None = None) -> int:
    """Remind followers of rounds closing within 14 days, and again within 2 days.

    Each reminder is its own transaction holding a FundingReminder row that is unique per
    (follow, kind), so running twice, or two runs at once, never sends one twice. Someone
    who follows a round with less than 2 days left gets only the 2-day reminder. Returns
    how many reminders were sent.
    """
    now = now or timezone.now()
    sent = 0
    closer = now
    for kind, before in REMINDERS:
        # REMINDERS runs from the nearest window outwards; each takes what the last left.
        follows = (
            FundingFollow.objects.filter(
                opportunity__deadline__gt=closer,
                opportunity__deadline__lte=now + before,
                user__is_active=True,
            )
            .exclude(reminders__kind=kind)
            .select_related("user", "opportunity")
            .order_by("pk")
        )
        if kind == FundingReminder.Kind.FOURTEEN_DAYS:
            # Nobody gets the 14-day reminder after the 2-day one.
            follows = follows.exclude(reminders__kind=FundingReminder.Kind.TWO_DAYS)
        for follow in follows:
            if _remind(follow, kind, now):
                sent += 1
        closer = now + before
    return sent


def _remind(follow: FundingFollow, kind: str, now: datetime) -> bool:
    opportunity = follow.opportunity
    deadline = date_format(timezone.localtime(opportunity.deadline), "j F Y, H:i")
    try:
        with transaction.atomic():
            FundingReminder.objects.create(follow=follow, kind=kind, sent_at=now)
            notify(
                recipient=follow.user,
                kind=kinds.FUNDING_DEADLINE.slug,
                title=_("%(title)s closes on %(deadline)s")
                % {"title": opportunity.title, "deadline": deadline},
                body=_("You follow this funding. The deadline is %(deadline)s.")
                % {"deadline": deadline},
                url=reverse("sharing:funding_detail", args=[opportunity.pk]),
            )
    except IntegrityError:
        return False  # another run sent it first
    return True
