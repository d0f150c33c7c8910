import pytest
from PIL import Image

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed
from coproduce.groups.tests.factories import MembershipFactory, OrganiserFactory
from coproduce.notifications.models import Notification
from coproduce.places.photos import PhotoError
from coproduce.places.tests.factories import WardFactory
from coproduce.sharing.models import Item, ItemPhoto, ItemReply, Reservation
from coproduce.sharing.services import (
    BadValue,
    NotAvailable,
    OwnItem,
    WrongState,
    reservations,
)
from coproduce.sharing.services import items as services

from .factories import ItemFactory, bad_upload, photo_upload

pytestmark = pytest.mark.django_db


def _create(by, **overrides):
    fields = {
        "kind": "offered",
        "exchange": "give",
        "title": "Kitchen table",
        "category": "furniture",
        "ward": WardFactory(),
    } | overrides
    return services.item_create(by=by, **fields)


def test_create_stores_a_photo_without_exif():
    """A photo is re-encoded: the GPS data a phone stores is gone."""
    item = _create(UserFactory(), photo=photo_upload(with_gps=True), alt_text="A red table")
    photo = item.photos.get()
    with photo.image.open("rb") as stored, Image.open(stored) as image:
        assert not image.getexif().get(0x8825)
    assert photo.alt_text == "A red table"


def test_create_refuses_a_bad_photo_and_stores_nothing():
    """A file that is not a photo is refused before any row is written."""
    with pytest.raises(PhotoError):
        _create(UserFactory(), photo=bad_upload(), alt_text="A table")
    assert not Item.objects.exists()
    assert not ItemPhoto.objects.exists()


def test_create_needs_alt_text_with_a_photo():
    """A photo without a description is refused."""
    with pytest.raises(BadValue):
        _create(UserFactory(), photo=photo_upload(), alt_text=" ")
    assert not Item.objects.exists()


def test_create_refuses_an_empty_title():
    """A title of only spaces is refused."""
    with pytest.raises(BadValue):
        _create(UserFactory(), title="   ")
    assert not Item.objects.exists()


def test_only_organisers_post_for_a_group():
    """A member cannot post for the group; an organiser can."""
    membership = MembershipFactory()
    with pytest.raises(NotAllowed):
        _create(membership.user, organisation=membership.organisation)
    organiser = OrganiserFactory(organisation=membership.organisation).user
    item = _create(organiser, organisation=membership.organisation)
    assert item.organisation == membership.organisation


def test_reserve_moves_the_item_and_tells_both_sides():
    """Reserving marks the item reserved, and the owner and reserver are both notified."""
    item = ItemFactory()
    person = UserFactory()
    reservation = reservations.item_reserve(item=item, by=person)
    item.refresh_from_db()
    assert item.status == Item.Status.RESERVED
    assert reservation.status == Reservation.Status.ACTIVE
    assert Notification.objects.filter(recipient=item.posted_by).count() == 1
    assert Notification.objects.filter(recipient=person).count() == 1


def test_a_reserved_item_cannot_be_reserved_again():
    """The second person is refused and no second reservation is stored."""
    item = ItemFactory()
    reservations.item_reserve(item=item, by=UserFactory())
    with pytest.raises(NotAvailable):
        reservations.item_reserve(item=item, by=UserFactory())
    assert Reservation.objects.count() == 1


def test_a_stale_copy_of_the_item_cannot_be_reserved_twice():
    """Even with an out-of-date copy saying "available", the conditional update refuses."""
    item = ItemFactory()
    stale = Item.objects.get(pk=item.pk)
    reservations.item_reserve(item=item, by=UserFactory())
    assert stale.status == Item.Status.AVAILABLE
    with pytest.raises(NotAvailable):
        reservations.item_reserve(item=stale, by=UserFactory())
    assert Reservation.objects.count() == 1


def test_nobody_reserves_their_own_item():
    """The poster, and organisers of the group that owns it, cannot reserve it."""
    item = ItemFactory()
    with pytest.raises(OwnItem):
        reservations.item_reserve(item=item, by=item.posted_by)
    group_item = ItemFactory(organisation=OrganiserFactory().organisation)
    organiser = group_item.organisation.memberships.get().user
    with pytest.raises(OwnItem):
        reservations.item_reserve(item=group_item, by=organiser)
    assert not Reservation.objects.exists()


def test_wanted_posts_cannot_be_reserved():
    """Only offered things can be reserved."""
    with pytest.raises(WrongState):
        reservations.item_reserve(item=ItemFactory(kind=Item.Kind.WANTED), by=UserFactory())


