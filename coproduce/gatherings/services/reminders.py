"""Reminders: to people with a place, the day before; to action owners, before an action is
due and before their set meets again. Each is sent once: a row records it in the same
transaction, so two workers, or a second run, never send it twice."""

from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from coproduce.common.dates.local import day_bounds
from coproduce.common.dates.text import describe
from coproduce.notifications.services import notify

from .. import kinds
from ..models import Action, ActionReminder, Event, Rsvp, Treatment
from .common import where

DUE_SOON_DAYS = 3
BEFORE_SESSION_DAYS = 3


def event_reminders_send(*, now: datetime | None = None) -> int:
    """Remind everyone with a place at an event that starts tomorrow (local time).

    Run it daily, or more often: a person is reminded once per date of the event.
    Returns how many reminders were sent.
    """
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    start, end = day_bounds(tomorrow, tomorrow)
    due = Rsvp.objects.filter(
        status=Rsvp.Status.CONFIRMED,
        reminder_sent_at__isnull=True,
        event__status=Event.Status.SCHEDULED,
        event__starts_at__gte=start,
        event__starts_at__lt=end,
    )
    sent = 0
    for pk in list(due.values_list("pk", flat=True)):
        with transaction.atomic():
            rsvp = (
                due.filter(pk=pk)
                .select_for_update(of=("self",), skip_locked=True)
                .select_related("user", "event__place")
                .first()
            )
            if rsvp is None:
                continue
            rsvp.reminder_sent_at = now
            rsvp.save(update_fields=["reminder_sent_at"])
            if not rsvp.user.is_active:
                continue
            event = rsvp.event
            lines = [
                _("%(when)s at %(where)s.")
                % {"when": describe(event.starts_at, event.ends_at), "where": where(event)}
            ]
            if event.place_id and event.place.address:
                lines.append(event.place.address)
            if event.online_url:
                lines.append(_("To join online: %(link)s") % {"link": event.online_url})
            if rsvp.access_requests or rsvp.access_note:
                # Not listed here: the message is kept, and access needs are not kept for long.
                lines.append(_("The organisers know about the support you asked for."))
            lines.append(
                _("If you can no longer come, please give up your place so someone else can.")
            )
            notify(
                recipient=rsvp.user,
                kind=kinds.EVENT_REMINDER.slug,
                title=_("Tomorrow: %(event)s") % {"event": event.title},
                body="\n".join(lines),
                url=reverse("gatherings:event", args=[event.pk]),
            )
            sent += 1
    return sent


def _remind(action: Action, *, kind: str, about, title: str, body: str) -> bool:
    try:
        with transaction.atomic():
            ActionReminder.objects.create(action=action, kind=kind, about_date=about)
            notify(
                recipient=action.owner,
                kind=kinds.ACTION_REMINDER.slug,
                title=title,
                body=body,
                url=reverse("gatherings:treatment", args=[action.treatment_id]),
            )
    except IntegrityError:
        return False  # sent already, by this run's twin
    return True


def action_reminders_send(*, now: datetime | None = None) -> int:
    """Remind owners of open actions due within 3 days, and owners of open actions whose set
    meets again within 3 days (to report back there). Returns how many were sent."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    still_open = Action.objects.filter(
        status__in=[Action.Status.OPEN, Action.Status.IN_PROGRESS],
        owner__isnull=False,
        owner__is_active=True,
        treatment__status=Treatment.Status.ACCEPTED,
        treatment__event__status=Event.Status.SCHEDULED,
    ).select_related("owner", "treatment__event")
    sent = 0
    for action in still_open.filter(
        due_on__gte=today, due_on__lte=today + timedelta(days=DUE_SOON_DAYS)
    ):
        sent += _remind(
            action,
            kind=ActionReminder.Kind.DUE_SOON,
            about=action.due_on,
            title=_("Due %(day)s: %(action)s")
            % {"day": date_format(action.due_on, "l j F"), "action": action.text[:120]},
            body=_("You agreed to this at %(event)s, for “%(project)s”.")
            % {"event": action.treatment.event.title, "project": action.treatment.title},
        )
    # Local midnight today to local midnight after the last day ahead.
    start, horizon = day_bounds(today, today + timedelta(days=BEFORE_SESSION_DAYS))
    upcoming = {
        event.series_id: event
        for event in Event.objects.filter(
            status=Event.Status.SCHEDULED,
            series__isnull=False,
            starts_at__gte=max(start, now),
            starts_at__lt=horizon,
        ).order_by("-starts_at")  # the soonest wins, as later rows overwrite earlier ones
    }
    for action in still_open.filter(treatment__event__series_id__in=list(upcoming)):
        session = upcoming[action.treatment.event.series_id]
        if session.starts_at <= action.treatment.event.starts_at:
            continue
        sent += _remind(
            action,
            kind=ActionReminder.Kind.BEFORE_SESSION,
            about=timezone.localdate(session.starts_at),
            title=_("Report back at %(event)s") % {"event": session.title},
            body=_("%(when)s. Say how “%(action)s” went: done, in progress or dropped.")
            % {"when": describe(session.starts_at, session.ends_at), "action": action.text},
        )
    return sent
