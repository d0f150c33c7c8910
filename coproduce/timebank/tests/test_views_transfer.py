"""Recording time with a person found by name: privacy, choosing, the check page, and the
question for an unusual amount. Nothing is recorded before the check page's "send"."""

from html import unescape

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.timebank import services
from coproduce.timebank.forms import is_unusual
from coproduce.timebank.models import Transfer

from .factories import AccountFactory

pytestmark = pytest.mark.django_db

URL = reverse("timebank:transfer_new")


def _text(response) -> str:
    return unescape(response.content.decode())


def _person(name: str, visibility: str = "members"):
    """An account whose holder is called `name` and shows it to `visibility`."""
    user = UserFactory(display_name=name)
    ProfileFactory(user=user, visibility_identity=visibility)
    return AccountFactory(user=user)


def _form(me, other: str, **extra) -> dict:
    return {
        "account": me.pk,
        "direction": "received",
        "other": other,
        "hours": "2",
        "minutes": "0",
        "description": "Fixing shelves",
        **extra,
    }


@pytest.fixture
def me(client):
    account = AccountFactory(user=UserFactory(display_name="Mo Farah"))
    client.force_login(account.user)
    return account


def test_a_name_leads_to_a_check_page_that_records_nothing(client, me):
    """Typing a name shows "You are sending 2 hours to Sam H for ..." and records nothing."""
    sam = _person("Sam H.")
    response = client.post(URL, _form(me, "sam h"))
    assert response.status_code == 200
    page = _text(response)
    assert "You are sending 2 hours to Sam H for ‘Fixing shelves’." in page
    assert "Ask them to confirm" in page
    assert f'name="person" value="{sam.pk}"' in page
    assert 'name="confirm" value="yes"' in page
    assert sam.number not in page  # found by name: no need to show the number
    assert Transfer.objects.count() == 0


def test_sending_from_the_check_page_asks_them_to_confirm(client, me):
    """The POST from the check page makes the pending transfer, from me to Sam."""
    sam = _person("Sam H.")
    response = client.post(URL, _form(me, "Sam H", person=sam.pk, confirm="yes"))
    assert response.status_code == 302
    transfer = Transfer.objects.get()
    assert (transfer.from_account, transfer.to_account, transfer.minutes) == (me, sam, 120)
    assert transfer.status == Transfer.Status.PENDING
    assert "We have asked Sam H to confirm the time." in _text(client.get(response["Location"]))


def test_the_check_page_says_which_way_the_time_goes(client, me):
    """Time I gave reads as asking them to send it to me."""
    _person("Sam H.")
    page = _text(client.post(URL, _form(me, "Sam", direction="gave")))
    assert "You are asking Sam H to send you 2 hours for ‘Fixing shelves’." in page


@pytest.mark.parametrize("visibility", ["only_me", "organisers"])
def test_people_who_hide_their_name_cannot_be_found_by_it(client, me, visibility):
    """A hidden name is never a match: the form says no one is called that, and says why."""
    hidden = _person("Priya Secret", visibility)
    response = client.post(URL, _form(me, "Priya"))
    assert response.status_code == 400
    page = _text(response)
    assert "We cannot find a person or group called ‘Priya’" in page
    assert "Some people choose not to be found by name." in page
    assert "Priya Secret" not in page
    assert str(hidden.pk) not in page.split('name="person"')[-1][:20]
    assert Transfer.objects.count() == 0


def test_a_hidden_person_can_still_be_found_by_account_number(client, me):
    """Their number still works; the check page names them neutrally and shows the number."""
    hidden = _person("Priya Secret", "only_me")
    response = client.post(URL, _form(me, hidden.number))
    page = _text(response)
    assert response.status_code == 200
    assert "You are sending 2 hours to A resident for ‘Fixing shelves’." in page
    assert f"Their account number is {hidden.number}." in page
    assert "Priya" not in page
    client.post(URL, _form(me, hidden.number, confirm="yes"))
    assert Transfer.objects.get().to_account == hidden