def test_give_flow_ends_collected():
    """available -> reserved -> collected for a thing given away."""
    item = ItemFactory()
    reservation = reservations.item_reserve(item=item, by=UserFactory())
    reservations.item_mark_collected(item=item, by=item.posted_by)
    item.refresh_from_db()
    reservation.refresh_from_db()
    assert item.status == Item.Status.COLLECTED
    assert reservation.status == Reservation.Status.COLLECTED
    assert reservation.ended_at is not None


def test_lend_flow_comes_back_available():
    """available -> reserved -> lent -> returned -> available for a thing lent."""
    item = ItemFactory(exchange=Item.Exchange.LEND)
    borrower = UserFactory()
    reservation = reservations.item_reserve(item=item, by=borrower)
    reservations.item_mark_lent(item=item, by=item.posted_by)
    item.refresh_from_db()
    assert item.status == Item.Status.LENT
    reservations.item_mark_returned(item=item, by=item.posted_by)
    item.refresh_from_db()
    reservation.refresh_from_db()
    assert item.status == Item.Status.AVAILABLE
    assert reservation.status == Reservation.Status.RETURNED
    reservations.item_reserve(item=item, by=UserFactory())  # the next person can have it


def test_a_given_item_cannot_be_marked_lent():
    """Steps that belong to the other exchange are refused."""
    item = ItemFactory()
    reservations.item_reserve(item=item, by=UserFactory())
    with pytest.raises(WrongState):
        reservations.item_mark_lent(item=item, by=item.posted_by)


def test_only_the_owner_marks_collected():
    """The reserver cannot mark the item collected themselves."""
    item = ItemFactory()
    person = UserFactory()
    reservations.item_reserve(item=item, by=person)
    with pytest.raises(NotAllowed):
        reservations.item_mark_collected(item=item, by=person)


def test_owner_releases_and_the_reserver_is_told():
    """Releasing makes the item available again and notifies the reserver."""
    item = ItemFactory()
    person = UserFactory()
    reservations.item_reserve(item=item, by=person)
    reservations.reservation_release(item=item, by=item.posted_by)
    item.refresh_from_db()
    assert item.status == Item.Status.AVAILABLE
    assert Notification.objects.filter(recipient=person).count() == 2


def test_a_stranger_cannot_release():
    """Someone who is neither owner nor reserver cannot release a reservation."""
    item = ItemFactory()
    reservations.item_reserve(item=item, by=UserFactory())
    with pytest.raises(NotAllowed):
        reservations.reservation_release(item=item, by=UserFactory())


def test_withdraw_refuses_a_lent_item():
    """A thing out on loan must come back before the post is withdrawn."""
    item = ItemFactory(exchange=Item.Exchange.LEND)
    reservations.item_reserve(item=item, by=UserFactory())
    reservations.item_mark_lent(item=item, by=item.posted_by)
    with pytest.raises(WrongState):
        reservations.item_withdraw(item=item, by=item.posted_by)


def test_officers_can_withdraw_any_item():
    """An officer with sharing.change_item can take down a post."""
    item = ItemFactory()
    reservations.item_withdraw(item=item, by=UserFactory(roles=[Role.ADMINISTRATOR]))
    item.refresh_from_db()
    assert item.status == Item.Status.WITHDRAWN


def test_reply_to_wanted_notifies_poster_with_the_message():
    """A reply reaches the poster through a notification; no email is exchanged yet."""
    item = ItemFactory(kind=Item.Kind.WANTED)
    helper = UserFactory()
    services.item_reply_send(item=item, by=helper, message="I have a spare one")
    notification = Notification.objects.get(recipient=item.posted_by)
    assert notification.body == "I have a spare one"
    assert helper.email not in notification.body + notification.title


def test_reply_twice_is_refused():
    """One reply per person per post."""
    item = ItemFactory(kind=Item.Kind.WANTED)
    helper = UserFactory()
    services.item_reply_send(item=item, by=helper, message="Me")
    with pytest.raises(WrongState):
        services.item_reply_send(item=item, by=helper, message="Me again")
    assert ItemReply.objects.count() == 1


def test_only_the_poster_answers_a_reply():
    """The person who replied cannot accept their own reply."""
    item = ItemFactory(kind=Item.Kind.WANTED)
    helper = UserFactory()
    reply = services.item_reply_send(item=item, by=helper, message="Me")
    with pytest.raises(NotAllowed):
        services.item_reply_answer(reply=reply, by=helper, accept=True)
    services.item_reply_answer(reply=reply, by=item.posted_by, accept=True)
    reply.refresh_from_db()
    assert reply.status == ItemReply.Status.ACCEPTED
