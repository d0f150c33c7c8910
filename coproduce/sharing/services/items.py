"""Writes to items: posting, photos, reserving and the steps after, and replies to "wanted"."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.groups.models import Membership, Organisation
from coproduce.notifications.services import notify
from coproduce.places import photos
from coproduce.places.models import Ward

from .. import kinds, permissions
from ..models import Item, ItemPhoto, ItemReply, Reservation
from . import BadValue, NotAllowed, NotAvailable, OwnItem, WrongState

MAX_PHOTOS = 6
UPDATABLE: frozenset[str] = frozenset(
    {"exchange", "title", "description", "category", "condition", "ward", "where_to_collect"}
)


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def _check_fields(fields: dict) -> dict:
    cleaned = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    if "title" in cleaned and not cleaned["title"]:
        raise BadValue(_("Enter a title."))
    for name, choices in [
        ("kind", Item.Kind),
        ("exchange", Item.Exchange),
        ("category", Item.Category),
    ]:
        if name in cleaned and cleaned[name] not in choices.values:
            raise BadValue(_("Choose one of the options."))
    if cleaned.get("condition") and cleaned["condition"] not in Item.Condition.values:
        raise BadValue(_("Choose one of the options."))
    if "ward" in cleaned and not isinstance(cleaned["ward"], Ward):
        raise BadValue(_("Choose a ward."))
    return cleaned


@transaction.atomic
def item_create(
    *,
    by,
    kind: str,
    exchange: str,
    title: str,
    category: str,
    ward: Ward,
    description: str = "",
    condition: str = "",
    where_to_collect: str = "",
    organisation: Organisation | None = None,
    photo=None,
    alt_text: str = "",
) -> Item:
    """Post something offered or wanted, with at most one photo to start with.

    A group's item may only be posted by one of its organisers. A bad photo raises
    photos.PhotoError before anything is written.
    """
    if not _signed_in(by):
        raise NotAllowed(_("Sign in to offer or ask for something."))
    if organisation is not None and not permissions.organises(by, organisation.pk):
        raise NotAllowed(_("Only the group's organisers can post for it."))
    fields = _check_fields(
        {
            "kind": kind,
            "exchange": exchange,
            "title": title,
            "category": category,
            "ward": ward,
            "description": description,
            "condition": condition,
            "where_to_collect": where_to_collect,
        }
    )
    cleaned_photo = _clean_photo(photo, alt_text)
    item = Item.objects.create(posted_by=by, organisation=organisation, **fields)
    if cleaned_photo is not None:
        _save_photo(item, cleaned_photo, alt_text)
    return item


@transaction.atomic
def item_update(*, item: Item, by, photo=None, alt_text: str = "", **changes) -> Item:
    """Change the fields given (see UPDATABLE), and add a photo if one is given."""
    if not permissions.can_change_item(by, item):
        raise NotAllowed(_("Only the person who posted this can change it."))
    unknown = set(changes) - UPDATABLE
    if unknown:
        raise BadValue(f"These fields cannot be changed: {', '.join(sorted(unknown))}")
    fields = _check_fields(changes)
    cleaned_photo = _clean_photo(photo, alt_text)
    if cleaned_photo is not None and item.photos.count() >= MAX_PHOTOS:
        raise BadValue(_("An item can have up to %(count)d photos.") % {"count": MAX_PHOTOS})
    for name, value in fields.items():
        setattr(item, name, value)
    if fields:
        item.save(update_fields=[*sorted(fields), "updated_at"])
    if cleaned_photo is not None:
        _save_photo(item, cleaned_photo, alt_text)
    return item


@transaction.atomic
def item_photo_remove(*, photo: ItemPhoto, by) -> None:
    if not permissions.can_change_item(by, photo.item):
        raise NotAllowed(_("Only the person who posted this can change it."))
    image = photo.image
    photo.delete()
    transaction.on_commit(lambda: image.delete(save=False))


def _clean_photo(photo, alt_text: str) -> photos.CleanPhoto | None:
    if photo is None:
        return None
    if not alt_text.strip():
        raise BadValue(_("Describe what the photo shows."))
    return photos.clean(photo, size=photo.size)


def _save_photo(item: Item, cleaned: photos.CleanPhoto, alt_text: str) -> ItemPhoto:
    photo = ItemPhoto(
        item=item,
        alt_text=alt_text.strip(),
        image_format=cleaned.extension,
        width=cleaned.width,
        height=cleaned.height,
    )
    photo.image.save(f"photo.{cleaned.extension}", ContentFile(cleaned.content), save=False)
    try:
        photo.save()
    except Exception:
        photo.image.delete(save=False)
        raise
    return photo


# Reserving and what follows ----------------------------------------------------------------


def _keepers(item: Item) -> list:
    """Who hears about an item: its poster and, for a group's item, the group's organisers."""
    people = {item.posted_by_id: item.posted_by} if item.posted_by.is_active else {}
    if item.organisation_id:
        for membership in Membership.objects.filter(
            organisation_id=item.organisation_id,
            role=Membership.Role.ORGANISER,
            user__is_active=True,
        ).select_related("user"):
            people.setdefault(membership.user_id, membership.user)
    return list(people.values())


def _url(item: Item) -> str:
    return reverse("sharing:item_detail", args=[item.pk])


def _tell_keepers(item: Item, title: str, *, except_user=None) -> None:
    for person in _keepers(item):
        if except_user is None or person.pk != except_user.pk:
            notify(recipient=person, kind=kinds.ITEM_RESERVED.slug, title=title, url=_url(item))


def _tell_reserver(reservation: Reservation, title: str, body: str = "") -> None:
    if reservation.reserved_by.is_active:
        notify(
            recipient=reservation.reserved_by,
            kind=kinds.RESERVATION_CHANGED.slug,
            title=title,
            body=body,
            url=_url(reservation.item),
        )


@transaction.atomic
def item_reserve(*, item: Item, by) -> Reservation:
    """Reserve an offered item for `by`. Exactly one person wins when many try at once.

    The item's status moves from available to reserved in one conditional UPDATE; whoever
    updates no row was too late. A unique constraint on live reservations backs this up.
    """
    if not _signed_in(by):
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
    if not _signed_in(by):
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


# Replies to "wanted" posts ------------------------------------------------------------------


@transaction.atomic
def item_reply_send(*, item: Item, by, message: str) -> ItemReply:
    """Offer what a "wanted" post asks for. The poster is told; no contact details pass yet."""
    if not _signed_in(by):
        raise NotAllowed(_("Sign in to reply."))
    if item.kind != Item.Kind.WANTED or item.status != Item.Status.AVAILABLE:
        raise WrongState(_("You can only reply to things people still want."))
    if permissions.looks_after(by, item):
        raise OwnItem(_("You cannot reply to your own post."))
    message = message.strip()
    if not message:
        raise BadValue(_("Enter a message."))
    try:
        with transaction.atomic():
            reply = ItemReply.objects.create(item=item, sender=by, message=message)
    except IntegrityError:
        raise WrongState(_("You have already replied to this.")) from None
    for person in _keepers(item):
        notify(
            recipient=person,
            kind=kinds.ITEM_REPLY.slug,
            title=_("Someone can help with %(title)s") % {"title": item.title},
            body=message,
            url=_url(item),
        )
    return reply


@transaction.atomic
def item_reply_answer(*, reply: ItemReply, by, accept: bool) -> ItemReply:
    """Accept or decline a reply. Accepting shows each side the other's email address."""
    reply = ItemReply.objects.select_for_update().select_related("item", "sender").get(pk=reply.pk)
    if not permissions.looks_after(by, reply.item):
        raise NotAllowed(_("Only the person who posted this can answer replies."))
    if reply.status != ItemReply.Status.SENT:
        raise WrongState(_("You have already answered this reply."))
    reply.status = ItemReply.Status.ACCEPTED if accept else ItemReply.Status.DECLINED
    reply.save(update_fields=["status", "updated_at"])
    if reply.sender.is_active:
        title = (
            _("Your offer for %(title)s was accepted")
            if accept
            else _("Your offer for %(title)s was declined")
        )
        notify(
            recipient=reply.sender,
            kind=kinds.ITEM_REPLY.slug,
            title=title % {"title": reply.item.title},
            url=_url(reply.item),
        )
    return reply
