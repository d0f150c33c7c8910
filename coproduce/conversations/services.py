"""Every write to conversations goes through here.

Votes: one row per participant per statement (a unique constraint), the last answer counts,
and a statement's counters change in the same transaction with F() expressions, under a lock
on the participant, so they always equal the votes. Each vote asks for a fresh analysis, which
runs as a task at most once a minute per conversation (`analysis_request`).
"""

from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.discussion.kinds import MODERATION
from coproduce.notifications.services import notify

from . import permissions
from .models import (
    STATEMENT_MAX,
    Conversation,
    OpinionSnapshot,
    Participant,
    SignedLink,
    Statement,
    Vote,
)

COUNTER = {Vote.Value.AGREE: "agree_count", Vote.Value.DISAGREE: "disagree_count"}
COUNTER[Vote.Value.PASS] = "pass_count"


def _counter(value: int) -> str:
    return COUNTER[Vote.Value(value)]


# Opening and running a conversation -------------------------------------------------------


@transaction.atomic
def conversation_open(
    *,
    by,
    question: str,
    description: str,
    scope: str,
    ward=None,
    project=None,
    series=None,
    group=None,
    adding: str = Conversation.Adding.EVERYONE,
    seeds_wait: bool = False,
) -> Conversation:
    """Start a conversation, being set up (a draft) until its owner opens it to everyone.

    Refuses anyone who may not open one for what it is about, and a scope without its ward,
    project or series."""
    if scope not in Conversation.Scope.values:
        raise Refusal(_("Choose who the conversation is for."), field="scope")
    needed = {"ward": ward, "project": project, "series": series}.get(scope, True)
    if needed is None:
        raise Refusal(_("Choose which one it is for."), field=scope)
    if not permissions.can_open_for(by, scope=scope, project=project, series=series):
        raise NotAllowed(_("You cannot open a conversation for that."))
    if group is not None and not (
        permissions.is_officer(by) or permissions.organises_group(by, group.pk)
    ):
        raise Refusal(_("Choose a group you organise."), field="group")
    question, description = question.strip(), description.strip()
    if not question:
        raise Refusal(_("Enter the question."), field="question")
    if adding not in Conversation.Adding.values:
        raise Refusal(_("Choose who may add statements."), field="adding")
    return Conversation.objects.create(
        question=question[:200],
        description=description[:1000],
        scope=scope,
        ward=ward if scope == Conversation.Scope.WARD else None,
        project=project if scope == Conversation.Scope.PROJECT else None,
        series=series if scope == Conversation.Scope.SERIES else None,
        group=group,
        opened_by=by,
        adding=adding,
        seeds_wait=seeds_wait,
    )


def _managed(by, conversation: Conversation) -> Conversation:
    """The conversation locked for a change by someone who runs it."""
    if not permissions.can_manage(by, conversation):
        raise NotAllowed(_("Only the people running this conversation can do that."))
    return Conversation.objects.select_for_update().get(pk=conversation.pk)


@transaction.atomic
def conversation_publish(*, by, conversation: Conversation) -> Conversation:
    """Open a conversation being set up, or closed, to everyone. It needs two statements."""
    conversation = _managed(by, conversation)
    if conversation.status == Conversation.Status.OPEN:
        raise Refusal(_("The conversation is already open."))
    shown = conversation.statements.filter(status=Statement.Status.SHOWN).count()
    if shown < 2:
        raise Refusal(_("Add at least two statements before you open it."))
    conversation.status = Conversation.Status.OPEN
    conversation.opened_at = conversation.opened_at or timezone.now()
    conversation.closed_at = None
    conversation.save(update_fields=["status", "opened_at", "closed_at", "updated_at"])
    return conversation


@transaction.atomic
def conversation_close(*, by, conversation: Conversation) -> Conversation:
    """Stop taking votes and statements. The results stay, and it can be opened again."""
    conversation = _managed(by, conversation)
    if conversation.status != Conversation.Status.OPEN:
        raise Refusal(_("Only an open conversation can be closed."))
    conversation.status = Conversation.Status.CLOSED
    conversation.closed_at = timezone.now()
    conversation.save(update_fields=["status", "closed_at", "updated_at"])
    return conversation


# Statements -------------------------------------------------------------------------------


def _clean_text(text: str) -> str:
    text = " ".join(text.split())
    if not text:
        raise Refusal(_("Enter your statement."), field="text")
    if len(text) > STATEMENT_MAX:
        raise Refusal(
            _("Your statement must be %(limit)d characters or fewer.") % {"limit": STATEMENT_MAX},
            field="text",
        )
    return text


def _create_statement(**fields) -> Statement:
    try:
        with transaction.atomic():
            return Statement.objects.create(**fields)
    except IntegrityError:
        raise Refusal(_("Someone has already said that here."), field="text") from None


