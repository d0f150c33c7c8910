from django.conf import settings
from django.db.models import QuerySet

from . import registry
from .models import DataExport
from .registry import Blocker


def exports_of(user) -> QuerySet[DataExport]:
    """A person's own recent downloads of their data (not those officers asked for)."""
    return DataExport.objects.filter(person=user, recipient=user).defer("content")[:5]


def export_days() -> int:
    return settings.RETENTION["data_exports_days"]


def closing_blockers(user) -> list[Blocker]:
    """What stands in the way of this person closing their account, with where to fix it."""
    return registry.closing_blockers(user)


def safeguarding_years() -> int:
    return max(1, settings.RETENTION["safeguarding_days"] // 365)


def subject_access_exports(officer) -> QuerySet[DataExport]:
    """The recent subject access requests this officer made."""
    return (
        DataExport.objects.filter(recipient=officer)
        .exclude(person=officer)
        .defer("content")
        .order_by("-created_at", "-pk")[:20]
    )
