"""Reserving an offered item and each step after it: collected, lent, returned, released, or
the item withdrawn. Exactly one person wins a reservation when many try at once."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed
from coproduce.notifications.services import notify

from .. import kinds, permissions
from ..models import Item, Reservation
from . import NotAvailable, OwnItem, WrongState
from .items import item_keepers, item_url, signed_in


def _tell_keepers(item: Item, title: str, *, except_user=None) -> None:
    for person in item_keepers(item):
        if except_user is None or person.pk != except_user.pk:
            notify(recipient=person, kind=kinds.ITEM_RESERVED.slug, title=title, url=item_url(item))


def _tell_reserver(reservation: Reservation, title: str, body: str = "") -> None:
    if reservation.reserved_by.is_active:
        notify(
            recipient=reservation.reserved_by,
            kind=kinds.RESERVATION_CHANGED.slug,
            title=title,
            body=body,
            url=item_url(reservation.item),
        )


@transaction.atomic
def item_reserve(*, item: Item, by) -> Reservation:
    """Reserve an offered item for `by`. Exactly one person wins when many try at once.

    The item's status moves from available to reserved in one conditional UPDATE; whoever
    updates no row was too late. A unique constraint on live reservations backs this up.
    """
    if not signed_in(by):
        raise NotAllowed(_("Sign in to reserve this."))
    if item.kind != Item.Kind.OFFERED:
        raise WrongState(_("Only things that are offered can be reserved."))
    if permissions.looks_after(by, item):
        raise OwnItem(_("You cannot reserve your own item."))
    taken = Item.objects.filter(pk=item.pk, status=Item.Status.AVAILABLE).update(
        status=Item.Status.RESERVED, updated_at=timezone.now()
    )
    if taken != 1:
        raise NotAvailable(_("This is not available to reserve. Someone may have got there first."))
    try:
        with transaction.atomic():
            reservation = Reservation.objects.create(item=item, reserved_by=by)
    except IntegrityError:
        raise NotAvailable(
            _("This is not available to reserve. Someone may have got there first.")
        ) from None
    item.status = Item.Status.RESERVED
    _tell_keepers(item, _("%(title)s has been reserved") % {"title": item.title})
    _tell_reserver(
        reservation,
        _("You reserved %(title)s") % {"title": item.title},
        _("The item's page says where to collect it."),
    )
    return reservation


def _locked(item: Item) -> tuple[Item, Reservation | None]:
    locked = Item.objects.select_for_update().select_related("posted_by").get(pk=item.pk)
    reservation = (
        Reservation.objects.select_for_update()
        .select_related("reserved_by")
        .filter(item=locked, status__in=Reservation.ACTIVE_STATUSES)
        .first()
    )
    return locked, reservation


def _move(
    item: Item,
    reservation: Reservation,
    *,
    item_status: str,
    reservation_status: str,
    ended: bool,
) -> None:
    item.status = item_status
    item.save(update_fields=["status", "updated_at"])
    reservation.status = reservation_status
    reservation.ended_at = timezone.now() if ended else None
    reservation.save(update_fields=["status", "ended_at", "updated_at"])


def _keeper_step(item: Item, by, *, exchange: str | None, from_status: str) -> tuple:
    if not permissions.can_change_item(by, item):
        raise NotAllowed(_("Only the person who posted this can do that."))
    item, reservation = _locked(item)
    if exchange is not None and item.exchange != exchange:
        raise WrongState(_("That step does not apply to this item."))
    if item.status != from_status or reservation is None:
        raise WrongState(_("That cannot be done now. The page may be out of date."))
    return item, reservation


@transaction.atomic
def item_mark_collected(*, item: Item, by) -> Item:
    """A reserved item to give away has been collected: it is gone for good."""
    item, reservation = _keeper_step(
        item, by, exchange=Item.Exchange.GIVE, from_status=Item.Status.RESERVED
    )
    _move(
        item,
        reservation,
        item_status=Item.Status.COLLECTED,
        reservation_status=Reservation.Status.COLLECTED,
        ended=True,
    )
    _tell_reserver(reservation, _("%(title)s is marked as collected") % {"title": item.title})
    _tell_keepers(item, _("%(title)s is marked as collected") % {"title": item.title})
    return item


@transaction.atomic
def item_mark_lent(*, item: Item, by) -> Item:
    """A reserved item to lend has been picked up: it is on loan to the person who reserved it."""
    item, reservation = _keeper_step(
        item, by, exchange=Item.Exchange.LEND, from_status=Item.Status.RESERVED
    )
    _move(
        item,
        reservation,
        item_status=Item.Status.LENT,
        reservation_status=Reservation.Status.LENT,
        ended=False,
    )
    _tell_reserver(reservation, _("%(title)s is on loan to you") % {"title": item.title})
    _tell_keepers(item, _("%(title)s is marked as lent") % {"title": item.title})
    return item


@transaction.atomic
def item_mark_returned(*, item: Item, by) -> Item:
    """A lent item is back: it is available to the next person."""
    item, reservation = _keeper_step(
        item, by, exchange=Item.Exchange.LEND, from_status=Item.Status.LENT
    )
    _move(
        item,
        reservation,
        item_status=Item.Status.AVAILABLE,
        reservation_status=Reservation.Status.RETURNED,
        ended=True,
    )
    _tell_reserver(reservation, _("%(title)s is marked as returned") % {"title": item.title})
    _tell_keepers(item, _("%(title)s is marked as returned") % {"title": item.title})
    return item


@transaction.atomic
def reservation_release(*, item: Item, by) -> Item:
    """End a reservation before the item changes hands: by its owner, or by the person who
    reserved it. The item is available again."""
    if not signed_in(by):
        raise NotAllowed(_("Sign in first."))
    item, reservation = _locked(item)
    if item.status != Item.Status.RESERVED or reservation is None:
        raise WrongState(_("This is not reserved. The page may be out of date."))
    is_reserver = reservation.reserved_by_id == by.pk
    if not is_reserver and not permissions.can_change_item(by, item):
        raise NotAllowed(_("Only the owner or the person who reserved it can do that."))
    _move(
        item,
        reservation,
        item_status=Item.Status.AVAILABLE,
        reservation_status=Reservation.Status.RELEASED,
        ended=True,
    )
    title = {"title": item.title}
    if is_reserver:
        _tell_keepers(item, _("%(title)s is no longer reserved") % title)
    else:
        _tell_reserver(reservation, _("Your reservation of %(title)s has been released") % title)
    return item


@transaction.atomic
def item_withdraw(*, item: Item, by) -> Item:
    """Take an item down. A reservation is released and its holder told; a lent item must
    come back first."""
    if not permissions.can_change_item(by, item):
        raise NotAllowed(_("Only the person who posted this can withdraw it."))
    item, reservation = _locked(item)
    if item.status not in (Item.Status.AVAILABLE, Item.Status.RESERVED):
        raise WrongState(_("This cannot be withdrawn now. A lent item must be returned first."))
    item.status = Item.Status.WITHDRAWN
    item.save(update_fields=["status", "updated_at"])
    if reservation is not None:
        reservation.status = Reservation.Status.RELEASED
        reservation.ended_at = timezone.now()
        reservation.save(update_fields=["status", "ended_at", "updated_at"])
        _tell_reserver(reservation, _("%(title)s has been withdrawn") % {"title": item.title})
    return item
