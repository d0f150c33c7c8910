import pytest
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.tests.factories import OrganiserFactory
from coproduce.places.tests.factories import WardFactory
from coproduce.sharing.models import FundingApplication, FundingOpportunity, Item, Reservation
from coproduce.sharing.services import items as item_services
from coproduce.sharing.services import reservations

from .factories import (
    ApplicationFactory,
    ItemFactory,
    OpportunityFactory,
    bad_upload,
    photo_upload,
)

pytestmark = pytest.mark.django_db


def _login(client, user=None):
    user = user or UserFactory()
    client.force_login(user)
    return user


def _item_form(**overrides) -> dict:
    return {
        "kind": "offered",
        "exchange": "give",
        "title": "Oak bookcase",
        "description": "",
        "category": "furniture",
        "condition": "",
        "ward": WardFactory().pk,
        "where_to_collect": "",
        "alt_text": "",
    } | overrides


# Items: list and page ----------------------------------------------------------------------


def test_everyone_sees_the_list_with_filters(client):
    """Visitors see open items; filters narrow by kind, exchange, category, ward and words."""
    ward = WardFactory(slug="hazel")
    ItemFactory(title="Hazel drill", category="tools", exchange="lend", ward=ward)
    ItemFactory(title="Hazel sofa", ward=ward)
    ItemFactory(title="Gone table", status=Item.Status.COLLECTED)
    body = client.get(reverse("sharing:item_list")).content.decode()
    assert "Hazel sofa" in body and "Gone table" not in body
    query = {
        "kind": "offered",
        "exchange": "lend",
        "category": "tools",
        "ward": "hazel",
        "q": "dri",
    }
    body = client.get(reverse("sharing:item_list"), query).content.decode()
    assert "Hazel drill" in body and "Hazel sofa" not in body


def test_list_query_count_does_not_grow(client, django_assert_num_queries):
    """The list takes the same queries for 2 items or 25, with photos."""
    ItemFactory.create_batch(2)
    # Wards for the filter, the count, the page with wards and groups, and photos.
    with django_assert_num_queries(4):
        client.get(reverse("sharing:item_list"))
    ItemFactory.create_batch(23)
    with django_assert_num_queries(4):
        response = client.get(reverse("sharing:item_list"))
    assert response.content.decode().count('<th scope="row"') == 20


def test_where_to_collect_is_only_for_the_reserver_and_owner(client):
    """Visitors and other residents never see where to collect; the reserver does."""
    item = ItemFactory(where_to_collect="Blue door by the bakery")
    url = reverse("sharing:item_detail", args=[item.pk])
    assert b"Blue door" not in client.get(url).content
    _login(client)
    assert b"Blue door" not in client.get(url).content
    reserver = UserFactory()
    reservations.item_reserve(item=item, by=reserver)
    _login(client, reserver)
    assert b"Blue door" in client.get(url).content
    _login(client, item.posted_by)
    assert b"Blue door" in client.get(url).content


def test_a_withdrawn_item_is_hidden_from_others(client):
    """Gone items are 404 to strangers and visible to their owner."""
    item = ItemFactory(status=Item.Status.WITHDRAWN)
    url = reverse("sharing:item_detail", args=[item.pk])
    assert client.get(url).status_code == 404
    _login(client, item.posted_by)
    assert client.get(url).status_code == 200


def test_owner_email_is_never_on_the_item_page(client):
    """The poster's email is not shown to visitors or signed-in residents."""
    item = ItemFactory()
    _login(client)
    assert (
        item.posted_by.email.encode()
        not in client.get(reverse("sharing:item_detail", args=[item.pk])).content
    )


# Items: add and change ---------------------------------------------------------------------


def test_visitors_are_sent_to_sign_in_to_add(client):
    """Adding needs an account."""
    response = client.get(reverse("sharing:item_create"))
    assert response.status_code == 302
    assert reverse("sharing:item_create") in response.url


def test_add_with_photo(client):
    """A signed-in person posts an item with a photo."""
    user = _login(client)
    data = _item_form(photo=photo_upload(), alt_text="A bookcase")
    response = client.post(reverse("sharing:item_create"), data)
    item = Item.objects.get()
    assert response.status_code == 302
    assert item.posted_by == user and item.photos.count() == 1


def test_add_with_empty_title_shows_an_error(client):
    """An empty title is a form error and nothing is stored."""
    _login(client)
    response = client.post(reverse("sharing:item_create"), _item_form(title=""))
    assert response.status_code == 400
    assert "Enter what it is" in response.content.decode()
    assert not Item.objects.exists()


def test_add_with_a_bad_photo_shows_an_error(client):
    """A file that is not a photo is a form error and nothing is stored."""
    _login(client)
    data = _item_form(photo=bad_upload(), alt_text="A bookcase")
    response = client.post(reverse("sharing:item_create"), data)
    assert response.status_code == 400
    assert "not a photo we can read" in response.content.decode()
    assert not Item.objects.exists()


