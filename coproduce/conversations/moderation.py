"""Residents' statements wait in the moderators' queue that discussion owns.

Registered from the app's ready(): discussion lists what waits and records each decision in
its moderation log; `services.statement_decide` changes the statement and tells its author.
"""

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.discussion.models import ModerationAction
from coproduce.discussion.waiting import Waiting, WaitingKind
from coproduce.discussion.waiting import register as register_kind

from . import permissions, services
from .models import Statement

KIND = ModerationAction.Target.STATEMENT.value


def _waiting() -> QuerySet[Statement]:
    return Statement.objects.filter(status=Statement.Status.WAITING)


def _item(statement: Statement) -> Waiting:
    return Waiting(
        kind=KIND,
        pk=statement.pk,
        text=statement.text,
        author=statement.author,
        where=statement.conversation.question,
        url=reverse("conversations:detail", args=[statement.conversation_id]),
        created_at=statement.created_at,
    )


def oldest(limit: int) -> list[Waiting]:
    rows = (
        _waiting()
        .select_related("conversation", "author__profile")
        .order_by("created_at", "pk")[:limit]
    )
    return [_item(statement) for statement in rows]


def count() -> int:
    return _waiting().count()


def find(pk: int) -> Waiting | None:
    statement = _waiting().select_related("conversation", "author__profile").filter(pk=pk).first()
    return None if statement is None else _item(statement)


def register() -> None:
    register_kind(
        WaitingKind(
            slug=KIND,
            label=_("Statements in conversations"),
            oldest=oldest,
            count=count,
            find=find,
            decide=services.statement_decide,
            can_moderate=permissions.can_moderate,
        )
    )
