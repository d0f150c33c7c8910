"""Pages kept for visitors: sent again to visitors only, and never what should not be kept."""

import pytest
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage.cookie import CookieStorage
from django.contrib.sessions.backends.db import SessionStore
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.views.decorators.cache import never_cache

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.visitor_pages import MAX_BYTES, kept_for_visitors
from coproduce.projects.models import Project
from coproduce.projects.tests.factories import owned_project

pytestmark = pytest.mark.django_db


@pytest.fixture
def keeping(settings):
    settings.CACHES = {
        **settings.CACHES,
        "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"},
    }
    settings.VISITOR_PAGE_SECONDS = 15
    from django.core.cache import caches

    caches["pages"].clear()
    return settings


def _rename(project, title):
    # An update() sends no signal: only the time limit makes a kept page fresh again.
    Project.objects.filter(pk=project.pk).update(title=title)


def test_a_visitor_is_sent_the_kept_page_without_asking_the_database(
    keeping, client, django_assert_num_queries
):
    project = owned_project(title="Fruit trees by the canal")
    assert "Fruit trees by the canal" in client.get("/projects/").text
    _rename(project, "Bulbs in the park")
    with django_assert_num_queries(0):
        again = client.get("/projects/")
    assert again.status_code == 200
    assert "Fruit trees by the canal" in again.text
    # Each answer still gets its own security headers from the middleware.
    assert "default-src" in again["Content-Security-Policy"]
    assert again["X-Frame-Options"] == "DENY"


def test_someone_signed_in_is_never_sent_a_kept_page_nor_keeps_theirs(keeping, client):
    project = owned_project(title="Fruit trees by the canal")
    client.get("/projects/")
    _rename(project, "Bulbs in the park")
    person = UserFactory(display_name="Rashida Okafor")
    client.force_login(person)
    signed_in = client.get("/projects/?status=forming")
    assert "Bulbs in the park" in signed_in.text
    assert "Sign out" in signed_in.text
    client.logout()
    visitor = client.get("/projects/?status=forming")
    assert "Sign out" not in visitor.text
    assert "Rashida Okafor" not in visitor.text


def test_keeping_is_off_at_zero_seconds(keeping, client):
    keeping.VISITOR_PAGE_SECONDS = 0
    project = owned_project(title="Fruit trees by the canal")
    client.get("/projects/")
    _rename(project, "Bulbs in the park")
    assert "Bulbs in the park" in client.get("/projects/").text


def test_a_filter_that_makes_no_sense_is_not_kept(keeping, client):
    project = owned_project(title="Fruit trees by the canal")
    assert client.get("/projects/?status=nonsense").status_code == 400
    _rename(project, "Bulbs in the park")
    assert "Bulbs in the park" in client.get("/projects/?status=nonsense").text


# The rules, on a view of their own --------------------------------------------------------


def _visitor(method="get", language="en"):
    request = getattr(RequestFactory(), method)("/a-list/")
    request.user = AnonymousUser()
    request.session = SessionStore()
    request.LANGUAGE_CODE = language
    request._messages = CookieStorage(request)
    return request


def _counting(body=lambda request: HttpResponse("the page")):
    calls = []

    @kept_for_visitors
    def view(request):
        calls.append(request)
        return body(request)

    return view, calls


def test_the_same_address_is_put_together_once(keeping):
    view, calls = _counting()
    assert view(_visitor()).content == view(_visitor()).content == b"the page"
    assert len(calls) == 1


def test_each_language_has_its_own_page(keeping):
    view, calls = _counting()
    view(_visitor(language="en"))
    view(_visitor(language="cy"))
    assert len(calls) == 2


def test_a_post_is_always_answered_by_the_view(keeping):
    view, calls = _counting()
    view(_visitor("post"))
    view(_visitor("post"))
    assert len(calls) == 2


