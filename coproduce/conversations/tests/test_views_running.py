import re

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.conversations.models import Conversation, SignedLink, Statement
from coproduce.places.tests.factories import WardFactory
from coproduce.projects.tests.factories import owned_project

from .factories import (
    ConversationFactory,
    conversation_with,
    officer,
    organiser,
)
from .test_tasks import two_sides

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"conversations:{name}", args=args)


def shown_statement(page) -> int:
    return int(re.search(r'name="statement" value="(\d+)"', page.text).group(1))


# The list -------------------------------------------------------------------------------


def test_anyone_sees_the_list_of_open_conversations(client):
    """A visitor sees open conversations, not those being set up."""
    ConversationFactory(question="Open one")
    ConversationFactory(question="Draft one", status=Conversation.Status.DRAFT)
    page = client.get(url("list"))
    assert page.status_code == 200
    assert "Open one" in page.text and "Draft one" not in page.text


def test_the_list_filters_by_ward(client):
    """With a ward chosen, only conversations for that ward (or its projects) are listed."""
    hazel, oak = WardFactory(), WardFactory()
    ConversationFactory(question="For Hazel", scope="ward", ward=hazel)
    ConversationFactory(question="For Oak", scope="ward", ward=oak)
    page = client.get(url("list"), {"ward": hazel.slug})
    assert "For Hazel" in page.text and "For Oak" not in page.text


def test_a_made_up_ward_shows_an_error_not_a_failure(client):
    """A ward that does not exist is an error on the filter, and the list still shows."""
    page = client.get(url("list"), {"ward": "no-such-ward"})
    assert page.status_code == 200
    assert "Choose a ward from the list" in page.text


def test_the_list_takes_the_same_queries_however_many(client, django_assert_max_num_queries):
    """The list page's queries do not grow with the number of conversations."""
    for _ in range(15):
        conversation_with(2)
    with django_assert_max_num_queries(8):
        assert client.get(url("list")).status_code == 200


# Opening one ----------------------------------------------------------------------------


def test_a_resident_may_not_open_a_conversation(client):
    """The form is for officers and organisers only."""
    client.force_login(UserFactory())
    assert client.get(url("new")).status_code == 403


def test_a_visitor_is_sent_to_sign_in(client):
    """Someone not signed in is asked to sign in first."""
    assert client.get(url("new")).status_code == 302


def test_an_officer_opens_a_conversation_through_the_form(client):
    """An officer's valid form makes a draft and leads to the page for running it."""
    person = officer()
    client.force_login(person)
    assert client.get(url("new")).status_code == 200
    answer = client.post(
        url("new"),
        {
            "question": "Food first?",
            "description": "Say.",
            "scope": "borough",
            "adding": "everyone",
        },
    )
    conversation = Conversation.objects.get()
    assert answer.url == url("manage", conversation.pk)
    assert conversation.opened_by == person


def test_a_ward_conversation_without_a_ward_is_a_form_error(client):
    """Forgetting the ward gives a 400 with the error summary, not a failure."""
    client.force_login(officer())
    answer = client.post(
        url("new"),
        {"question": "Food first?", "description": "Say.", "scope": "ward", "adding": "everyone"},
    )
    assert answer.status_code == 400
    assert "Choose the ward it is for" in answer.text
    assert "govuk-error-summary" in answer.text


def test_an_organiser_sees_only_their_projects(client):
    """An organiser may open one for their project; the form offers only theirs."""
    person = organiser()
    mine = owned_project(owner=person, title="My garden")
    owned_project(title="Someone else's")
    client.force_login(person)
    page = client.get(url("new"))
    assert "My garden" in page.text and "Someone else" not in page.text
    answer = client.post(
        url("new"),
        {
            "question": "Which beds?",
            "description": "Say.",
            "scope": "project",
            "project": mine.pk,
            "adding": "everyone",
        },
    )
    assert answer.status_code == 302


# Running it -----------------------------------------------------------------------------


def test_only_those_running_it_see_the_manage_page(client):
    """Residents get 403; the officer who runs it gets the page."""
    person = officer()
    conversation, _ = conversation_with(2, opened_by=person)
    client.force_login(UserFactory())
    assert client.get(url("manage", conversation.pk)).status_code == 403
    client.force_login(person)
    assert client.get(url("manage", conversation.pk)).status_code == 200


def test_the_owner_adds_a_seed_statement(client):
    """A seed statement added on the manage page is shown at once."""
    person = officer()
    conversation, _ = conversation_with(2, opened_by=person)
    client.force_login(person)
    client.post(url("manage", conversation.pk), {"text": "Grow food on council land"})
    assert Statement.objects.get(text="Grow food on council land").status == "shown"


def test_the_owner_opens_closes_and_makes_links(client):
    """Open, make a link, close the link, close the conversation, from the manage page."""
    person = officer()
    conversation, _ = conversation_with(2, opened_by=person, status=Conversation.Status.DRAFT)
    client.force_login(person)
    client.post(url("publish", conversation.pk))
    client.post(url("link_new", conversation.pk), {"kind": "street", "label": "Elm Road"})
    link = SignedLink.objects.get()
    assert link.token in client.get(url("manage", conversation.pk)).text
    client.post(url("link_close", conversation.pk, link.pk))
    client.post(url("close", conversation.pk))
    link.refresh_from_db()
    conversation.refresh_from_db()
    assert link.is_closed and conversation.status == Conversation.Status.CLOSED


def test_a_resident_cannot_open_or_close_it(client):
    """Opening and closing are for those running it."""
    conversation, _ = conversation_with(2)
    client.force_login(UserFactory())
    assert client.post(url("close", conversation.pk)).status_code == 403


# Results --------------------------------------------------------------------------------


def test_results_before_any_analysis_say_there_are_none_yet(client):
    """With no snapshot the page says results come soon."""
    conversation, _ = conversation_with(2)
    page = client.get(url("results", conversation.pk))
    assert page.status_code == 200 and "There are no results yet." in page.text


def test_results_show_groups_map_and_common_ground(client, django_capture_on_commit_callbacks):
    """After an analysis: groups with sizes, a map with its table, common ground in words."""
    conversation, statements = conversation_with(9)
    with django_capture_on_commit_callbacks(execute=True):
        two_sides(conversation, statements)
    page = client.get(url("results", conversation.pk))
    assert "Group A: 6 people" in page.text and "Group B: 6 people" in page.text
    assert 'role="img"' in page.text and "Where on the map" in page.text
    assert f"Most people in every group agreed: “{statements[-1].text}”" in page.text
    assert page.text.count("<circle") + page.text.count("<polygon") >= 12


def test_results_of_a_draft_are_hidden(client):
    """A draft's results are a 404 for residents."""
    conversation, _ = conversation_with(2, status=Conversation.Status.DRAFT)
    assert client.get(url("results", conversation.pk)).status_code == 404


def test_the_results_page_takes_few_queries(
    client, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    """The results page reads the snapshot and the statements: a fixed number of queries."""
    conversation, statements = conversation_with(9)
    with django_capture_on_commit_callbacks(execute=True):
        two_sides(conversation, statements, people=20)
    with django_assert_max_num_queries(4):
        assert client.get(url("results", conversation.pk)).status_code == 200
