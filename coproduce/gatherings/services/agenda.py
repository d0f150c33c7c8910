"""Open agendas: people suggest items or Open Space sessions, others show interest, and at
the event the organisers put sessions on the board in rooms and times."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import Refusal
from coproduce.notifications.services import notify

from .. import kinds, permissions
from ..models import AgendaInterest, AgendaItem, Event, Rsvp
from .common import organisers_of


def can_suggest(user, event: Event) -> bool:
    """People with a place (or waiting), and organisers, while the agenda is open."""
    if not permissions.can_take_part(user) or event.is_cancelled or not event.agenda_open:
        return False
    if permissions.can_manage(user, event):
        return True
    return event.rsvps.filter(
        user=user, status__in=[Rsvp.Status.CONFIRMED, Rsvp.Status.WAITING]
    ).exists()


@transaction.atomic
def agenda_item_propose(
    *, event: Event, by, title: str, description: str = "", now: datetime | None = None
) -> AgendaItem:
    now = now or timezone.now()
    if not event.agenda_open:
        raise Refusal(_("This event does not take suggestions for its agenda."))
    if event.ends_at <= now:
        raise Refusal(_("This event has ended."))
    if not can_suggest(by, event):
        raise Refusal(_("Get a place at the event first, then suggest an item."))
    title = title.strip()
    if not title:
        raise Refusal(_("Give your suggestion a title."))
    item = AgendaItem.objects.create(
        event=event, title=title[:150], description=description.strip(), proposed_by=by
    )
    _interest_add(item, by)
    for person in organisers_of(event):
        if person.pk != by.pk:
            notify(
                recipient=person,
                kind=kinds.EVENT_FOR_ORGANISER.slug,
                title=_("New agenda suggestion: %(event)s") % {"event": event.title},
                body=item.title,
                url=reverse("gatherings:agenda", args=[event.pk]),
            )
    return item


def _interest_add(item: AgendaItem, user) -> bool:
    try:
        with transaction.atomic():
            AgendaInterest.objects.create(item=item, user=user)
    except IntegrityError:
        return False
    AgendaItem.objects.filter(pk=item.pk).update(interest_count=F("interest_count") + 1)
    item.interest_count += 1
    return True


@transaction.atomic
def interests_withdraw(*, interest_ids: list[int]) -> None:
    """Take back these shows of interest (their accounts are being deleted), keeping each
    item's count true. Runs (from `signals.py`) as an account's deletion removes them."""
    counts: dict[int, int] = {}
    for item_id in AgendaInterest.objects.filter(pk__in=interest_ids).values_list(
        "item_id", flat=True
    ):
        counts[item_id] = counts.get(item_id, 0) + 1
    for item_id, number in counts.items():
        AgendaItem.objects.filter(pk=item_id).update(interest_count=F("interest_count") - number)


@transaction.atomic
def agenda_interest_toggle(*, item: AgendaItem, by) -> bool:
    """Show interest in an item, or take it back. Returns whether the person is interested."""
    if not can_suggest(by, item.event):
        raise Refusal(_("Get a place at the event first, then show interest."))
    if item.status == AgendaItem.Status.WITHDRAWN:
        raise Refusal(_("This suggestion was withdrawn."))
    removed, _rows = AgendaInterest.objects.filter(item=item, user=by).delete()
    if removed:
        AgendaItem.objects.filter(pk=item.pk).update(interest_count=F("interest_count") - 1)
        item.interest_count -= 1
        return False
    return _interest_add(item, by)


@transaction.atomic
def agenda_item_schedule(
    *,
    item: AgendaItem,
    by,
    room: str,
    starts_at: datetime,
    ends_at: datetime,
) -> AgendaItem:
    """Put a session on the board. Two sessions may not share a room at the same time."""
    event = Event.objects.select_for_update(of=("self",)).get(pk=item.event_id)
    if not permissions.can_manage(by, event):
        raise Refusal(_("Only the event's organisers can arrange the board."))
    if item.status == AgendaItem.Status.WITHDRAWN:
        raise Refusal(_("This suggestion was withdrawn."))
    room = room.strip()
    if not room:
        raise Refusal(_("Say which room or space the session is in."))
    if ends_at <= starts_at:
        raise Refusal(_("The session must end after it starts."))
    if starts_at < event.starts_at or ends_at > event.ends_at:
        raise Refusal(_("The session must be within the event's times."))
    clash = (
        AgendaItem.objects.filter(
            event=event,
            status=AgendaItem.Status.SCHEDULED,
            room__iexact=room,
            slot_starts_at__lt=ends_at,
            slot_ends_at__gt=starts_at,
        )
        .exclude(pk=item.pk)
        .first()
    )
    if clash is not None:
        raise Refusal(
            _("“%(other)s” is already in %(room)s then. Choose another room or time.")
            % {"other": clash.title, "room": room}
        )
    item.status = AgendaItem.Status.SCHEDULED
    item.room, item.slot_starts_at, item.slot_ends_at = room[:100], starts_at, ends_at
    item.save(update_fields=["status", "room", "slot_starts_at", "slot_ends_at", "updated_at"])
    return item


@transaction.atomic
def agenda_item_unschedule(*, item: AgendaItem, by) -> AgendaItem:
    """Take a session off the board, back to the suggestions. A withdrawn one stays so."""
    if not permissions.can_manage(by, item.event):
        raise Refusal(_("Only the event's organisers can arrange the board."))
    if item.status == AgendaItem.Status.WITHDRAWN:
        return item
    item.status = AgendaItem.Status.PROPOSED
    item.room, item.slot_starts_at, item.slot_ends_at = "", None, None
    item.save(update_fields=["status", "room", "slot_starts_at", "slot_ends_at", "updated_at"])
    return item


@transaction.atomic
def agenda_item_withdraw(*, item: AgendaItem, by) -> AgendaItem:
    """The person who suggested it, or an organiser, takes it off the list."""
    if item.proposed_by_id != by.pk and not permissions.can_manage(by, item.event):
        raise Refusal(_("Only the person who suggested it or an organiser can."))
    item.status = AgendaItem.Status.WITHDRAWN
    item.room, item.slot_starts_at, item.slot_ends_at = "", None, None
    item.save(update_fields=["status", "room", "slot_starts_at", "slot_ends_at", "updated_at"])
    return item
