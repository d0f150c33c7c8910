"""A resident whose name is "only me" is never named to anyone else, on any page or email.

The hidden resident makes the first rows of every kind the route walk fills paths from
(coproduce/testing/routes.py), so each page about a project, comment, account, offer,
request, item, reply, event and group is one of theirs.
"""

import io

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from coproduce.discussion.tests.factories import CommentFactory
from coproduce.gatherings.models import Rsvp
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.groups.tests.factories import MembershipFactory, OrganisationFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.projects.models import Project
from coproduce.projects.pack import pack_for, render_pdf
from coproduce.projects.tests.factories import owned_project
from coproduce.sharing.tests.factories import ItemFactory
from coproduce.testing import routes
from coproduce.timebank import services as timebank
from coproduce.timebank.tests.factories import AccountFactory, BuddyRequestFactory, ListingFactory

pytestmark = pytest.mark.django_db

HIDDEN = "Xanthe Quillfeather"


def _hidden_resident_does_everything():
    hidden = ProfileFactory(user__display_name=HIDDEN, visibility_identity="only_me").user
    other = ProfileFactory(visibility_identity="members").user
    project = owned_project(owner=hidden)
    CommentFactory(project=project, author=hidden)
    event = EventFactory(created_by=other)
    Rsvp.objects.create(event=event, user=hidden, queued_at=timezone.now())
    own, theirs = AccountFactory(user=hidden), AccountFactory(user=other)
    ListingFactory(account=own)
    BuddyRequestFactory(resident=hidden)
    group = OrganisationFactory()
    MembershipFactory(organisation=group, user=hidden)
    ItemFactory(posted_by=hidden)
    # Someone asks the hidden resident to confirm time: the banner and their list.
    timebank.transfer_request(
        actor=other, account=theirs, other=own, minutes=60, description="Gardening", gave=True
    )
    return hidden, other


def _pages_naming(client: Client) -> list[str]:
    named = []
    for route, _pattern in routes.routes():
        url = routes.url(route)
        response = client.get(url)
        body = getattr(response, "content", b"")
        if HIDDEN.encode() in body:
            named.append(url)
    return named


def test_only_me_name_appears_on_no_page_for_a_visitor():
    """Every GET route, opened by a visitor, never shows the hidden resident's name."""
    _hidden_resident_does_everything()
    assert _pages_naming(Client(raise_request_exception=False)) == []


def test_only_me_name_appears_on_no_page_for_another_member():
    """Every GET route, opened by another signed-in member, never shows the name."""
    _, other = _hidden_resident_does_everything()
    client = Client(raise_request_exception=False)
    client.force_login(other)
    assert _pages_naming(client) == []


def test_only_me_name_is_in_no_email_and_not_in_the_pack(django_capture_on_commit_callbacks):
    """Emails to others, and the project pack page and PDF, do not name the person."""
    with django_capture_on_commit_callbacks(execute=True):
        hidden, _other = _hidden_resident_does_everything()
    for message in mail.outbox:
        if hidden.email not in message.to:
            assert HIDDEN not in message.subject + message.body
            for content, _type in getattr(message, "alternatives", []):
                assert HIDDEN not in content
    project = Project.objects.get(owners__user=hidden)
    pack = pack_for(project.pk, site_url="https://example.org")
    assert all(HIDDEN not in owner["name"] for owner in pack.owners)
    reader = PdfReader(io.BytesIO(render_pdf(pack)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert project.title in text and HIDDEN not in text


def test_the_walk_would_catch_a_name(client):
    """The walk can fail: the person's own pages do show their name to them."""
    hidden, _ = _hidden_resident_does_everything()
    client.force_login(hidden)
    assert _pages_naming(client)
