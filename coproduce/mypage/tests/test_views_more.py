"""Your page, continued: names, time, things reserved, funding, skills, notifications and
how the page grows (or does not) with the data."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.mypage.selectors import SHOWN, SKILL_PROJECTS_SHOWN

from .conftest import Make
from .pages import URL, keys, page_of, section

pytestmark = pytest.mark.django_db


def test_a_hidden_name_is_not_shown(client, me, make):
    """Someone who shows their name to nobody reads as "A resident"."""
    from coproduce.people.tests.factories import ProfileFactory

    contribution = make.offer_to_my_project(name="Secret Sue")
    ProfileFactory(user=contribution.person, visibility_identity="only_me")
    response = page_of(client, me)
    row = section(response, "answers").rows[0]
    assert row.title.startswith("A resident ")
    assert "Secret Sue" not in response.content.decode()


def test_a_reply_to_my_wanted_post_waits_for_my_answer(client, me, make):
    """Someone offering what the person asked for, with a link to the item."""
    reply = make.reply_to_my_wanted_item(name="Lou")
    row = section(page_of(client, me), "answers").rows[0]
    assert row.title == "Lou replied to A lawn mower"
    assert row.href == reverse("sharing:item_detail", args=[reply.item_id])


# Time bank --------------------------------------------------------------------------------


def test_time_waiting_for_my_confirmation_is_shown(client, me, make):
    """The other side asked; one link to confirm or decline."""
    make.time_to_confirm(name="Bea", minutes=90)
    row = section(page_of(client, me), "time").rows[0]
    assert row.title == "Bea asks you for 1 hour 30 minutes"
    assert row.detail == "For: Fixed the garden gate"
    assert row.href == reverse("timebank:pending")


def test_time_someone_wants_to_give_me_is_shown(client, me, make):
    """The person who was helped asks the helper to confirm the time they give."""
    from coproduce.timebank.services import transfer_request
    from coproduce.timebank.tests.factories import AccountFactory

    other = AccountFactory(user=UserFactory(display_name="Cal"))
    transfer_request(
        actor=other.user,
        account=other,
        other=make._my_account(),
        minutes=60,
        description="Helped with my shopping",
        gave=False,
    )
    row = section(page_of(client, me), "time").rows[0]
    assert row.title == "Cal wants to give you 1 hour"


def test_time_i_asked_for_is_not_mine_to_confirm(client, me, make):
    """A transfer the person asked for waits for the other side, not for them."""
    make.time_i_asked()
    Make(UserFactory()).time_to_confirm()
    assert section(page_of(client, me), "time") is None


# Sharing ----------------------------------------------------------------------------------


def test_items_reserved_both_ways_are_shown(client, me, make):
    """What the person reserved, and their things someone reserved, each linking to the item."""
    mine = make.item_i_reserved(title="Garden table")
    theirs = make.my_item_reserved(name="Tom", title="Bookcase")
    rows = section(page_of(client, me), "items").rows
    by_title = {r.title: r for r in rows}
    assert by_title["Garden table"].detail == "You reserved this."
    assert by_title["Bookcase"].detail == "Tom reserved this."
    assert by_title["Garden table"].href == reverse("sharing:item_detail", args=[mine.item_id])
    assert by_title["Bookcase"].href == reverse("sharing:item_detail", args=[theirs.item_id])


def test_other_peoples_reservations_are_not_shown(client, me):
    """Neither reserved by the person nor theirs: left out."""
    Make(UserFactory()).item_i_reserved()
    Make(UserFactory()).my_item_reserved()
    assert section(page_of(client, me), "items") is None


# Funding ----------------------------------------------------------------------------------


def test_funding_deadlines_soonest_first_with_closing_soon(client, me, make):
    """Followed rounds still open, soonest first; within two weeks is "Closes soon"."""
    later = make.funding_followed(days=40, title="Later fund")
    soon = make.funding_followed(days=3, title="Soon fund")
    rows = section(page_of(client, me), "funding").rows
    assert [r.title for r in rows] == ["Soon fund", "Later fund"]
    assert [r.tag for r in rows] == ["Closes soon", ""]
    assert rows[0].detail.startswith(f"{soon.opportunity.funder.name}. Closes ")
    assert rows[1].href == reverse("sharing:funding_detail", args=[later.opportunity_id])


def test_closed_and_unfollowed_funding_is_left_out(client, me, make):
    """A deadline passed, or a round someone else follows: not shown."""
    make.funding_followed(days=-1)
    Make(UserFactory()).funding_followed()
    assert section(page_of(client, me), "funding") is None


# Projects that need my skills -------------------------------------------------------------


def test_projects_that_need_my_skills_are_capped(client, me, make):
    """A few projects that need a skill the person has, with a link to see more."""
    for n in range(SKILL_PROJECTS_SHOWN + 2):
        make.project_needing_my_skills(title=f"Orchard {n}")
    found = section(page_of(client, me), "skills")
    assert len(found.rows) == SKILL_PROJECTS_SHOWN
    assert found.rows[0].detail.startswith("Needs 1 of your skills.")
    assert found.more == [("More projects that need your skills", reverse("projects:for_me"))]


def test_without_matching_skills_no_projects_are_suggested(client, make):
    """Someone with no confirmed skills gets no suggestions."""
    make.project_needing_my_skills()
    assert section(page_of(client, UserFactory()), "skills") is None


# Notifications ----------------------------------------------------------------------------


def test_unread_notifications_are_counted_with_a_link(client, me, make):
    """ "You have 2 new notifications", linking to them; read ones do not count."""
    make.notification()
    make.notification()
    read = make.notification()
    read.read_at = timezone.now()
    read.save()
    html = page_of(client, me).content.decode()
    assert "You have 2 new notifications" in html
    assert f'href="{reverse("notifications:list")}"' in html


def test_no_unread_notifications_says_nothing(client, me):
    """No line about notifications when there are none."""
    assert "new notification" not in page_of(client, me).content.decode()


# More than a few --------------------------------------------------------------------------


def test_long_sections_show_a_few_and_link_to_the_rest(client, me, make):
    """More places than fit: the first few, and a link to all the person's events."""
    for n in range(SHOWN + 1):
        make.place(title=f"Meet-up {n}")
    found = section(page_of(client, me), "events")
    assert len(found.rows) == SHOWN
    assert found.more == [("All your events", reverse("gatherings:mine"))]


def everything(make: Make, n: int = 1) -> None:
    for _i in range(n):
        make.place()
        make.waiting_place()
        make.action()
        make.project_action()
        make.need_invitation()
        make.owner_invitation()
        make.event_invitation()
        make.group_invitation()
        make.offer_to_my_project()
        make.reply_to_my_wanted_item()
        make.time_to_confirm()
        make.item_i_reserved()
        make.my_item_reserved()
        make.funding_followed()
        make.project_needing_my_skills()
        make.notification()


def count_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    return len(queries)


def test_the_number_of_queries_does_not_grow_with_the_data(client, me, make):
    """One of everything, then many more of everything: the same number of queries."""
    client.force_login(me)
    everything(make)
    few = count_queries(client)
    response = client.get(URL)
    assert keys(response) == ["answers", "time", "events", "actions", "items", "funding", "skills"]
    everything(make, n=SHOWN + 2)
    assert count_queries(client) == few
