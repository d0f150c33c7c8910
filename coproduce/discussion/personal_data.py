"""What discussion holds about a person (see coproduce/personal_data/registry.py).

Closing an account, a person chooses: their comments stay, shown as by a former member, or
their words are removed. Removed comments keep their place in a thread, so replies by others
still make sense, but nothing of what they said remains.
"""

from django.db.models import Q
from django.utils.translation import gettext

from coproduce.notifications.models import Notification
from coproduce.personal_data.registry import ClosingChoices, Erasure, declare

from .models import Comment, CommentEdit


def _erase_comments(user, choices: ClosingChoices) -> None:
    comments = Comment.objects.filter(author=user)
    if choices.remove_comments:
        # What others were told of these comments quoted them: those words go too.
        ids = list(comments.values_list("pk", flat=True))
        for start in range(0, len(ids), 200):
            quoting = Q()
            for pk in ids[start : start + 200]:
                quoting |= Q(url__endswith=f"#comment-{pk}")
            Notification.objects.filter(quoting).update(body="")
        # Earlier texts of edited comments are their words too.
        CommentEdit.objects.filter(comment__author=user).delete()
        comments.update(
            author=None,
            body="",
            is_hidden=True,
            hidden_reason=gettext("Removed when its author closed their account."),
        )
    else:
        comments.update(author=None)


declare(
    "discussion.Comment",
    field="author",
    kind="comments",
    erase=Erasure.CUSTOM,
    erase_with=_erase_comments,
)
declare("discussion.Report", field="reporter", kind="reports_made", erase=Erasure.DELETE)
declare("discussion.Report", field="resolved_by", kind="reports_resolved", erase=Erasure.ANONYMISE)
declare(
    "discussion.ModerationAction",
    field="moderator",
    kind="moderation_actions",
    erase=Erasure.KEEP,
    reason="The moderation log is kept whole so decisions can be reviewed.",
)
declare(
    "discussion.HiddenThing",
    field="hidden_by",
    kind="things_hidden",
    erase=Erasure.ANONYMISE,
)
