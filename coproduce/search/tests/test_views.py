import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.search.indexing import index_rebuild

pytestmark = pytest.mark.django_db
URL = reverse("search:search")


def test_results_are_grouped_with_counts_and_links(client):
    """The page groups results by kind, counts them and links each one."""
    project = ProjectFactory(title="Skate park", description="")
    event = EventFactory(title="Skate jam", description="")
    index_rebuild()
    page = client.get(URL, {"q": "skate"}).content.decode()
    assert "We found 2 results." in page
    assert "Projects and ideas (1)" in page and "Events (1)" in page
    assert reverse("projects:detail", args=[project.pk]) in page
    assert reverse("gatherings:event", args=[event.pk]) in page


def test_signed_in_people_search_too(client):
    """Signed-in people get the same page."""
    ProjectFactory(title="Tool library", description="")
    index_rebuild()
    client.force_login(UserFactory())
    assert "Tool library" in client.get(URL, {"q": "tool"}).content.decode()


def test_nothing_found_gives_plain_help(client):
    """No results says so and suggests what to try."""
    response = client.get(URL, {"q": "zebra crossing"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "We found nothing for ‘zebra crossing’" in page
    assert "check the spelling" in page


def test_the_empty_page_invites_a_search(client):
    """With no words the page explains what can be found."""
    response = client.get(URL)
    assert response.status_code == 200
    assert "Type a few words" in response.content.decode()


@pytest.mark.parametrize("q", ['"', "AND (", "*", "%", "\\", "🙂", "a" * 500, "\x00"])
def test_odd_input_never_fails(client, q):
    """Syntax characters, emoji, very long and control input answer without a server error."""
    ProjectFactory(title="Anything")
    index_rebuild()
    assert client.get(URL, {"q": q}).status_code in (200, 400)


@pytest.mark.parametrize(
    "params", [{"q": "x", "page": "abc"}, {"q": "x", "page": "0"}, {"q": "x", "kind": "nope"}]
)
def test_bad_page_or_kind_is_a_400_that_says_why(client, params):
    """A page that is not a number or an unknown kind is a 400 with an error summary."""
    response = client.get(URL, params)
    assert response.status_code == 400
    assert "govuk-error-summary" in response.content.decode()


def test_a_page_of_one_kind_links_back_to_everything(client):
    """Looking at one kind offers a way back to all results."""
    ProjectFactory(title="Choir", description="")
    index_rebuild()
    page = client.get(URL, {"q": "choir", "kind": "projects"}).content.decode()
    assert "Everything</a>" in page


def test_no_writes_by_post(client):
    """Search answers GET only."""
    assert client.post(URL, {"q": "x"}).status_code == 405


def test_the_header_has_a_labelled_search_box(client):
    """Every page's header has a labelled search box that works without JavaScript."""
    page = client.get(reverse("site:home")).content.decode()
    assert f'action="{URL}"' in page
    assert '<label class="govuk-visually-hidden" for="header-search">' in page
    assert 'id="header-search" name="q"' in page