def test_only_the_poster_may_edit(client):
    """Other residents get 403; the poster can change the title."""
    item = ItemFactory()
    url = reverse("sharing:item_edit", args=[item.pk])
    _login(client)
    assert client.get(url).status_code == 403
    _login(client, item.posted_by)
    assert client.get(url).status_code == 200
    data = _item_form(title="Pine bookcase", ward=item.ward_id)
    del data["kind"]
    assert client.post(url, data).status_code == 302
    item.refresh_from_db()
    assert item.title == "Pine bookcase"


def test_photo_remove_only_by_the_poster(client):
    """Removing a photo is refused to others and works for the poster."""
    item = ItemFactory()
    item_services.item_update(item=item, by=item.posted_by, photo=photo_upload(), alt_text="x")
    photo = item.photos.get()
    url = reverse("sharing:photo_remove", args=[item.pk, photo.pk])
    _login(client)
    assert client.post(url).status_code == 403
    _login(client, item.posted_by)
    assert client.post(url).status_code == 302
    assert not item.photos.exists()


# Items: reserving and the steps after ------------------------------------------------------


def test_reserve_needs_sign_in_and_post(client):
    """Visitors are sent to sign in; GET is not allowed."""
    item = ItemFactory()
    url = reverse("sharing:item_action", args=[item.pk, "reserve"])
    assert client.post(url).status_code == 302
    _login(client)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    assert Reservation.objects.count() == 1


def test_reserving_your_own_item_is_a_clear_error(client):
    """The owner sees an error and nothing is stored."""
    item = ItemFactory()
    _login(client, item.posted_by)
    response = client.post(reverse("sharing:item_action", args=[item.pk, "reserve"]))
    assert response.status_code == 400
    assert "You cannot reserve your own item" in response.content.decode()
    assert not Reservation.objects.exists()


def test_reserving_a_reserved_item_is_a_clear_error(client):
    """The second person is told it is taken."""
    item = ItemFactory()
    reservations.item_reserve(item=item, by=UserFactory())
    _login(client)
    response = client.post(reverse("sharing:item_action", args=[item.pk, "reserve"]))
    assert response.status_code == 400
    assert "not available to reserve" in response.content.decode()
    assert Reservation.objects.count() == 1


def test_a_stranger_cannot_mark_collected(client):
    """Marking collected is refused to someone else, with an error."""
    item = ItemFactory()
    reservations.item_reserve(item=item, by=UserFactory())
    _login(client)
    response = client.post(reverse("sharing:item_action", args=[item.pk, "collected"]))
    assert response.status_code == 400
    item.refresh_from_db()
    assert item.status == Item.Status.RESERVED


def test_owner_marks_collected(client):
    """The owner's button finishes the gift."""
    item = ItemFactory()
    reservations.item_reserve(item=item, by=UserFactory())
    _login(client, item.posted_by)
    client.post(reverse("sharing:item_action", args=[item.pk, "collected"]))
    item.refresh_from_db()
    assert item.status == Item.Status.COLLECTED


def test_unknown_action_is_404(client):
    """A made-up action is not found."""
    item = ItemFactory()
    _login(client, item.posted_by)
    assert client.post(reverse("sharing:item_action", args=[item.pk, "explode"])).status_code == 404


def test_reply_and_accept_shares_emails(client):
    """Emails appear only after the poster accepts a reply."""
    item = ItemFactory(kind=Item.Kind.WANTED)
    helper = _login(client)
    client.post(reverse("sharing:item_reply", args=[item.pk]), {"message": "I have one"})
    url = reverse("sharing:item_detail", args=[item.pk])
    assert item.posted_by.email.encode() not in client.get(url).content
    reply = item.replies.get()
    _login(client, item.posted_by)
    assert helper.email.encode() not in client.get(url).content
    _login(client, helper)
    answer = reverse("sharing:reply_answer", args=[item.pk, reply.pk, "accept"])
    assert client.post(answer).status_code == 403
    _login(client, item.posted_by)
    assert client.post(answer).status_code == 302
    assert helper.email.encode() in client.get(url).content
    _login(client, helper)
    assert item.posted_by.email.encode() in client.get(url).content


def test_empty_reply_is_a_clear_error(client):
    """An empty message is refused with an error."""
    item = ItemFactory(kind=Item.Kind.WANTED)
    _login(client)
    response = client.post(reverse("sharing:item_reply", args=[item.pk]), {"message": ""})
    assert response.status_code == 400
    assert not item.replies.exists()


def test_my_pages_need_sign_in_and_show_only_mine(client):
    """My posts and my reservations list only the person's own."""
    for name in ("my_items", "my_reservations"):
        assert client.get(reverse(f"sharing:{name}")).status_code == 302
    user = _login(client)
    ItemFactory(title="Mine", posted_by=user)
    ItemFactory(title="Theirs")
    reserved = ItemFactory(title="Reserved by me")
    reservations.item_reserve(item=reserved, by=user)
    mine = client.get(reverse("sharing:my_items")).content.decode()
    assert "Mine" in mine and "Theirs" not in mine
    assert "Reserved by me" in client.get(reverse("sharing:my_reservations")).content.decode()


