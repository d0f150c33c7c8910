import json

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.groups.models import Membership, Organisation
from coproduce.timebank import services
from coproduce.timebank.models import Account, Listing, Posting, Transfer

from .factories import AccountFactory, ListingFactory
from .test_services import coordinator

pytestmark = pytest.mark.django_db

SIGNED_IN_PAGES = [
    ("timebank:home", []),
    ("timebank:transfer_new", []),
    ("timebank:pending", []),
    ("timebank:listing_list", []),
    ("timebank:listing_new", []),
    ("timebank:buddying", []),
    ("timebank:buddy_request_new", []),
]
COORDINATOR_PAGES = [
    ("timebank:coordinator", []),
    ("timebank:record", []),
    ("timebank:buddying_coordinator", []),
    ("timebank:check_new", []),
]


@pytest.mark.parametrize(("name", "args"), SIGNED_IN_PAGES + COORDINATOR_PAGES)
def test_visitors_are_sent_to_sign_in(client, name, args):
    """Every time bank page sends a visitor to sign in."""
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert response.url.startswith(reverse("accounts:sign_in"))


@pytest.mark.parametrize(("name", "args"), SIGNED_IN_PAGES)
def test_residents_see_their_pages(client, name, args):
    """A signed-in resident can open each of their own time bank pages."""
    client.force_login(UserFactory())
    assert client.get(reverse(name, args=args)).status_code == 200


@pytest.mark.parametrize(("name", "args"), COORDINATOR_PAGES)
def test_coordinator_pages_refuse_residents(client, name, args):
    """Residents get 403 on coordinator pages; coordinators see them."""
    client.force_login(UserFactory())
    assert client.get(reverse(name, args=args)).status_code == 403
    client.force_login(coordinator())
    assert client.get(reverse(name, args=args)).status_code == 200


def test_home_offers_an_account_and_opening_it_shows_the_balance(client):
    """A first visit opens nothing; the button does, and the page shows number and balance."""
    user = UserFactory()
    client.force_login(user)
    assert "You have no time bank account yet." in client.get(reverse("timebank:home")).text
    assert not Account.objects.exists()
    response = client.post(reverse("timebank:home"))
    assert response.status_code == 302
    body = client.get(reverse("timebank:home")).content.decode()
    account = Account.objects.get(user=user)
    assert account.number in body
    assert "0 minutes" in body


def test_recording_time_without_an_account_offers_one(client):
    """Someone with no account sees the button to open one, and nothing is made."""
    client.force_login(UserFactory())
    assert "You have no time bank account yet." in client.get(reverse("timebank:transfer_new")).text
    assert not Account.objects.exists()


