"""Every write to notifications goes through here, except when one was emailed
(`emails.notifications_emailed_mark`, which the email worker calls too). `notify` is what
other features call."""

from datetime import datetime

from django.contrib.auth import get_user_model
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from coproduce.common.email import absolute_url, email_queue

from . import kinds, selectors, tokens
from .emails import (
    can_email,
    notification_email_queue,
    notifications_emailed_mark,
    unsubscribe_headers,
)
from .kinds import Frequency
from .models import Notification, NotificationPreference


def notify(*, recipient, kind: str, title: str, body: str = "", url: str = "") -> Notification:
    """Tell one person something: in the service always, and by email as they prefer.

    Raises ValueError for a kind nobody registered. An email "straight away" is queued once
    this transaction commits, and the worker records when it went (`notifications_emailed_mark`);
    "daily" ones wait for the digest; "never" ones are not emailed.
    """
    kind_info = kinds.get(kind)
    # No savepoint: callers are services inside their own transaction (often holding a lock,
    # as on an event's places), and a savepoint costs two more round trips to the database.
    # A database error here still undoes the whole of the caller's transaction.
    with transaction.atomic(savepoint=False):
        frequency, suppressed = selectors.email_choice_for(recipient, kind_info.slug)
        emailing = frequency == Frequency.IMMEDIATELY and can_email(
            recipient, suppressed=suppressed
        )
        notification = Notification.objects.create(
            recipient=recipient,
            kind=kind_info.slug,
            title=title[:200],
            body=body,
            url=url,
            email_frequency=frequency,
        )
        if emailing:
            notification_email_queue(notification=notification)
    return notification


@transaction.atomic
def notification_mark_read(*, notification: Notification) -> Notification:
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def notifications_mark_all_read(*, user) -> int:
    """Mark every unread notification of this person as read; returns how many."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


@transaction.atomic
def notification_preference_set(*, user, kind: str, frequency: Frequency) -> None:
    kinds.get(kind)  # refuses unknown kinds
    NotificationPreference.objects.update_or_create(
        user=user, kind=kind, defaults={"frequency": Frequency(frequency)}
    )


def unsubscribe(*, user, kind: str) -> None:
    """Stop emails of this kind. Notifications still appear in the service."""
    notification_preference_set(user=user, kind=kind, frequency=Frequency.NEVER)


@transaction.atomic
def unsubscribe_by_token(*, token: str):
    """Unsubscribe from the link in an email, without signing in.

    Returns (user, kind), where kind is None for the daily summary as a whole.
    """
    data = tokens.read(token)
    user = get_user_model().objects.filter(pk=data.user_id).first()
    if user is None:
        raise tokens.BadUnsubscribeToken(token)
    if data.kind == tokens.DAILY_SUMMARY:
        # From a daily summary: stop the summary, so every kind now in it.
        for slug, frequency in selectors.preferences_for(user).items():
            if frequency == Frequency.DAILY:
                unsubscribe(user=user, kind=slug)
        return user, None
    kind = kinds.get(data.kind)
    unsubscribe(user=user, kind=kind.slug)
    return user, kind


def digests_send(*, now: datetime | None = None) -> int:
    """Send each person one email with their daily notifications not yet emailed.

    Each person's digest is its own transaction; their rows are locked and marked emailed in
    it, so two workers running at once never send the same notification twice, and running
    again straight after sends nothing. Returns the number of digests sent.
    """
    now = now or timezone.now()
    pending = Notification.objects.filter(email_frequency=Frequency.DAILY, emailed_at__isnull=True)
    recipient_ids = list(pending.order_by().values_list("recipient_id", flat=True).distinct())
    sent = 0
    for recipient_id in recipient_ids:
        with transaction.atomic():
            rows = list(
                pending.filter(recipient_id=recipient_id, created_at__lte=now)
                .select_for_update(skip_locked=True)
                .order_by("created_at", "pk")
            )
            if not rows:
                continue
            user = get_user_model().objects.get(pk=recipient_id)
            notifications_emailed_mark(ids=[n.pk for n in rows], at=now)
            if not can_email(user):
                continue
            link, headers = unsubscribe_headers(user_id=user.pk, kind=tokens.DAILY_SUMMARY)
            email_queue(
                to=user.email,
                template_base="notifications/email/digest",
                context={
                    "user": user,
                    "notifications": rows,
                    "list_link": absolute_url(reverse("notifications:list")),
                    "preferences_link": absolute_url(reverse("notifications:preferences")),
                    "unsubscribe_link": link,
                },
                headers=headers,
            )
            sent += 1
    return sent
