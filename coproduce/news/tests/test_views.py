import xml.etree.ElementTree as ET
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from pytest_django.asserts import assertNumQueries

from coproduce.accounts.tests.factories import UserFactory
from coproduce.mailing.models import Mailing
from coproduce.news.models import NewsPost
from coproduce.places.tests.factories import WardFactory

from .factories import NewsPostFactory, PublishedPostFactory, news_writer

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
LOGIN_URL = "accounts:sign_in"
OFFICER_GETS = ["news:drafts", "news:write"]
OFFICER_POST_GETS = ["news:edit", "news:preview"]
OFFICER_POSTS = [
    "news:test_send",
    "news:schedule",
    "news:unschedule",
    "news:publish",
    "news:withdraw",
]


@pytest.fixture
def writer_client(client):
    writer = news_writer()
    client.force_login(writer)
    client.writer = writer
    return client


# Who may see what ---------------------------------------------------------------------------


def test_anyone_can_read_the_news_list_and_a_published_post(client):
    """The list and a published post are public."""
    post = PublishedPostFactory(title="Library opens on Sundays")
    assert "Library opens on Sundays" in client.get(reverse("news:list")).text
    assert client.get(reverse("news:post", args=[post.slug])).status_code == 200


@pytest.mark.parametrize("status", ["draft", "scheduled"])
def test_a_post_not_yet_published_is_not_found_by_residents(client, status):
    """Drafts and scheduled posts are 404 for visitors and residents."""
    post = NewsPostFactory(
        status=status, publish_at=timezone.now() + timedelta(days=1) if status else None
    )
    url = reverse("news:post", args=[post.slug])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_an_officer_who_writes_news_sees_a_draft(writer_client):
    """A draft's page opens for officers, saying it is not published."""
    post = NewsPostFactory()
    page = writer_client.get(reverse("news:post", args=[post.slug]))
    assert page.status_code == 200
    assert "Only people who write news can see this page" in page.text


def test_drafts_are_not_in_the_list_or_the_feed(client):
    """Only published news is listed."""
    NewsPostFactory(title="Secret draft")
    assert "Secret draft" not in client.get(reverse("news:list")).text
    assert "Secret draft" not in client.get(reverse("news:feed")).text


def test_a_withdrawn_post_is_gone_for_residents(client):
    """410 and no title, for links in old emails and feeds."""
    post = PublishedPostFactory(title="Wrong date", status="withdrawn")
    page = client.get(reverse("news:post", args=[post.slug]))
    assert page.status_code == 410
    assert "Wrong date" not in page.text


@pytest.mark.parametrize("name", OFFICER_GETS)
def test_officer_pages_ask_visitors_to_sign_in(client, name):
    """A visitor is sent to sign in."""
    page = client.get(reverse(name))
    assert page.status_code == 302
    assert page.url.startswith(reverse(LOGIN_URL))


@pytest.mark.parametrize("name", OFFICER_GETS)
def test_officer_pages_are_forbidden_to_residents(client, name):
    """A resident gets 403."""
    client.force_login(UserFactory())
    assert client.get(reverse(name)).status_code == 403


@pytest.mark.parametrize("name", OFFICER_GETS)
def test_officer_pages_open_for_officers_who_write_news(writer_client, name):
    """An officer with the permission sees them."""
    assert writer_client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", OFFICER_POST_GETS)
def test_a_posts_officer_pages_are_forbidden_to_residents(client, name):
    """Editing and previewing a draft: 403 for a resident, 200 for a writer."""
    post = NewsPostFactory()
    client.force_login(UserFactory())
    assert client.get(reverse(name, args=[post.slug])).status_code == 403
    client.force_login(news_writer())
    assert client.get(reverse(name, args=[post.slug])).status_code == 200


@pytest.mark.parametrize("name", OFFICER_POSTS)
def test_residents_cannot_change_news(client, name):
    """Every change is 403 for a resident, and nothing changes."""
    post = NewsPostFactory()
    client.force_login(UserFactory())
    assert client.post(reverse(name, args=[post.slug])).status_code == 403
    post.refresh_from_db()
    assert post.status == NewsPost.Status.DRAFT


@pytest.mark.parametrize("name", OFFICER_POSTS)
def test_changes_need_a_post(writer_client, name):
    """A GET to a change is 405 and changes nothing."""
    post = NewsPostFactory()
    assert writer_client.get(reverse(name, args=[post.slug])).status_code == 405


# The list and the feed ----------------------------------------------------------------------