@transaction.atomic
def statement_seed(*, by, conversation: Conversation, text: str) -> Statement:
    """A statement by someone running the conversation: shown at once, unless the
    conversation says seeds wait for a moderator too."""
    if not permissions.can_manage(by, conversation):
        raise NotAllowed(_("Only the people running this conversation can add seed statements."))
    if conversation.status == Conversation.Status.CLOSED:
        raise Refusal(_("The conversation is closed."))
    text = _clean_text(text)
    status = Statement.Status.WAITING if conversation.seeds_wait else Statement.Status.SHOWN
    return _create_statement(
        conversation=conversation,
        text=text,
        author=by,
        is_seed=True,
        status=status,
        moderated_at=None if conversation.seeds_wait else timezone.now(),
    )


def statement_refusal(*, user, conversation: Conversation) -> str | None:
    """Why this person may not add a statement of their own here, or None if they may."""
    if user is None or not user.is_authenticated:
        return _("Sign in to add a statement.")
    if not user.is_active:
        return _("Your account cannot add statements.")
    if not conversation.is_open:
        return _("The conversation is not open.")
    if conversation.adding != Conversation.Adding.EVERYONE and not permissions.can_manage(
        user, conversation
    ):
        return _("Only the people running this conversation add statements to it.")
    return None


@transaction.atomic
def statement_add(*, by, conversation: Conversation, text: str) -> Statement:
    """A participant's own statement. It waits for a moderator before anyone else sees it
    (the author sees it as waiting); one by someone running it is a seed."""
    refusal = statement_refusal(user=by, conversation=conversation)
    if refusal:
        raise NotAllowed(refusal)
    if permissions.can_manage(by, conversation):
        return statement_seed(by=by, conversation=conversation, text=text)
    return _create_statement(
        conversation=conversation,
        text=_clean_text(text),
        author=by,
        is_seed=False,
        status=Statement.Status.WAITING,
    )


@transaction.atomic
def statement_decide(*, moderator, pk: int, approve: bool, reason: str) -> str:
    """A moderator's yes or no on a waiting statement; the author is told. Returns its text.

    Called by discussion's moderation queue (discussion.services.waiting_decide), which checks
    the moderator and writes the moderation log in the same transaction."""
    if not permissions.can_moderate(moderator):
        raise NotAllowed(_("Only moderators can do that."))
    statement = (
        Statement.objects.select_for_update(of=("self",))
        .select_related("conversation", "author")
        .filter(pk=pk)
        .first()
    )
    if statement is None or statement.status != Statement.Status.WAITING:
        raise Refusal(_("That statement has already been dealt with."))
    statement.status = Statement.Status.SHOWN if approve else Statement.Status.REJECTED
    statement.moderated_at = timezone.now()
    statement.moderation_reason = "" if approve else reason[:500]
    statement.save(update_fields=["status", "moderated_at", "moderation_reason", "updated_at"])
    author = statement.author
    if author is not None and author.is_active and author.pk != moderator.pk:
        question = statement.conversation.question
        title = (
            _("Your statement is now shown in “%(question)s”")
            if approve
            else _("A moderator did not show your statement in “%(question)s”")
        )
        notify(
            recipient=author,
            kind=MODERATION.slug,
            title=title % {"question": question},
            body="" if approve else _("Reason: %(reason)s") % {"reason": reason},
            url=reverse("conversations:detail", args=[statement.conversation_id]),
        )
    return statement.text


# Taking part ------------------------------------------------------------------------------


def participant_for_user(*, user, conversation: Conversation) -> Participant:
    """The account's participant in this conversation, made on its first vote."""
    participant, _created = Participant.objects.get_or_create(conversation=conversation, user=user)
    return participant


@transaction.atomic
def link_join(*, link: SignedLink) -> Participant:
    """A new participant without an account, through a link that is still open."""
    link = SignedLink.objects.select_for_update().select_related("conversation").get(pk=link.pk)
    if link.is_closed:
        raise Refusal(_("This link has been closed. Ask the person who gave it to you."))
    if not link.conversation.is_open:
        raise Refusal(_("The conversation is not open."))
    participant = Participant.objects.create(conversation=link.conversation, link=link)
    SignedLink.objects.filter(pk=link.pk).update(joined=F("joined") + 1)
    return participant