def test_a_hidden_person_cannot_be_chosen_by_sending_their_key(client, me):
    """Sending a hidden person's key as the choice is refused: only the matches can be chosen."""
    _person("Sam One")
    _person("Sam Two")
    hidden = _person("Sam Secret", "only_me")
    response = client.post(URL, _form(me, "Sam", person=hidden.pk, confirm="yes"))
    assert response.status_code == 400
    assert "Choose one of the people or groups listed" in _text(response)
    assert Transfer.objects.count() == 0


def test_several_matches_are_shown_to_choose_from(client, me):
    """A name two people have lists both (by their shown names) and records nothing."""
    one, two = _person("Sam Hughes"), _person("Sam Hart")
    _person("Sam Hidden", "only_me")
    response = client.post(URL, _form(me, "Sam H"))
    assert response.status_code == 200
    page = _text(response)
    assert "Which one do you mean?" in page
    assert "Sam Hughes" in page and "Sam Hart" in page
    assert "Sam Hidden" not in page
    assert 'name="choosing" value="yes"' in page
    assert "govuk-error-summary" not in page
    assert Transfer.objects.count() == 0
    # Choosing one leads to the check page about that person.
    page = _text(client.post(URL, _form(me, "Sam H", choosing="yes", person=two.pk)))
    assert "You are sending 2 hours to Sam Hart" in page
    assert f'name="person" value="{two.pk}"' in page
    assert "Sam Hughes" not in page and one.pk != two.pk


def test_not_choosing_from_the_list_is_a_form_error(client, me):
    """Sending the list back without a choice asks for one."""
    _person("Sam Hughes"), _person("Sam Hart")
    response = client.post(URL, _form(me, "Sam", choosing="yes"))
    assert response.status_code == 400
    assert "Choose the one you mean" in _text(response)


def test_two_people_with_the_same_shown_name_are_numbered(client, me):
    """Two "Sam H" are told apart without showing anything they hide."""
    _person("Sam H"), _person("Sam H")
    page = _text(client.post(URL, _form(me, "Sam H")))
    assert "Sam H (1)" in page and "Sam H (2)" in page


def test_you_are_not_found_by_your_own_name(client, me):
    """Typing your own name does not offer you."""
    response = client.post(URL, _form(me, "Mo Farah"))
    assert response.status_code == 400
    assert "We cannot find a person or group called ‘Mo Farah’" in _text(response)


def test_a_very_common_name_asks_for_more_of_it(client, me):
    """More than ten matches: type more of the name, or use the number."""
    for n in range(11):
        _person(f"Alex {n:02d}".replace("0", "O").replace("1", "I"))
    response = client.post(URL, _form(me, "Alex"))
    assert response.status_code == 400
    assert "Type more of it" in _text(response)


def test_an_unusual_amount_needs_a_tick(client, me):
    """30 hours asks "Is 30 hours right?" as a form error until the box is ticked."""
    sam = _person("Sam H")
    response = client.post(URL, _form(me, "Sam H", hours="30", confirm="yes"))
    assert response.status_code == 400
    page = _text(response)
    assert "Is 30 hours right? Tick the box to say it is, or change the time" in page
    assert "Yes, 30 hours is right" in page
    assert Transfer.objects.count() == 0
    # Ticked: the check page, still nothing recorded.
    response = client.post(URL, _form(me, "Sam H", hours="30", amount_ok="on"))
    assert response.status_code == 200
    assert "You are sending 30 hours to Sam H" in _text(response)
    assert Transfer.objects.count() == 0
    # And sent from the check page, with the tick carried along.
    response = client.post(URL, _form(me, "Sam H", hours="30", amount_ok="True", confirm="yes"))
    assert response.status_code == 302
    assert Transfer.objects.get().to_account == sam


def test_a_usual_amount_asks_no_question(client, me):
    """2 hours goes straight to the check page, with no tick shown."""
    _person("Sam H")
    page = _text(client.post(URL, _form(me, "Sam H")))
    assert 'name="amount_ok" value="False"' in page  # carried along unticked, not asked
    assert "Tick the box" not in page and 'type="checkbox"' not in page
    assert "You are sending 2 hours" in page


