"""Every conversations route, opened with real rows by each kind of person: never a 500, and
never a row written by a GET."""

import pytest
from django.apps import apps
from django.test import Client

from coproduce.accounts.tests.factories import UserFactory
from coproduce.conversations import services
from coproduce.testing import routes

from .factories import SignedLinkFactory, StatementFactory, conversation_with, moderator, officer

pytestmark = pytest.mark.django_db

ODD_VALUES = ["", "²", "-1", "9" * 30, "no-such-ward", "<b>"]


def _counts() -> dict[str, int]:
    return {
        model._meta.label: model.objects.count()
        for model in apps.get_models()
        if model._meta.label != "sessions.Session"
    }


def _urls() -> list[str]:
    found = []
    for route, _pattern in routes.routes():
        if route.startswith("conversations/") or route.startswith("moderation/waiting"):
            url = routes.url(route)
            if "<str:token>" in route:
                url = url.replace("/nothing/", "/{token}/")
            if "<str:kind>" in route:
                url = url.replace("/nothing/", "/statement/")
            found.append(url)
    return found


@pytest.mark.parametrize("who", ["visitor", "resident", "officer", "moderator"])
def test_every_get_route_answers_without_error_or_writes(who):
    """Each GET route answers below 500, with odd query values too, and writes no row."""
    conversation, _statements = conversation_with(3)
    link = SignedLinkFactory(conversation=conversation)
    StatementFactory(conversation=conversation, status="waiting", is_seed=False)
    participant = services.participant_for_user(user=UserFactory(), conversation=conversation)
    services.vote_record(participant=participant, statement=_statements[0], value=1)
    client = Client(raise_request_exception=False)
    people = {"resident": UserFactory, "officer": officer, "moderator": moderator}
    if who in people:
        client.force_login(people[who]())
    before = _counts()
    urls = _urls()
    assert len(urls) >= 12
    for url in urls:
        url = url.format(token=link.token)
        for value in ODD_VALUES:
            response = client.get(url, {"ward": value, "page": value})
            assert response.status_code < 500, (url, value)
    assert _counts() == before