def test_account_pages_are_private(client):
    """An account page is for its holder and coordinators; others get 404."""
    account = AccountFactory()
    url = reverse("timebank:account", args=[account.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(coordinator())
    assert client.get(url).status_code == 200
    client.force_login(account.user)
    assert client.get(url).status_code == 302  # to their own home page


def test_statement_is_csv_for_the_holder_only(client):
    """The holder downloads a CSV with a running balance; another resident gets 404."""
    staff = coordinator()
    a, b = AccountFactory(), AccountFactory()
    services.transfer_record(
        actor=staff, from_account=b, to_account=a, minutes=90, description="=cmd|calc"
    )
    url = reverse("timebank:statement", args=[a.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(a.user)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    lines = b"".join(response.streaming_content).decode().splitlines()
    assert lines[0].startswith("posted_at,transfer,other_account")
    assert lines[1].endswith(f",{b.number},'=cmd|calc,1.50,1.50")


def test_transfer_form_asks_the_other_side(client):
    """Recording time makes a pending transfer for the other side to confirm."""
    me, other = AccountFactory(), AccountFactory()
    client.force_login(me.user)
    response = client.post(
        reverse("timebank:transfer_new"),
        {
            "account": me.pk,
            "direction": "gave",
            "other": other.number,
            "hours": "1",
            "minutes": "30",
            "description": "Fixed a bike",
            "confirm": "yes",
        },
    )
    assert response.status_code == 302
    transfer = Transfer.objects.get()
    assert (transfer.from_account, transfer.to_account, transfer.minutes) == (other, me, 90)
    assert transfer.status == Transfer.Status.PENDING


@pytest.mark.parametrize(
    ("hours", "minutes", "other", "message"),
    [
        ("0", "0", "other", "more than zero"),
        ("-1", "0", "other", "0 or more"),
        ("one", "0", "other", "whole number"),
        ("1", "0", "self", "not your own"),
        ("1", "0", "TB 4071 2536 8206", "no account with that number"),
        ("1", "0", "TB 4071 2536 8207", "Check the account number"),
        ("1", "0", "TB00002", "Check the account number"),
    ],
)
def test_transfer_form_refuses_bad_input(client, hours, minutes, other, message):
    """Zero, negative or non-number time, oneself or an unknown account: a clear error."""
    me, them = AccountFactory(), AccountFactory()
    number = {"other": them.number, "self": me.number}.get(other, other)
    client.force_login(me.user)
    response = client.post(
        reverse("timebank:transfer_new"),
        {
            "account": me.pk,
            "direction": "gave",
            "other": number,
            "hours": hours,
            "minutes": minutes,
            "description": "Help",
            "confirm": "yes",
        },
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "govuk-error-summary" in response.content.decode()
    assert Transfer.objects.count() == 0


def test_confirm_and_decline_are_for_the_other_side(client):
    """Only the other side can confirm; a stranger gets 403 and nothing is posted."""
    me, other = AccountFactory(), AccountFactory()
    transfer = services.transfer_request(
        actor=me.user, account=me, other=other, minutes=60, description="Tea", gave=True
    )
    client.force_login(UserFactory())
    assert client.post(reverse("timebank:confirm", args=[transfer.pk])).status_code == 403
    assert client.post(reverse("timebank:decline", args=[transfer.pk])).status_code == 403
    client.force_login(other.user)
    assert "Tea" in client.get(reverse("timebank:pending")).content.decode()
    assert client.post(reverse("timebank:confirm", args=[transfer.pk])).status_code == 302
    assert Posting.objects.filter(transfer=transfer).count() == 2
    assert client.get(reverse("timebank:confirm", args=[transfer.pk])).status_code == 405


def test_listings_link_to_a_transfer(client):
    """The offers page lists open offers with a link to record time with that person."""
    listing = ListingFactory()
    client.force_login(UserFactory())
    body = client.get(reverse("timebank:listing_list")).content.decode()
    assert listing.title in body
    assert f"other={listing.account.number}" in body


def test_listing_new_and_close(client):
    """A resident puts up an offer and closes it; someone else cannot close it."""
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("timebank:listing_new"), {"kind": "offer", "title": "Dog walking"})
    listing = Listing.objects.get()
    client.force_login(UserFactory())
    assert client.post(reverse("timebank:listing_close", args=[listing.pk])).status_code == 403
    client.force_login(user)
    client.post(reverse("timebank:listing_close", args=[listing.pk]))
    listing.refresh_from_db()
    assert not listing.is_open


def test_coordinator_records_reverses_and_changes_limits(client):
    """A coordinator records time, reverses it and changes limits; the report shows accounts."""
    staff = coordinator()
    a, b = AccountFactory(), AccountFactory()
    client.force_login(staff)
    response = client.post(
        reverse("timebank:record"),
        {
            "from_account": a.number,
            "to_account": b.number,
            "hours": "2",
            "minutes": "",
            "description": "Lunch club",
        },
    )
    assert response.status_code == 302
    transfer = Transfer.objects.get()
    assert transfer.status == Transfer.Status.POSTED
    assert b.number in client.get(reverse("timebank:coordinator")).content.decode()
    client.post(reverse("timebank:reverse", args=[transfer.pk]), {"reason": "Wrong account"})
    assert Transfer.objects.filter(reverses=transfer).exists()
    response = client.post(
        reverse("timebank:limits", args=[a.pk]), {"debt_hours": "5", "credit_hours": "20"}
    )
    assert response.status_code == 302
    a.refresh_from_db()
    assert (a.min_balance, a.max_balance) == (-300, 1200)


def test_residents_cannot_reverse_or_change_limits(client):
    """Reversing and limits are for coordinators only."""
    a, b = AccountFactory(), AccountFactory()
    transfer = services.transfer_record(
        actor=coordinator(), from_account=a, to_account=b, minutes=30, description="x"
    )
    client.force_login(b.user)
    assert client.get(reverse("timebank:reverse", args=[transfer.pk])).status_code == 403
    assert client.get(reverse("timebank:limits", args=[b.pk])).status_code == 403


def test_group_account_for_organisers_only(client):
    """An organiser opens their group's account; a member gets 403."""
    group = Organisation.objects.create(kind="community_group", name="Choir", slug="choir")
    organiser, member = UserFactory(), UserFactory()
    Membership.objects.create(organisation=group, user=organiser, role="organiser")
    Membership.objects.create(organisation=group, user=member, role="member")
    url = reverse("timebank:group_account", args=[group.pk])
    client.force_login(member)
    assert client.post(url).status_code == 403
    client.force_login(organiser)
    response = client.post(url)
    account = Account.objects.get(organisation=group)
    assert response.url == reverse("timebank:account", args=[account.pk])
    assert client.get(response.url).status_code == 200


def _api(client, payload, **headers):
    return client.post(
        reverse("timebank:api_transfer_create"),
        data=json.dumps(payload) if not isinstance(payload, str) else payload,
        content_type="application/json",
        **headers,
    )


def test_api_posts_for_coordinators(client):
    """A coordinator's JSON transfer is posted at once and answered 201 with its id."""
    a, b = AccountFactory(), AccountFactory()
    client.force_login(coordinator())
    response = _api(
        client, {"from_account": a.pk, "to_account": b.pk, "minutes": 45, "description": "Shopping"}
    )
    assert response.status_code == 201
    assert Transfer.objects.get(pk=response.json()["id"]).status == "posted"


def test_api_makes_requests_for_residents(client):
    """A resident's JSON transfer waits for the other side."""
    a, b = AccountFactory(), AccountFactory()
    client.force_login(b.user)
    response = _api(
        client, {"from_account": a.pk, "to_account": b.pk, "minutes": 45, "description": "Shopping"}
    )
    assert response.status_code == 201
    assert response.json()["status"] == "pending"


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ("not json", 400),
        ({"from_account": "x", "to_account": 2, "minutes": 5, "description": "d"}, 400),
        ({"from_account": "A", "to_account": "B", "minutes": 0, "description": "d"}, 400),
        ({"from_account": "A", "to_account": "B", "minutes": -5, "description": "d"}, 400),
        ({"from_account": "A", "to_account": "B", "minutes": 1.5, "description": "d"}, 400),
        ({"from_account": "A", "to_account": "A", "minutes": 5, "description": "d"}, 400),
        ({"from_account": "A", "to_account": "B", "minutes": 5, "description": ""}, 400),
        ({"from_account": "A", "to_account": "B", "minutes": 6000, "description": "d"}, 409),
        ({"from_account": "A", "to_account": 999999, "minutes": 5, "description": "d"}, 400),
        ({"from_account": "A", "to_account": "B", "minutes": "²", "description": "d"}, 400),
        ({"from_account": "①", "to_account": "B", "minutes": 5, "description": "d"}, 400),
        ({"from_account": "A", "to_account": "B", "minutes": "9" * 5000, "description": "d"}, 400),
        ({"from_account": "A", "to_account": 10**30, "minutes": 5, "description": "d"}, 400),
    ],
)
def test_api_refuses_bad_input_with_a_json_error(client, payload, status):
    """Bad JSON, odd amounts, oneself, past a limit or unknown accounts: 4xx, nothing stored."""
    a, b = AccountFactory(), AccountFactory()
    if isinstance(payload, dict):
        payload = {k: {"A": a.pk, "B": b.pk}.get(v, v) for k, v in payload.items()}
    client.force_login(coordinator())
    response = _api(client, payload)
    assert response.status_code == status
    assert response.json()["error"]
    assert Transfer.objects.count() == 0


def test_api_needs_sign_in_and_csrf(client):
    """Visitors get 401; a signed-in request without the CSRF token is refused."""
    a, b = AccountFactory(), AccountFactory()
    payload = {"from_account": a.pk, "to_account": b.pk, "minutes": 5, "description": "d"}
    assert _api(client, payload).status_code == 401
    strict = client.__class__(enforce_csrf_checks=True)
    strict.force_login(coordinator())
    assert _api(strict, payload).status_code == 403
    strict.get(reverse("timebank:home"))  # sets the CSRF cookie
    token = strict.cookies["csrftoken"].value
    assert _api(strict, payload, HTTP_X_CSRFTOKEN=token).status_code == 201


def test_api_refuses_strangers(client):
    """A resident who acts for neither account gets 403."""
    a, b = AccountFactory(), AccountFactory()
    client.force_login(UserFactory())
    response = _api(
        client, {"from_account": a.pk, "to_account": b.pk, "minutes": 5, "description": "d"}
    )
    assert response.status_code == 403


def test_account_numbers_do_not_run_in_order():
    """Account numbers are random with a check digit, so one tells nothing of the next."""
    from coproduce.timebank import numbers

    made = [AccountFactory().number for _ in range(20)]
    assert len(set(made)) == 20
    assert all(numbers.parse(n) == n and len(n) == 14 for n in made)
    assert sorted(made) != made or sorted(made, reverse=True) != made


def test_typed_account_number_is_found_with_spaces_and_any_case(client):
    """People may type the number with spaces and a lower-case "tb"."""
    me, them = AccountFactory(), AccountFactory()
    typed = "tb " + " ".join(them.number[2:][i : i + 4] for i in range(0, 12, 4))
    client.force_login(me.user)
    client.post(
        reverse("timebank:transfer_new"),
        {
            "account": me.pk,
            "direction": "gave",
            "other": typed,
            "hours": "1",
            "description": "x",
            "confirm": "yes",
        },
    )
    assert Transfer.objects.filter(to_account=me, from_account=them).exists()


def test_api_takes_account_numbers(client):
    """The JSON endpoint takes the numbers shown on account pages; a mistyped one is a 400."""
    a, b = AccountFactory(), AccountFactory()
    client.force_login(coordinator())
    payload = {"from_account": a.number, "to_account": b.number, "minutes": 5, "description": "d"}
    assert _api(client, payload).status_code == 201
    payload["to_account"] = "TB000000000001"
    assert _api(client, payload).status_code == 400
