"""What notifications holds about a person (see coproduce/personal_data/registry.py)."""

import re

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.personal_data.registry import ClosingChoices, Erasure, declare
from coproduce.personal_data.retention import declare_retention

from .models import Notification


def _erase_notifications(user, choices: ClosingChoices) -> None:
    """A person's own notifications go; in other people's, their name becomes "a former
    member". Only the whole name is replaced, so a namesake's may change too: better than
    leaving the name of someone who asked to be forgotten."""
    Notification.objects.filter(recipient=user).delete()
    name = user.display_name.strip()
    if len(name) < 3:
        return
    pattern = re.compile(rf"\b{re.escape(name)}\b")
    former = str(_("A former member"))
    changed = []
    naming = Notification.objects.filter(Q(title__contains=name) | Q(body__contains=name))
    for notification in naming.only("pk", "title", "body").iterator(chunk_size=500):
        title = pattern.sub(former, notification.title)
        body = pattern.sub(former, notification.body)
        if (title, body) != (notification.title, notification.body):
            notification.title, notification.body = title, body
            changed.append(notification)
    Notification.objects.bulk_update(changed, ["title", "body"], batch_size=500)


declare(
    "notifications.Notification",
    field="recipient",
    kind="notifications",
    erase=Erasure.CUSTOM,
    erase_with=_erase_notifications,
)
declare(
    "notifications.NotificationPreference",
    field="user",
    kind="notification_preferences",
    erase=Erasure.DELETE,
)


def _forget_old_notifications(cutoff) -> int:
    return (
        Notification.objects.filter(created_at__lt=cutoff)
        .delete()[1]
        .get(Notification._meta.label, 0)
    )


declare_retention(
    "old_notifications",
    period="notifications_days",
    what=_("Notifications, read or not"),
    apply=_forget_old_notifications,
)