# Funding -----------------------------------------------------------------------------------


def test_funding_list_is_public_and_counts_queries(client, django_assert_num_queries):
    """Anyone sees the list; queries stay fixed as rounds grow."""
    OpportunityFactory.create_batch(2)
    # Wards for the filter, the count, the page, themes, wards.
    with django_assert_num_queries(5):
        client.get(reverse("sharing:funding_list"))
    OpportunityFactory.create_batch(10)
    with django_assert_num_queries(5):
        assert client.get(reverse("sharing:funding_list")).status_code == 200


def test_funding_filter_with_bad_amount_shows_an_error(client):
    """A word in the amount box is an error, not a crash."""
    response = client.get(reverse("sharing:funding_list"), {"amount": "lots"})
    assert response.status_code == 200
    assert "Enter a whole number of pounds" in response.content.decode()


def test_follow_and_unfollow(client):
    """Visitors must sign in to follow; signed-in people can follow and stop."""
    opportunity = OpportunityFactory()
    follow = reverse("sharing:funding_follow", args=[opportunity.pk])
    assert client.post(follow).status_code == 302 and not opportunity.follows.exists()
    _login(client)
    client.post(follow)
    assert opportunity.follows.count() == 1
    client.post(reverse("sharing:funding_unfollow", args=[opportunity.pk]))
    assert not opportunity.follows.exists()


def test_only_officers_add_and_edit_funding(client):
    """Residents get 403 on the officers' forms; officers can add a round."""
    opportunity = OpportunityFactory()
    _login(client)
    assert client.get(reverse("sharing:funding_create")).status_code == 403
    assert client.get(reverse("sharing:funding_edit", args=[opportunity.pk])).status_code == 403
    _login(client, UserFactory(roles=[Role.ADMINISTRATOR]))
    assert client.get(reverse("sharing:funding_edit", args=[opportunity.pk])).status_code == 200
    data = {
        "new_funder_name": "Landfill Trust",
        "title": "Green grants",
        "what_it_funds": "Parks",
        "deadline_date": "2031-03-31",
        "deadline_time": "17:00",
        "borough_wide": "on",
        "themes": ["environment"],
    }
    assert client.post(reverse("sharing:funding_create"), data).status_code == 302
    created = FundingOpportunity.objects.get(title="Green grants")
    assert created.deadline.tzinfo is not None and created.funder.name == "Landfill Trust"


def test_bad_deadline_date_is_a_clear_error(client):
    """A date in the wrong format is a form error and nothing is stored."""
    _login(client, UserFactory(roles=[Role.ADMINISTRATOR]))
    data = {
        "new_funder_name": "Trust",
        "title": "Grants",
        "what_it_funds": "Parks",
        "deadline_date": "31/31/2031",
        "deadline_time": "17:00",
        "borough_wide": "on",
    }
    response = client.post(reverse("sharing:funding_create"), data)
    assert response.status_code == 400
    assert "The date must be a real date" in response.content.decode()
    assert not FundingOpportunity.objects.exists()


def test_record_application_for_my_group(client):
    """An organiser records an application; a stranger cannot see it."""
    organiser = OrganiserFactory()
    opportunity = OpportunityFactory()
    _login(client, organiser.user)
    url = reverse("sharing:application_record", args=[opportunity.pk])
    data = {"organisation": organiser.organisation.pk, "amount_requested": "1500"}
    assert client.post(url, data).status_code == 302
    application = FundingApplication.objects.get()
    detail = reverse("sharing:funding_detail", args=[opportunity.pk])
    assert organiser.organisation.name.encode() in client.get(detail).content
    _login(client)
    assert organiser.organisation.name.encode() not in client.get(detail).content
    edit = reverse("sharing:application_edit", args=[application.pk])
    assert client.get(edit).status_code == 403


def test_record_application_for_someone_elses_group_is_refused(client):
    """A group the person does not organise is not a valid choice."""
    other = OrganiserFactory()
    _login(client)
    url = reverse("sharing:application_record", args=[OpportunityFactory().pk])
    data = {"organisation": other.organisation.pk, "amount_requested": "1500"}
    assert client.post(url, data).status_code == 400
    assert not FundingApplication.objects.exists()


def test_outcome_edit_by_recorder(client):
    """Whoever recorded an application can record its outcome."""
    application = ApplicationFactory()
    _login(client, application.recorded_by)
    url = reverse("sharing:application_edit", args=[application.pk])
    data = {"status": "successful", "amount_awarded": "900", "outcome_notes": "Yes"}
    assert client.post(url, data).status_code == 302
    application.refresh_from_db()
    assert application.amount_awarded == 900
    assert client.post(url, {"status": "successful"}).status_code == 400