def test_the_list_is_newest_first(client):
    """The newest post comes first."""
    now = timezone.now()
    PublishedPostFactory(title="Older news", published_at=now - timedelta(days=3))
    PublishedPostFactory(title="Newer news", published_at=now)
    text = client.get(reverse("news:list")).text
    assert text.index("Newer news") < text.index("Older news")


def test_the_list_filters_by_ward(client):
    """A ward shows its own news and news for everyone, not other wards' news."""
    ward, other = WardFactory(), WardFactory()
    PublishedPostFactory(title="For everyone")
    PublishedPostFactory(title="For this ward", audience="chosen").wards.set([ward])
    PublishedPostFactory(title="For another ward", audience="chosen").wards.set([other])
    text = client.get(reverse("news:list"), {"ward": ward.slug}).text
    assert "For everyone" in text and "For this ward" in text
    assert "For another ward" not in text


def test_a_ward_that_is_not_there_shows_an_error_not_a_failure(client):
    """?ward=nowhere is answered, with the error on the filter."""
    page = client.get(reverse("news:list"), {"ward": "nowhere"})
    assert page.status_code == 200
    assert "Choose a ward from the list" in page.text


def test_the_list_takes_the_same_queries_however_many_posts(client):
    """Listing 3 or 30 posts with wards takes the same number of queries."""
    ward = WardFactory()
    for post in PublishedPostFactory.create_batch(3, audience="chosen"):
        post.wards.set([ward])
    client.get(reverse("news:list"))
    with assertNumQueries(4):
        client.get(reverse("news:list"))
    for post in PublishedPostFactory.create_batch(27, audience="chosen"):
        post.wards.set([ward])
    with assertNumQueries(4):
        client.get(reverse("news:list"))


def test_the_feed_is_valid_atom(client):
    """The feed has id, title, updated, author and links, and an entry per post."""
    PublishedPostFactory.create_batch(2)
    response = client.get(reverse("news:feed"))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    assert feed.tag == f"{ATOM}feed"
    for required in ["id", "title", "updated", "author"]:
        assert feed.find(f"{ATOM}{required}") is not None, required
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 2
    for entry in entries:
        for required in ["id", "title", "updated", "link", "summary"]:
            assert entry.find(f"{ATOM}{required}") is not None, required


def test_the_feed_of_no_news_is_still_valid(client):
    """An empty feed still has its updated time."""
    feed = ET.fromstring(client.get(reverse("news:feed")).content)
    assert feed.find(f"{ATOM}updated").text


# A post's page ------------------------------------------------------------------------------


def test_the_body_is_escaped_and_only_web_addresses_are_links(client):
    """HTML written in the body shows as words; https addresses become links."""
    post = PublishedPostFactory(
        body="<script>alert(1)</script>\n\nSee https://example.org/x and javascript:alert(2)"
    )
    text = client.get(reverse("news:post", args=[post.slug])).text
    assert "<script>alert(1)" not in text
    assert "&lt;script&gt;" in text
    assert 'href="https://example.org/x"' in text
    assert 'href="javascript' not in text


# Writing ------------------------------------------------------------------------------------


def _writing(**extra) -> dict:
    return {
        "title": "New bus stop",
        "summary": "A new bus stop opens on Monday.",
        "body": "It is by the school.",
        "audience": "everyone",
        **extra,
    }


def test_writing_a_post_saves_a_draft_and_shows_the_check_page(writer_client):
    """A good form makes a draft and goes to the preview."""
    response = writer_client.post(reverse("news:write"), _writing())
    post = NewsPost.objects.get()
    assert response.url == reverse("news:preview", args=[post.slug])
    assert post.status == NewsPost.Status.DRAFT and post.author == writer_client.writer


def test_a_post_with_no_title_is_a_400_with_the_error_summary(writer_client):
    """A missing title is said plainly, at the top and by the field."""
    response = writer_client.post(reverse("news:write"), _writing(title=""))
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert "Give the news a title" in response.text
    assert not NewsPost.objects.exists()


def test_chosen_people_with_none_chosen_is_a_400(writer_client):
    """ "Only some people" needs a ward, topic or group."""
    response = writer_client.post(reverse("news:write"), _writing(audience="chosen"))
    assert response.status_code == 400
    assert "Choose at least one ward, topic or group" in response.text


def test_the_form_turns_plain_language_advice_on(writer_client):
    """The boxes carry the plain-language checker's attribute."""
    text = writer_client.get(reverse("news:write")).text
    assert text.count("data-plain-language") >= 3