def test_a_visitor_with_a_message_waiting_gets_the_page_made_for_them(keeping):
    view, calls = _counting()
    view(_visitor())
    request = _visitor()
    messages.info(request, "You have signed out.")
    view(request)
    assert len(calls) == 2


def _with_token(request):
    get_token(request)
    return HttpResponse("a form that posts")


def _with_cookie(request):
    response = HttpResponse("the page")
    response.set_cookie("seen", "yes")
    return response


def _with_session_written(request):
    request.session["answers"] = {"step": "1"}
    return HttpResponse("the page, with the visitor's answers")


def _with_message_shown(request):
    messages.info(request, "Saved.")
    list(messages.get_messages(request))  # as the template shows it
    return HttpResponse("the page, with Saved.")


@pytest.mark.parametrize(
    "body",
    [
        _with_token,
        _with_cookie,
        _with_message_shown,
        _with_session_written,
        never_cache(lambda request: HttpResponse("fresh each time")),
        lambda request: HttpResponse("an error", status=400),
        lambda request: HttpResponse("a" * (MAX_BYTES + 1)),
    ],
    ids=["csrf token", "cookie", "message shown", "session", "never cache", "400", "too big"],
)
def test_what_must_not_be_kept_is_made_again(keeping, body):
    view, calls = _counting(body)
    view(_visitor())
    view(_visitor())
    assert len(calls) == 2


@pytest.mark.parametrize(
    "address",
    ["/", "/projects/", "/gatherings/", "/groups/", "/map/", "/services/", "/news/", "/stories/"],
)
def test_each_list_page_is_kept_for_visitors(keeping, client, address, django_assert_num_queries):
    first = client.get(address)
    assert first.status_code == 200
    assert not first.cookies  # no CSRF cookie for a page with no form that posts
    with django_assert_num_queries(0):
        again = client.get(address)
    assert again.content == first.content


def _detail_addresses():
    from coproduce.gatherings.tests.factories import EventFactory
    from coproduce.groups.tests.factories import OrganisationFactory

    event = EventFactory()
    group = OrganisationFactory()
    return {
        "project": f"/projects/{owned_project().pk}/",
        "event": f"/gatherings/events/{event.pk}/",
        "place": f"/places/{event.place.pk}/",
        "group": f"/groups/{group.slug}/",
    }


@pytest.mark.parametrize("page", ["project", "event", "place", "group"])
def test_each_page_about_one_thing_is_kept_for_visitors(
    keeping, client, page, django_assert_num_queries
):
    address = _detail_addresses()[page]
    first = client.get(address)
    assert first.status_code == 200
    assert not first.cookies
    with django_assert_num_queries(0):
        again = client.get(address)
    assert again.content == first.content


def test_a_hidden_project_is_not_kept_for_anyone(keeping, client):
    """A 404 is never kept: once the page is gone it is gone for the next visitor too."""
    project = owned_project()
    Project.objects.filter(pk=project.pk).update(is_hidden=True)
    assert client.get(f"/projects/{project.pk}/").status_code == 404
    Project.objects.filter(pk=project.pk).update(is_hidden=False)
    assert client.get(f"/projects/{project.pk}/").status_code == 200


def test_search_results_are_kept_for_visitors_by_their_words(
    keeping, client, django_assert_num_queries
):
    """The same words give the kept page; other words, or a search that makes no sense (a
    400), are looked up again."""
    from coproduce.search.indexing import index_rebuild

    owned_project(title="Fruit trees by the canal")
    index_rebuild()
    first = client.get("/search/?q=fruit")
    assert first.status_code == 200 and "Fruit trees by the canal" in first.text
    assert not first.cookies
    with django_assert_num_queries(0):
        again = client.get("/search/?q=fruit")
    assert again.content == first.content
    assert "Fruit trees by the canal" not in client.get("/search/?q=bulbs").text
    too_long = "/search/?q=" + "x" * 1000
    assert client.get(too_long).status_code == 400
    assert client.get(too_long).status_code == 400
