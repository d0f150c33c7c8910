"""Funding you follow: the list of rounds a person follows, with deadlines, and unfollowing
from it."""

import re
from datetime import datetime, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.sharing.models import FundingFollow
from coproduce.sharing.tests.factories import FollowFactory, OpportunityFactory

pytestmark = pytest.mark.django_db

URL = "/sharing/funding/following/"


def test_the_page_is_for_people_signed_in(client):
    """Visitors are sent to sign in."""
    response = client.get(URL)
    assert response.status_code == 302 and "next=" in response["Location"]


def test_nothing_followed_says_how_to_start(client):
    """With nothing followed the page says so and links to the funding list."""
    client.force_login(UserFactory())
    text = client.get(URL).text
    assert "You do not follow any funding yet." in text
    assert reverse("sharing:funding_list") in text


def test_it_lists_only_my_rounds_open_first_with_deadlines(client):
    """Open rounds soonest first with their deadline the GOV.UK way, then closed ones; never
    rounds someone else follows."""
    me = UserFactory()
    deadline = timezone.make_aware(datetime(2099, 3, 27, 17, 0))
    later = FollowFactory(user=me, opportunity__title="Later fund", opportunity__deadline=deadline)
    soon = FollowFactory(
        user=me,
        opportunity__title="Soon fund",
        opportunity__deadline=timezone.now() + timedelta(days=10),
    )
    FollowFactory(
        user=me,
        opportunity__title="Old fund",
        opportunity__deadline=timezone.now() - timedelta(days=3),
    )
    FollowFactory(opportunity__title="Someone else's fund")
    client.force_login(me)
    text = client.get(URL).text
    assert text.index("Soon fund") < text.index("Later fund") < text.index("Old fund")
    assert "Someone else" not in text
    assert "Friday 27 March 2099, 5pm" in text
    assert "Closes in 10 days" in text
    assert text.index("Closed</h2>") < text.index("Old fund")
    assert later.pk and soon.pk


def test_unfollowing_from_the_page_comes_back_to_it(client):
    """ "Stop following" is a POST that removes the follow and returns to the list."""
    follow = FollowFactory()
    client.force_login(follow.user)
    url = reverse("sharing:funding_unfollow", args=[follow.opportunity_id])
    assert url in client.get(URL).text
    response = client.post(url, {"back_to": "following"})
    assert response["Location"] == URL
    assert not FundingFollow.objects.filter(pk=follow.pk).exists()
    assert follow.opportunity.title not in client.get(URL).text.split("</h1>")[1]


def test_unfollowing_elsewhere_still_goes_to_the_round(client):
    """Without back_to, unfollowing returns to the round's own page, as before."""
    follow = FollowFactory()
    client.force_login(follow.user)
    response = client.post(reverse("sharing:funding_unfollow", args=[follow.opportunity_id]))
    assert response["Location"] == reverse("sharing:funding_detail", args=[follow.opportunity_id])


def test_a_get_never_unfollows(client):
    """Unfollowing is a POST only."""
    follow = FollowFactory()
    client.force_login(follow.user)
    assert (
        client.get(reverse("sharing:funding_unfollow", args=[follow.opportunity_id])).status_code
        == 405
    )
    assert FundingFollow.objects.filter(pk=follow.pk).exists()


def test_the_funding_list_links_here_when_signed_in(client):
    """The funding list links to "Funding you follow" for people signed in only."""
    OpportunityFactory()
    assert URL not in client.get(reverse("sharing:funding_list")).text
    client.force_login(UserFactory())
    assert URL in client.get(reverse("sharing:funding_list")).text


def test_query_count_does_not_grow_with_follows(client, django_assert_num_queries):
    """Twenty rounds followed cost the same queries as one."""
    me = UserFactory()
    FollowFactory(user=me)
    client.force_login(me)
    with django_assert_num_queries(5) as one:
        client.get(URL)
    FollowFactory.create_batch(20, user=me)
    with django_assert_num_queries(len(one.captured_queries)):
        text = client.get(URL).text
    assert len(re.findall("Stop following<span", text)) == 21


@pytest.mark.parametrize(
    ("days", "says"),
    [
        (30, "We will remind you 14 days and 2 days before the deadline."),
        (10, "The deadline is in 10 days. We will remind you 2 days before it."),
        (1, "The deadline is in 1 day."),
    ],
)
def test_following_says_only_the_reminders_still_to_come(client, days, says):
    """Ten days before the deadline nobody is promised a reminder 14 days before it."""
    person = UserFactory()
    # Midday, `days` calendar days ahead: the page counts days by date, and "an hour from
    # now" is tomorrow's date when the suite runs in the last hour before midnight.
    midday = timezone.localtime().replace(hour=12, minute=0, second=0, microsecond=0)
    opportunity = OpportunityFactory(deadline=midday + timedelta(days=days))
    FundingFollow.objects.create(user=person, opportunity=opportunity)
    client.force_login(person)
    page = client.get(reverse("sharing:funding_detail", args=[opportunity.pk]))
    assert says in page.content.decode()
