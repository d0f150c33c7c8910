"""The queue of things waiting for moderation that apps above discussion register."""

from datetime import UTC, datetime

import pytest
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.discussion import services, waiting
from coproduce.discussion.models import ModerationAction

pytestmark = pytest.mark.django_db

DECIDED: list[tuple[int, bool, str]] = []


def _item(pk: int) -> waiting.Waiting:
    return waiting.Waiting(
        kind="statement",
        pk=pk,
        text=f"Thing {pk}",
        author=None,
        where="Somewhere",
        url="/somewhere/",
        created_at=datetime(2030, 1, 1, tzinfo=UTC),
    )


def _decide(*, moderator, pk: int, approve: bool, reason: str) -> str:
    if pk == 99:
        raise Refusal("That has already been dealt with.")
    DECIDED.append((pk, approve, reason))
    return f"Thing {pk}"


@pytest.fixture
def fake_kind():
    """A kind standing in for an app above discussion; the real one is put back afterwards."""
    real = waiting.kind_for("statement")
    waiting.register(
        waiting.WaitingKind(
            slug="statement",
            label="Things",
            oldest=lambda n: [_item(1), _item(2)][:n],
            count=lambda: 2,
            find=lambda pk: _item(pk) if pk in (1, 2) else None,
            decide=_decide,
            can_moderate=lambda user: user.has_perm("accounts.moderate_content"),
        )
    )
    DECIDED.clear()
    yield
    if real is not None:
        waiting.register(real)


def test_the_queue_lists_what_waits_of_each_kind(client, fake_kind):
    """Moderators see every registered kind's waiting items."""
    client.force_login(UserFactory(roles=[Role.MODERATOR]))
    page = client.get(reverse("discussion:queue"))
    assert "Thing 1" in page.text and "Thing 2" in page.text


def test_deciding_calls_the_kind_and_logs_it(fake_kind):
    """The kind's decide is called and the moderation log records it."""
    moderator = UserFactory(roles=[Role.MODERATOR])
    services.waiting_decide(moderator=moderator, kind="statement", pk=1, approve=False, reason="No")
    assert DECIDED == [(1, False, "No")]
    entry = ModerationAction.objects.get()
    assert (entry.action, entry.target_id, entry.target_text) == ("reject", 1, "Thing 1")


def test_a_refusal_by_the_kind_logs_nothing(fake_kind):
    """If the item no longer waits, nothing is logged."""
    moderator = UserFactory(roles=[Role.MODERATOR])
    with pytest.raises(Refusal):
        services.waiting_decide(
            moderator=moderator, kind="statement", pk=99, approve=True, reason=""
        )
    assert not ModerationAction.objects.exists()


def test_someone_who_is_not_a_moderator_cannot_decide(fake_kind):
    """The kind says who may moderate it."""
    with pytest.raises(NotAllowed):
        services.waiting_decide(
            moderator=UserFactory(), kind="statement", pk=1, approve=True, reason=""
        )


def test_rejecting_needs_a_reason(fake_kind):
    """A rejection without a reason is refused."""
    moderator = UserFactory(roles=[Role.MODERATOR])
    with pytest.raises(Refusal):
        services.waiting_decide(
            moderator=moderator, kind="statement", pk=1, approve=False, reason=""
        )
