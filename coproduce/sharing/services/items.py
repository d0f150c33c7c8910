"""Writes to items: posting, changing and photos, and replies to "wanted" posts.

Reserving an offered item and the steps after it are in reservations.py."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed
from coproduce.groups.models import Membership, Organisation
from coproduce.notifications.services import notify
from coproduce.places import photos
from coproduce.places.models import Ward

from .. import kinds, permissions
from ..models import Item, ItemPhoto, ItemReply
from . import BadValue, OwnItem, WrongState

MAX_PHOTOS = 6
UPDATABLE: frozenset[str] = frozenset(
    {"exchange", "title", "description", "category", "condition", "ward", "where_to_collect"}
)


def signed_in(user) -> bool:
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
    if not signed_in(by):
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


# Who hears about an item --------------------------------------------------------------------


def item_keepers(item: Item) -> list:
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


def item_url(item: Item) -> str:
    return reverse("sharing:item_detail", args=[item.pk])


# Replies to "wanted" posts ------------------------------------------------------------------


@transaction.atomic
def item_reply_send(*, item: Item, by, message: str) -> ItemReply:
    """Offer what a "wanted" post asks for. The poster is told; no contact details pass yet."""
    if not signed_in(by):
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
    for person in item_keepers(item):
        notify(
            recipient=person,
            kind=kinds.ITEM_REPLY.slug,
            title=_("Someone can help with %(title)s") % {"title": item.title},
            body=message,
            url=item_url(item),
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
            url=item_url(reply.item),
        )
    return reply