def test_editing_a_draft_changes_it(writer_client):
    """The edit form saves the change."""
    post = NewsPostFactory()
    writer_client.post(reverse("news:edit", args=[post.slug]), _writing(title="Changed"))
    post.refresh_from_db()
    assert post.title == "Changed"


def test_a_published_post_cannot_be_edited(writer_client):
    """The edit page sends the officer back to the preview with a message."""
    post = PublishedPostFactory()
    response = writer_client.get(reverse("news:edit", args=[post.slug]))
    assert response.url == reverse("news:preview", args=[post.slug])


def test_the_preview_shows_the_page_the_email_and_plain_language_advice(writer_client):
    """The preview has the post, the email's subject and text, and the reading age."""
    post = NewsPostFactory(title="Pool reopens", body="We will utilise the pool from Monday.")
    text = writer_client.get(reverse("news:preview", args=[post.slug])).text
    assert "Pool reopens" in text
    assert "srcdoc=" in text
    assert "Reading age" in text
    assert "&#x27;utilise&#x27; may be hard to understand" in text


# Test sends, scheduling, publishing ---------------------------------------------------------


def test_a_test_send_emails_the_officer(
    writer_client, mailoutbox, django_capture_on_commit_callbacks
):
    """The test goes to the officer's own address only."""
    post = NewsPostFactory()
    with django_capture_on_commit_callbacks(execute=True):
        writer_client.post(reverse("news:test_send", args=[post.slug]))
    assert [m.to for m in mailoutbox] == [[writer_client.writer.email]]


def test_test_sends_are_limited(writer_client, settings):
    """Past the limit, a 429."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "news_test_send": "1/h"}
    post = NewsPostFactory()
    writer_client.post(reverse("news:test_send", args=[post.slug]))
    assert writer_client.post(reverse("news:test_send", args=[post.slug])).status_code == 429


def test_scheduling_for_a_london_time(writer_client):
    """18:00 on a summer day is 17:00 UTC."""
    post = NewsPostFactory()
    year = timezone.now().year + 1
    writer_client.post(
        reverse("news:schedule", args=[post.slug]), {"day": f"1/7/{year}", "at": "18:00"}
    )
    post.refresh_from_db()
    assert post.status == NewsPost.Status.SCHEDULED
    assert (post.publish_at.hour, post.publish_at.tzinfo.utcoffset(post.publish_at)) == (
        17,
        timedelta(0),
    )


def test_scheduling_in_the_past_is_a_400(writer_client):
    """A time gone by is refused on the form."""
    post = NewsPostFactory()
    response = writer_client.post(
        reverse("news:schedule", args=[post.slug]), {"day": "1/1/2001", "at": "09:00"}
    )
    assert response.status_code == 400
    assert "Choose a time in the future" in response.text


def test_a_time_the_clocks_skip_is_a_400(writer_client):
    """01:30 on the day the clocks go forward does not happen."""
    post = NewsPostFactory()
    response = writer_client.post(
        reverse("news:schedule", args=[post.slug]), {"day": "29/3/2099", "at": "01:30"}
    )
    assert response.status_code == 400
    assert "the clocks go forward" in response.text


def test_publishing_from_the_preview(writer_client, django_capture_on_commit_callbacks):
    """Publish now publishes the post and makes its mailing when chosen."""
    post = NewsPostFactory(send_email=True)
    with django_capture_on_commit_callbacks(execute=True):
        writer_client.post(reverse("news:publish", args=[post.slug]))
    post.refresh_from_db()
    assert post.status == NewsPost.Status.PUBLISHED
    assert post.mailing.status != Mailing.Status.DRAFT
    preview = writer_client.get(reverse("news:preview", args=[post.slug])).text
    assert reverse("mailing:detail", args=[post.mailing.pk]) in preview


def test_withdrawing_from_the_preview(writer_client):
    """Withdraw takes the post down."""
    post = PublishedPostFactory()
    writer_client.post(reverse("news:withdraw", args=[post.slug]))
    post.refresh_from_db()
    assert post.status == NewsPost.Status.WITHDRAWN


def test_drafts_page_lists_drafts_and_scheduled_posts(writer_client):
    """Both kinds show, with their status."""
    NewsPostFactory(title="A draft")
    NewsPostFactory(
        title="A scheduled one", status="scheduled", publish_at=timezone.now() + timedelta(days=1)
    )
    text = writer_client.get(reverse("news:drafts")).text
    assert "A draft" in text and "A scheduled one" in text
