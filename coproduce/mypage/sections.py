"""What "Your page" shows, as sections of rows ready to draw: words, one tag and ONE link each.

The words are made here, not in the template, because each row names people through
`people.naming.name_for` and writes dates the GOV.UK way (`when.py`). A section with nothing
in it is left out.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coproduce.gatherings.models import Rsvp
from coproduce.people.naming import name_for
from coproduce.projects.models import Contribution
from coproduce.sharing.models import Reservation
from coproduce.timebank.hours import format_minutes

from . import selectors
from .when import govuk_day, govuk_when

# A funding round closing within this many days is marked "Closes soon".
CLOSES_SOON = timedelta(days=14)
TITLE_LENGTH = 90


@dataclass(frozen=True)
class Row:
    title: str
    detail: str
    link_text: str
    href: str
    tag: str = ""
    tag_colour: str = ""


@dataclass
class Section:
    key: str
    title: str
    rows: list[Row]
    more: list[tuple[str, str]] = field(default_factory=list)  # (text, href)


@dataclass
class YourPage:
    sections: list[Section]
    unread: int

    @property
    def is_empty(self) -> bool:
        return not self.sections


@dataclass(frozen=True)
class _Ask:
    """One reading of the page: who, when, the groups they organise, and which kinds of thing
    they have (selectors.kinds_present), so kinds they have none of are never queried."""

    user: object
    now: datetime
    today: date
    groups: list[int]
    present: frozenset[str]

    def rows(self, kind: str, build: Callable[[], QuerySet]) -> tuple[list, bool]:
        if kind not in self.present:
            return [], False
        return selectors.first(build())


def _short(text: str) -> str:
    return Truncator(" ".join(text.split())).chars(TITLE_LENGTH)


def _due(due_on: date, today: date) -> tuple[str, str, str]:
    """(detail words, tag, tag colour) for something due on a day."""
    words = _("Due %(day)s") % {"day": govuk_day(due_on, today=today)}
    if due_on < today:
        return words, _("Overdue"), "red"
    if due_on == today:
        return words, _("Due today"), "yellow"
    return words, "", ""


# Sections -------------------------------------------------------------------------------


def _events(ask: _Ask) -> Section | None:
    user, today = ask.user, ask.today
    rsvps, more = ask.rows("events", lambda: selectors.places_at_events(user, now=ask.now))
    rows = []
    for rsvp in rsvps:
        event = rsvp.event
        where = event.place.name if event.place_id else _("Online")
        if event.is_cancelled:
            tag, colour = _("Cancelled"), "red"
        elif rsvp.status == Rsvp.Status.WAITING:
            tag = _("Waiting list: number %(n)d") % {"n": rsvp.ahead + 1}
            colour = "yellow"
        else:
            tag, colour = _("Going"), "green"
        rows.append(
            Row(
                title=event.title,
                detail=f"{govuk_when(event.starts_at, today=today)}. {where}.",
                link_text=_("View event"),
                href=reverse("gatherings:event", args=[event.pk]),
                tag=tag,
                tag_colour=colour,
            )
        )
    if not rows:
        return None
    links = [(_("All your events"), reverse("gatherings:mine"))] if more else []
    return Section("events", _("Your places at events"), rows, links)


def _actions(ask: _Ask) -> Section | None:
    user, today = ask.user, ask.today
    actions, more_actions = ask.rows("gathering_actions", lambda: selectors.gathering_actions(user))
    proposals, _more = ask.rows("project_actions", lambda: selectors.project_actions(user))
    dated = []
    for action in actions:
        detail, tag, colour = _due(action.due_on, today)
        where = _("From %(set)s.") % {"set": action.treatment.title}
        row = Row(
            title=_short(action.text),
            detail=f"{detail}. {where}",
            link_text=_("View action"),
            href=reverse("gatherings:treatment", args=[action.treatment_id]),
            tag=tag,
            tag_colour=colour,
        )
        dated.append((action.due_on, row))
    for proposal in proposals:
        detail, tag, colour = _due(proposal.due_on, today)
        where = _("For %(project)s.") % {"project": proposal.project.title}
        row = Row(
            title=_short(proposal.message),
            detail=f"{detail}. {where}",
            link_text=_("View project"),
            href=reverse("projects:detail", args=[proposal.project_id]),
            tag=tag,
            tag_colour=colour,
        )
        dated.append((proposal.due_on, row))
    if not dated:
        return None
    dated.sort(key=lambda pair: pair[0])
    rows = [row for _day, row in dated[: selectors.SHOWN]]
    links = []
    # Only actions from action learning sets have a page of their own to list them all.
    if more_actions or (actions and len(dated) > selectors.SHOWN):
        links.append((_("All your actions"), reverse("gatherings:my_actions")))
    return Section("actions", _("Things you said you would do"), rows, links)


def _answers(ask: _Ask) -> Section | None:
    user, now, today = ask.user, ask.now, ask.today
    rows: list[Row] = []
    links: list[tuple[str, str]] = []
    answer = _("Answer")

    def asked_by(person) -> str:
        return _("Asked by %(name)s.") % {"name": name_for(person, user)}

    invitations, more = ask.rows("need_invitations", lambda: selectors.need_invitations(user))
    for invitation in invitations:
        need = invitation.need
        about = ""
        if need.project_id:
            about = " " + _("For %(project)s.") % {"project": need.project.title}
        rows.append(
            Row(
                title=_("Help with: %(need)s") % {"need": need.title},
                detail=asked_by(invitation.invited_by) + about,
                link_text=answer,
                href=reverse("matching:invitation_detail", args=[invitation.pk]),
            )
        )
    if more:
        links.append((_("All your invitations"), reverse("matching:invitation_list")))

    owner_invitations, _more = ask.rows(
        "owner_invitations", lambda: selectors.owner_invitations(user, now=now)
    )
    for invitation in owner_invitations:
        last_day = govuk_day(timezone.localdate(invitation.expires_at), today=today)
        by = _("Answer by %(day)s.") % {"day": last_day}
        rows.append(
            Row(
                title=_("Become an owner of %(project)s") % {"project": invitation.project.title},
                detail=f"{asked_by(invitation.invited_by)} {by}",
                link_text=answer,
                href=reverse("projects:owner_invitation", args=[invitation.pk]),
            )
        )

    event_invitations, _more = ask.rows(
        "event_invitations", lambda: selectors.event_organiser_invitations(user, now=now)
    )
    for invitation in event_invitations:
        event = invitation.event
        rows.append(
            Row(
                title=_("Help run %(event)s") % {"event": event.title},
                detail=f"{govuk_when(event.starts_at, today=today)}. "
                + asked_by(invitation.invited_by),
                link_text=answer,
                href=reverse("gatherings:organiser_invitation", args=[invitation.pk]),
            )
        )

    group_invitations, _more = ask.rows(
        "group_invitations", lambda: selectors.group_organiser_invitations(user)
    )
    for invitation in group_invitations:
        rows.append(
            Row(
                title=_("Help organise %(group)s") % {"group": invitation.organisation.name},
                detail=asked_by(invitation.invited_by),
                link_text=answer,
                href=reverse("groups:invitation", args=[invitation.pk]),
            )
        )

    offered = {
        Contribution.Kind.OFFER: _("%(name)s offered to help with %(project)s"),
        Contribution.Kind.PROPOSAL: _("%(name)s proposed an action for %(project)s"),
        Contribution.Kind.VOLUNTEER: _("%(name)s volunteered for %(project)s"),
    }
    offers, _more = ask.rows("offers", lambda: selectors.offers_to_decide(user, groups=ask.groups))
    for contribution in offers:
        words = offered.get(contribution.kind, offered[Contribution.Kind.OFFER])
        rows.append(
            Row(
                title=words
                % {
                    "name": name_for(contribution.person, user),
                    "project": contribution.project.title,
                },
                detail=_short(contribution.message),
                link_text=_("Decide"),
                href=reverse("projects:contributions", args=[contribution.project_id]),
            )
        )

    replies, _more = ask.rows("replies", lambda: selectors.replies_to_answer(user))
    for reply in replies:
        rows.append(
            Row(
                title=_("%(name)s replied to %(item)s")
                % {"name": name_for(reply.sender, user), "item": reply.item.title},
                detail=_short(reply.message),
                link_text=answer,
                href=reverse("sharing:item_detail", args=[reply.item_id]),
            )
        )
    if not rows:
        return None
    return Section("answers", _("Waiting for your answer"), rows, links)


def _time(ask: _Ask) -> Section | None:
    user = ask.user
    transfers, more = ask.rows(
        "time", lambda: selectors.transfers_to_confirm(user, groups=ask.groups)
    )
    rows = []
    for transfer in transfers:
        time = format_minutes(transfer.minutes)
        giver_asked = transfer.requested_for_id == transfer.from_account_id
        if giver_asked:
            other = transfer.from_account.holder_name_for(user)
            title = _("%(name)s wants to give you %(time)s") % {"name": other, "time": time}
        else:
            other = transfer.to_account.holder_name_for(user)
            title = _("%(name)s asks you for %(time)s") % {"name": other, "time": time}
        rows.append(
            Row(
                title=title,
                detail=_("For: %(what)s") % {"what": _short(transfer.description)},
                link_text=_("Confirm or decline"),
                href=reverse("timebank:pending"),
            )
        )
    if not rows:
        return None
    links = [(_("All time waiting for you"), reverse("timebank:pending"))] if more else []
    return Section("time", _("Time to confirm"), rows, links)


def _items(ask: _Ask) -> Section | None:
    user = ask.user
    reservations, more = ask.rows("reservations", lambda: selectors.reservations(user))
    rows = []
    for reservation in reservations:
        on_loan = reservation.status == Reservation.Status.LENT
        if reservation.reserved_by_id == user.pk:
            detail = _("On loan to you.") if on_loan else _("You reserved this.")
        else:
            name = name_for(reservation.reserved_by, user)
            words = _("On loan to %(name)s.") if on_loan else _("%(name)s reserved this.")
            detail = words % {"name": name}
        rows.append(
            Row(
                title=reservation.item.title,
                detail=detail,
                link_text=_("View item"),
                href=reverse("sharing:item_detail", args=[reservation.item_id]),
            )
        )
    if not rows:
        return None
    links = []
    if more:
        links = [
            (_("Things you reserved"), reverse("sharing:my_reservations")),
            (_("Things you offer"), reverse("sharing:my_items")),
        ]
    return Section("items", _("Things reserved"), rows, links)


def _funding(ask: _Ask) -> Section | None:
    now, today = ask.now, ask.today
    follows, more = ask.rows("funding", lambda: selectors.funding_deadlines(ask.user, now=now))
    rows = []
    for follow in follows:
        opportunity = follow.opportunity
        closes = _("Closes %(when)s.") % {"when": govuk_when(opportunity.deadline, today=today)}
        soon = opportunity.deadline - now <= CLOSES_SOON
        rows.append(
            Row(
                title=opportunity.title,
                detail=f"{opportunity.funder.name}. {closes}",
                link_text=_("View funding"),
                href=reverse("sharing:funding_detail", args=[opportunity.pk]),
                tag=_("Closes soon") if soon else "",
                tag_colour="yellow" if soon else "",
            )
        )
    if not rows:
        return None
    links = [(_("All funding you follow"), reverse("sharing:funding_following"))] if more else []
    return Section("funding", _("Funding you follow"), rows, links)


def _skills(ask: _Ask) -> Section | None:
    if "skills" not in ask.present:
        return None
    projects = selectors.projects_needing_skills(ask.user)
    rows = []
    for project in projects:
        needs = ngettext(
            "Needs %(n)d of your skills.", "Needs %(n)d of your skills.", project.matching
        ) % {"n": project.matching}
        ward = f" {project.ward.name}." if project.ward_id else ""
        rows.append(
            Row(
                title=project.title,
                detail=needs + ward,
                link_text=_("View project"),
                href=reverse("projects:detail", args=[project.pk]),
            )
        )
    if not rows:
        return None
    links = [(_("More projects that need your skills"), reverse("projects:for_me"))]
    return Section("skills", _("Projects that need your skills"), rows, links)


def your_page(user, *, now: datetime | None = None) -> YourPage:
    """Everything that is next for `user`, in the order it usually matters."""
    now = now or timezone.now()
    groups = selectors.organised_group_ids(user)
    ask = _Ask(
        user=user,
        now=now,
        today=timezone.localdate(now),
        groups=groups,
        present=selectors.kinds_present(user, now=now, groups=groups),
    )
    built = [_answers(ask), _time(ask), _events(ask), _actions(ask), _items(ask)]
    built += [_funding(ask), _skills(ask)]
    return YourPage(
        sections=[section for section in built if section is not None],
        unread=selectors.unread_notifications(user),
    )
