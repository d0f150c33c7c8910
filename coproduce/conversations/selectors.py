"""Reads for conversations: the list, one conversation, the next statement for a person, and
what the owner's page shows. The results page's reads are in `results.py`."""

from dataclasses import dataclass

from django.db.models import Count, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from . import opinion
from .models import Conversation, Participant, SignedLink, Statement, Vote


def _count(model, **filters) -> Subquery:
    """How many rows of `model` belong to each conversation, as a subquery: joining both
    statements and participants at once would multiply the rows."""
    return Subquery(
        model.objects.filter(conversation=OuterRef("pk"), **filters)
        .order_by()
        .values("conversation")
        .annotate(n=Count("pk"))
        .values("n")
    )


def conversations_listed(*, ward=None) -> QuerySet[Conversation]:
    """Open conversations, newest first; for a ward, those for it or for a project in it."""
    found = (
        Conversation.objects.filter(status=Conversation.Status.OPEN)
        .select_related("ward", "project", "series")
        .annotate(
            shown=Coalesce(_count(Statement, status=Statement.Status.SHOWN), 0),
            taking_part=Coalesce(_count(Participant), 0),
        )
        .order_by("-opened_at", "-pk")
    )
    if ward is not None:
        found = found.filter(Q(ward=ward) | Q(project__ward=ward))
    return found


def conversation_detail(pk: int) -> Conversation | None:
    return (
        Conversation.objects.select_related(
            "ward", "project", "series", "group", "opened_by__profile"
        )
        .filter(pk=pk)
        .first()
    )


@dataclass(frozen=True)
class NextStatement:
    statement: Statement | None  # None when the participant has answered every one
    answered: int
    total: int

    @property
    def left(self) -> int:
        return self.total - self.answered


def participant_of(*, conversation: Conversation, user) -> Participant | None:
    """The account's participant here, if it has voted (no row is made by reading)."""
    if user is None or not user.is_authenticated:
        return None
    return Participant.objects.filter(conversation=conversation, user=user).first()


def statement_next(
    *, conversation: Conversation, participant: Participant | None, seed: int = 0
) -> NextStatement:
    """The statement to show this participant next (opinion.next_statement), and progress.

    Three small queries: the counters of the shown statements this participant has not
    answered (the database leaves out the answered ones), how many are shown, and the text of
    the one chosen."""
    shown = Statement.objects.filter(conversation=conversation, status=Statement.Status.SHOWN)
    unanswered = shown
    if participant is not None:
        answered_ids = Vote.objects.filter(participant=participant).values("statement_id")
        unanswered = shown.exclude(pk__in=answered_ids)
    counts = {
        pk: (agree, disagree, passed)
        for pk, agree, disagree, passed in unanswered.order_by().values_list(
            "pk", "agree_count", "disagree_count", "pass_count"
        )
    }
    total = shown.count() if participant is not None else len(counts)
    answered = total - len(counts)
    # A draw of its own for each participant and each step, the same on a reload.
    if participant is not None:
        seed = participant.pk * 100_003 + answered
    choice = opinion.next_statement(counts=counts, seen=(), seed=seed)
    statement = None
    if choice is not None:
        statement = shown.filter(pk=choice).only("pk", "text", "conversation_id").first()
    return NextStatement(statement=statement, answered=answered, total=total)


def answers_of(participant: Participant | None, *, last: int = 5) -> list[tuple[Statement, int]]:
    """This participant's latest answers, newest first, so one can be changed."""
    if participant is None:
        return []
    votes = (
        Vote.objects.filter(participant=participant, statement__status=Statement.Status.SHOWN)
        .select_related("statement")
        .order_by("-updated_at", "-pk")[:last]
    )
    return [(vote.statement, vote.value) for vote in votes]


def waiting_by(*, conversation: Conversation, user) -> QuerySet[Statement]:
    """This person's own statements still waiting for a moderator."""
    if user is None or not user.is_authenticated:
        return Statement.objects.none()
    return Statement.objects.filter(
        conversation=conversation, author=user, status=Statement.Status.WAITING
    ).order_by("pk")


def statements_for_owner(conversation: Conversation) -> QuerySet[Statement]:
    """Every statement, shown, waiting or not shown, for the people running it."""
    return (
        Statement.objects.filter(conversation=conversation)
        .select_related("author__profile")
        .order_by("status", "pk")
    )


def links_of(conversation: Conversation) -> QuerySet[SignedLink]:
    return SignedLink.objects.filter(conversation=conversation).order_by("pk")


def shown_statement(*, conversation: Conversation, pk: int) -> Statement | None:
    return (
        Statement.objects.filter(conversation=conversation, pk=pk, status=Statement.Status.SHOWN)
        .select_related("conversation")
        .first()
    )
