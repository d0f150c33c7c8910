"""What conversations hold about a person (see coproduce/personal_data/registry.py).

Votes belong to a participant, not to the account: closing an account takes the account off
its participant, so the votes stay and results still add up, with nobody behind them. The
person's download has every conversation they took part in and their answers. Statements are
kept, shown as by a former member, or their words are removed, as the person chose (the same
choice as for comments); a removed statement is no longer shown, and the votes on it no longer
count in the results.
"""

from django.utils.translation import gettext

from coproduce.personal_data.registry import ClosingChoices, Erasure, declare

from .models import Participant, Statement, Vote


def _export_participation(user):
    for participant in Participant.objects.filter(user=user).select_related("conversation"):
        votes = Vote.objects.filter(participant=participant).select_related("statement")
        yield {
            "conversation": participant.conversation_id,
            "question": participant.conversation.question,
            "joined": participant.created_at.isoformat(),
            "answers": [
                {
                    "statement": vote.statement_id,
                    "text": vote.statement.text,
                    "answer": str(Vote.Value(vote.value).label),
                    "when": vote.updated_at.isoformat(),
                }
                for vote in votes.order_by("statement_id")
            ],
        }


def _leave_participations(user, choices: ClosingChoices) -> None:
    Participant.objects.filter(user=user).update(user=None)


def _erase_statements(user, choices: ClosingChoices) -> None:
    statements = Statement.objects.filter(author=user)
    if choices.remove_comments:
        statements.update(
            author=None,
            text="",
            status=Statement.Status.REJECTED,
            moderation_reason=gettext("Removed when its author closed their account."),
        )
    else:
        statements.update(author=None)


declare(
    "conversations.Participant",
    field="user",
    kind="conversations_taken_part_in",
    erase=Erasure.CUSTOM,
    erase_with=_leave_participations,
    export_with=_export_participation,
    reason="Answers stay, with nobody behind them, so that results still add up.",
)
declare(
    "conversations.Statement",
    field="author",
    kind="conversation_statements",
    erase=Erasure.CUSTOM,
    erase_with=_erase_statements,
)
declare(
    "conversations.Conversation",
    field="opened_by",
    kind="conversations_opened",
    erase=Erasure.ANONYMISE,
)
declare(
    "conversations.SignedLink",
    field="created_by",
    kind="conversation_links_made",
    erase=Erasure.ANONYMISE,
    private=("token",),
)