@transaction.atomic
def link_create(*, by, conversation: Conversation, kind: str, label: str) -> SignedLink:
    """A link to hand out in a street or at a meeting, to take part without an account."""
    if not permissions.can_manage(by, conversation):
        raise NotAllowed(_("Only the people running this conversation can make links."))
    if kind not in SignedLink.Kind.values:
        raise Refusal(_("Choose where the link will be used."), field="kind")
    label = " ".join(label.split())
    if not label:
        raise Refusal(_("Enter a name for the link."), field="label")
    if conversation.status == Conversation.Status.CLOSED:
        raise Refusal(_("The conversation is closed."))
    return SignedLink.objects.create(
        conversation=conversation,
        kind=kind,
        label=label[:120],
        created_by=by,
    )


@transaction.atomic
def link_close(*, by, link: SignedLink) -> SignedLink:
    """Nobody new can join through the link; those who joined carry on."""
    if not permissions.can_manage(by, link.conversation):
        raise NotAllowed(_("Only the people running this conversation can close links."))
    link = SignedLink.objects.select_for_update().get(pk=link.pk)
    if link.is_closed:
        raise Refusal(_("That link is already closed."))
    link.closed_at = timezone.now()
    link.save(update_fields=["closed_at", "updated_at"])
    return link


@transaction.atomic
def vote_record(*, participant: Participant, statement: Statement, value: int) -> Vote:
    """Record (or change) a participant's answer to a shown statement of an open conversation.

    Guarantees one Vote per participant per statement and counters equal to the votes, however
    many requests arrive at once: the participant row is locked, the unique constraint catches
    a race the lock cannot (SQLite), and counters move with F() in the same transaction."""
    if value not in Vote.Value.values:
        raise Refusal(_("Choose agree, disagree or pass."))
    if statement.conversation_id != participant.conversation_id:
        raise Refusal(_("That statement is not in this conversation."))
    conversation = statement.conversation
    if not conversation.is_open:
        raise Refusal(_("The conversation is not open, so it does not take votes."))
    if statement.status != Statement.Status.SHOWN:
        raise Refusal(_("That statement is not shown, so it does not take votes."))
    Participant.objects.select_for_update().filter(pk=participant.pk).first()
    vote = Vote.objects.filter(participant=participant, statement=statement).first()
    if vote is None:
        try:
            with transaction.atomic():
                vote = Vote.objects.create(
                    conversation_id=conversation.pk,
                    participant=participant,
                    statement=statement,
                    value=value,
                )
        except IntegrityError:
            vote = Vote.objects.select_for_update().get(
                participant=participant, statement=statement
            )
        else:
            Statement.objects.filter(pk=statement.pk).update(
                **{_counter(value): F(_counter(value)) + 1}
            )
            analysis_request(conversation_id=conversation.pk)
            return vote
    if vote.value != value:
        old = vote.value
        Vote.objects.filter(pk=vote.pk).update(value=value, updated_at=timezone.now())
        Statement.objects.filter(pk=statement.pk).update(
            **{_counter(value): F(_counter(value)) + 1, _counter(old): F(_counter(old)) - 1}
        )
        vote.value = value
        analysis_request(conversation_id=conversation.pk)
    return vote


# The analysis -----------------------------------------------------------------------------


def analysis_request(*, conversation_id: int) -> bool:
    """Ask for the opinion groups to be worked out again, once this transaction commits.

    At most one analysis waits per conversation, and it runs no sooner than a minute after
    the last one (on a task backend that can defer; tests run it at once). Returns whether
    one was queued now."""
    queued = Conversation.objects.filter(pk=conversation_id, analysis_pending=False).update(
        analysis_pending=True
    )
    if not queued:
        return False
    if _analysis_queue is not None:
        transaction.on_commit(lambda: _analysis_queue(conversation_id))
    return True


# How an analysis is queued: tasks.analysis_enqueue, plugged in by the app's ready(). The
# tasks module imports this one (its task saves the snapshot here), so this one cannot
# import it back.
_analysis_queue: Callable[[int], None] | None = None


def analysis_queue_set(queue: Callable[[int], None] | None) -> None:
    global _analysis_queue
    _analysis_queue = queue


def analysis_start(*, conversation_id: int) -> bool:
    """The analysis is starting: votes from now on ask for another run, so none is missed
    between reading the votes and saving the result. False if the conversation is gone."""
    return bool(Conversation.objects.filter(pk=conversation_id).update(analysis_pending=False))


@transaction.atomic
def snapshot_save(*, conversation_id: int, data: dict) -> OpinionSnapshot:
    """Keep an analysis (snapshot_data.snapshot_from) as the conversation's latest snapshot."""
    now = timezone.now()
    snapshot, _created = OpinionSnapshot.objects.update_or_create(
        conversation_id=conversation_id,
        defaults={
            "data": data,
            "computed_at": now,
            "votes": data.get("votes", 0),
            "participants": data.get("participants", 0),
        },
    )
    Conversation.objects.filter(pk=conversation_id).update(analysed_at=now)
    return snapshot
