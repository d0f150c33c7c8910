"""Reads for messages: a person's threads with unread marks, one thread, who sees whose email."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from .models import Message, Participant, Thread


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated


def threads_for(user) -> QuerySet[Thread]:
    """The threads this person is in, newest first, each with `unread` (a message from
    someone else since they last read it)."""
    if not _signed_in(user):
        return Thread.objects.none()
    mine = Participant.objects.filter(thread=OuterRef("pk"), user=user)
    read_at = Subquery(mine.values("last_read_at")[:1])
    newer = Message.objects.filter(thread=OuterRef("pk")).exclude(sender=user)
    unread = Exists(newer.filter(Q(sent_at__gt=OuterRef("my_read_at"))))
    never_read = Exists(newer) & Q(my_read_at__isnull=True)
    return (
        Thread.objects.filter(Exists(mine))
        .annotate(my_read_at=read_at)
        .annotate(unread=unread | never_read)
        .select_related("member__profile")
        .order_by("-last_message_at", "-pk")
    )


def unread_count(user) -> int:
    """How many of this person's threads have something they have not read."""
    if not _signed_in(user):
        return 0
    return threads_for(user).filter(unread=True).count()


def thread_for(*, pk: int, user) -> Thread | None:
    """The thread with its people and messages, only for someone in it."""
    if not _signed_in(user):
        return None
    return (
        Thread.objects.filter(pk=pk, participants__user=user)
        .prefetch_related(
            Prefetch("participants", queryset=Participant.objects.select_related("user__profile")),
            Prefetch("messages", queryset=Message.objects.select_related("sender__profile")),
        )
        .first()
    )


@dataclass(frozen=True)
class Person:
    """Someone else in the thread, as the viewer sees them."""

    user: object  # None once their account is closed
    email: str  # only when both agreed to share


def thread_view(thread: Thread, viewer) -> tuple[Participant, list[Person]]:
    """The viewer's own place in the thread, and the others with what the viewer may see."""
    participants = list(thread.participants.all())
    me = next(p for p in participants if p.user_id == viewer.pk)
    others = []
    for participant in participants:
        if participant.user_id == viewer.pk:
            continue
        user = participant.user if participant.user and participant.user.is_active else None
        both = me.email_shared_at is not None and participant.email_shared_at is not None
        email = user.email if user is not None and both and user.has_email else ""
        others.append(Person(user=user, email=email))
    return me, others


def thread_of_member(*, subject, user) -> Thread | None:
    """This person's own thread about a thing, if they have started one."""
    if not _signed_in(user):
        return None
    return Thread.objects.filter(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        member=user,
    ).first()
