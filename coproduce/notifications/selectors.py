from django.contrib.auth import get_user_model
from django.db.models import QuerySet, Subquery

from coproduce.mailing.selectors import suppressed_expression

from . import kinds
from .models import Notification, NotificationPreference


def unread_count_for(user) -> int:
    """How many of this person's notifications they have not read yet."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def notifications_for(user) -> QuerySet[Notification]:
    """This person's notifications, newest first."""
    return Notification.objects.filter(recipient=user).order_by("-created_at", "-pk")


def email_choice_for(user, kind: str) -> tuple[kinds.Frequency, bool]:
    """How this person wants this kind emailed (their choice, or the kind's default), and
    whether a bounce or complaint stops email to their address, in one query: `notify` asks
    both for every notification."""
    chosen = NotificationPreference.objects.filter(user=user, kind=kind).values("frequency")[:1]
    frequency, suppressed = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .values_list(Subquery(chosen), suppressed_expression(user.email))
        .get()
    )
    return (kinds.Frequency(frequency) if frequency else kinds.get(kind).default), suppressed


def preferences_for(user) -> dict[str, kinds.Frequency]:
    """Every registered kind with how this person wants it emailed."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("kind", "frequency"))
    return {
        kind.slug: kinds.Frequency(chosen.get(kind.slug, kind.default))
        for kind in kinds.all_kinds()
    }
