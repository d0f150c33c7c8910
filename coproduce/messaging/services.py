"""Writes for messages: writing to a thing's team, replying, reading, and sharing email."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.services import notify
from coproduce.people.naming import name_for

from .kinds import MESSAGES
from .models import Message, Participant, Thread
from .protection import refuse_if_protected
from .topics import Topic, get

LONGEST_MESSAGE = 2000


def signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def _clean(body: str) -> str:
    body = (body or "").strip()
    if not body:
        raise Refusal(_("Write your message."), field="body")
    if len(body) > LONGEST_MESSAGE:
        raise Refusal(_("Write %(n)d characters or fewer.") % {"n": LONGEST_MESSAGE}, field="body")
    return body


def _join(thread: Thread, people) -> None:
    """Add these people to the thread, once each."""
    present = set(thread.participants.values_list("user_id", flat=True))
    new = {person.pk: person for person in people if person.pk not in present}
    # Nobody protected from direct contact is brought into a thread (protection.py).
    refuse_if_protected(new.values())
    Participant.objects.bulk_create(
        [Participant(thread=thread, user=person) for person in new.values()]
    )


def _team_now(thread: Thread) -> list:
    """The thing's team as it is today (owners change), or nobody if the thing is gone."""
    topic = get(thread.topic)
    subject = thread.subject if topic is not None else None
    if subject is None:
        return []
    return [person for person in topic.team(subject) if person.is_active]


def _post(thread: Thread, sender, body: str) -> Message:
    message = Message.objects.create(thread=thread, sender=sender, body=body)
    thread.last_message_at = message.sent_at
    thread.save(update_fields=["last_message_at", "updated_at"])
    Participant.objects.filter(thread=thread, user=sender).update(last_read_at=message.sent_at)
    url = reverse("messaging:thread", args=[thread.pk])
    others = (
        thread.participants.exclude(user=sender).filter(user__is_active=True).select_related("user")
    )
    for participant in others:
        notify(
            recipient=participant.user,
            kind=MESSAGES.slug,
            title=_("%(name)s sent you a message about %(subject)s")
            % {"name": name_for(sender, participant.user), "subject": thread.subject_title},
            body=body,
            url=url,
        )
    return message


def _write_in_thread(topic: Topic, subject, *, member, team: list, sender, body: str) -> Thread:
    """The one thread of `member` about `subject` (made if new), with the team in it, and the
    message posted by `sender` (the member, or someone on the team)."""
    body = _clean(body)
    thread, _created = Thread.objects.get_or_create(
        subject_type=ContentType.objects.get_for_model(subject),
        subject_id=subject.pk,
        member=member,
        defaults={
            "topic": topic.slug,
            "subject_title": str(topic.title(subject))[:200],
            "subject_url": topic.url(subject)[:300],
            "last_message_at": timezone.now(),
        },
    )
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    _join(thread, [member, *team])
    _post(thread, sender, body)
    return thread


@transaction.atomic
def thread_start(*, user, topic: Topic, subject, body: str) -> Thread:
    """Write to the team of a thing (its owners, organisers or giver).

    One thread per person and thing: writing again adds to the same thread. Everyone in it
    is told, as they chose; nobody sees an email address.
    """
    if not signed_in(user):
        raise NotAllowed(_("Sign in to send a message."))
    if not topic.visible(user, subject) or not topic.may_write(user, subject):
        raise NotAllowed(_("You cannot send a message about this."))
    team = [person for person in topic.team(subject) if person.is_active]
    refuse_if_protected([user, *team])
    if any(person.pk == user.pk for person in team):
        raise Refusal(_("You look after this. When people write to you, you will see it here."))
    if not team:
        raise Refusal(_("There is nobody to write to about this just now."))
    return _write_in_thread(topic, subject, member=user, team=team, sender=user, body=body)


@transaction.atomic
def thread_start_with_member(*, user, topic: Topic, subject, member, body: str) -> Thread:
    """A member of a thing's team writes first to someone who may write to the team (a
    helper the owners accepted), in the same thread that person would have started.

    Only people who are already welcome to write can be written to, so nobody is contacted
    who did not first offer; the team never sees their email address."""
    if not signed_in(user):
        raise NotAllowed(_("Sign in to send a message."))
    team = [person for person in topic.team(subject) if person.is_active]
    if not topic.visible(user, subject) or not any(p.pk == user.pk for p in team):
        raise NotAllowed(_("Only the people who look after this can start a message here."))
    if member is None or not member.is_active or member.pk == user.pk:
        raise NotAllowed(_("You cannot send a message to this person."))
    if not topic.may_write(member, subject):
        raise NotAllowed(_("You can write only to people who are helping with this."))
    refuse_if_protected([member])
    return _write_in_thread(topic, subject, member=member, team=team, sender=user, body=body)


def _participant(thread: Thread, user) -> Participant:
    participant = (
        Participant.objects.filter(thread=thread, user=user).first() if signed_in(user) else None
    )
    if participant is None:
        raise NotAllowed(_("Only the people in this conversation can do that."))
    return participant


@transaction.atomic
def message_send(*, user, thread: Thread, body: str) -> Message:
    """Reply in a thread. Only its participants may; the others are told."""
    thread = Thread.objects.select_for_update().get(pk=thread.pk)
    _participant(thread, user)
    body = _clean(body)
    refuse_if_protected(
        [p.user for p in thread.participants.select_related("user") if p.user is not None]
    )
    _join(thread, _team_now(thread))
    if not thread.participants.exclude(user=user).filter(user__is_active=True).exists():
        raise Refusal(_("Nobody else is in this conversation any more."))
    return _post(thread, user, body)


@transaction.atomic
def thread_mark_read(*, user, thread: Thread) -> None:
    """Everything in the thread so far counts as read by this person."""
    participant = _participant(thread, user)
    participant.last_read_at = timezone.now()
    participant.save(update_fields=["last_read_at", "updated_at"])


@transaction.atomic
def email_share(*, user, thread: Thread, share: bool = True) -> Participant:
    """Agree (or stop agreeing) to show my email address in this thread.

    Two people see each other's address only when both have agreed; the time is kept.
    """
    participant = _participant(thread, user)
    if share and not user.has_email:
        raise Refusal(_("Your account has no email address to share."))
    participant.email_shared_at = timezone.now() if share else None
    participant.save(update_fields=["email_shared_at", "updated_at"])
    return participant