def test_more_than_twice_your_largest_before_is_unusual(client, me):
    """Someone whose largest transfer was 2 hours is asked about 5 hours, not about 3."""
    sam = _person("Sam H")
    earlier = services.transfer_request(
        actor=me.user, account=me, other=sam, minutes=120, description="Tea", gave=True
    )
    services.transfer_confirm(actor=sam.user, transfer=earlier)
    assert client.post(URL, _form(me, "Sam H", hours="3")).status_code == 200
    response = client.post(URL, _form(me, "Sam H", hours="5"))
    assert response.status_code == 400
    assert "Is 5 hours right?" in _text(response)


def test_change_something_shows_the_form_filled_in(client, me):
    """ "Change something" on the check page shows the form again, with what was typed."""
    _person("Sam H")
    response = client.post(URL, _form(me, "Sam H", confirm="yes", change="yes"))
    assert response.status_code == 200
    page = _text(response)
    assert 'value="Fixing shelves"' in page and 'value="Sam H"' in page
    assert "govuk-error-summary" not in page
    assert Transfer.objects.count() == 0


@pytest.mark.parametrize(
    "changes",
    [
        {"other": ""},
        {"other": "S"},
        {"other": "x" * 500},
        {"person": "not-a-number", "choosing": "yes"},
        {"account": "abc"},
        {"account": "999999"},
        {"direction": "sideways"},
        {"hours": "1e9"},
        {"hours": "", "minutes": ""},
        {"description": ""},
        {"amount_ok": "maybe", "hours": "200"},
    ],
)
def test_bad_input_is_a_form_error_not_a_crash(client, me, changes):
    """Whatever is sent, the answer is the form with an error (400) and nothing recorded."""
    _person("Sam H")
    _person("Sam Hart")
    response = client.post(URL, {**_form(me, "Sam H"), "confirm": "yes", **changes})
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()
    assert Transfer.objects.count() == 0


@pytest.mark.parametrize(
    ("minutes", "largest", "unusual"),
    [
        (8 * 60, None, False),
        (8 * 60 + 1, None, True),
        (30 * 60, 40 * 60, True),
        (3 * 60, 30, False),
        (3 * 60 + 1, 30, True),
        (4 * 60, 2 * 60, False),
        (4 * 60 + 1, 2 * 60, True),
    ],
)
def test_what_counts_as_unusual(minutes, largest, unusual):
    """Over 8 hours, or over twice the largest before when that is over 3 hours."""
    assert is_unusual(minutes, largest) is unusual


def test_a_link_never_records_anything(client, me):
    """A GET with everything in the address shows the empty form: no writes from links."""
    sam = _person("Sam H")
    response = client.get(URL, {"other": sam.number, "description": "Tea", "confirm": "yes"})
    assert response.status_code == 200
    assert Transfer.objects.count() == 0


def test_a_listed_group_is_found_by_its_name(client, me):
    """Time given to a group goes to its account, found by the group's public name."""
    from coproduce.groups.tests.factories import OrganisationFactory

    group = AccountFactory(user=None, organisation=OrganisationFactory(name="Hazel Food Bank"))
    page = _text(client.post(URL, _form(me, "food bank", direction="gave")))
    assert "Hazel Food Bank" in page and "Ask them to confirm" in page
    assert f'name="person" value="{group.pk}"' in page
    response = client.post(URL, _form(me, "food bank", person=group.pk, confirm="yes"))
    assert response.status_code == 302
    assert Transfer.objects.get().to_account == group


def test_an_unlisted_group_is_not_found_by_name(client, me):
    from coproduce.groups.tests.factories import OrganisationFactory

    AccountFactory(
        user=None, organisation=OrganisationFactory(name="Quiet Circle", is_listed=False)
    )
    response = client.post(URL, _form(me, "Quiet Circle"))
    assert "We cannot find a person or group called ‘Quiet Circle’" in _text(response)


def test_a_person_and_a_group_of_one_name_are_both_offered(client, me):
    from coproduce.groups.tests.factories import OrganisationFactory

    sam = _person("Sam Okafor")
    group = AccountFactory(user=None, organisation=OrganisationFactory(name="Sam's Bikes"))
    page = _text(client.post(URL, _form(me, "sam")))
    assert "Which one do you mean?" in page
    assert f'value="{sam.pk}"' in page and f'value="{group.pk}"' in page
    assert "Sam&#x27;s Bikes (a group)" in page or "Sam's Bikes (a group)" in page
