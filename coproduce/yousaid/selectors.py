"""Reads for council responses: the public lists, one response with its history, the
responses to one item, and who may be asked to own one."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from .models import CouncilResponse, ResponseChange
from .permissions import OWN

OVERDUE = "overdue"


def responses_listed(*, ward=None, service=None, status: str = "") -> QuerySet[CouncilResponse]:
    """Responses, newest first, for a ward or a service if given. `status` is one of the
    statuses, or "overdue" (planned or in progress, and past the day it was due)."""
    found = CouncilResponse.objects.select_related("ward", "service", "owner__profile").order_by(
        "-created_at", "-pk"
    )
    if ward is not None:
        found = found.filter(ward=ward)
    if service is not None:
        found = found.filter(service=service)
    if status == OVERDUE:
        found = found.filter(
            status__in=CouncilResponse.OPEN_STATUSES, due_on__lt=timezone.localdate()
        )
    elif status:
        found = found.filter(status=status)
    return found


def responses_to(*, source: str, item_id: int) -> list[CouncilResponse]:
    return list(
        CouncilResponse.objects.filter(source=source, item_id=item_id)
        .select_related("owner__profile")
        .order_by("-created_at", "-pk")
    )


def response_detail(pk: int) -> CouncilResponse | None:
    return (
        CouncilResponse.objects.select_related(
            "ward", "service", "owner__profile", "owner_invited__profile"
        )
        .prefetch_related(
            Prefetch(
                "changes",
                queryset=ResponseChange.objects.select_related("by__profile", "person__profile"),
            )
        )
        .filter(pk=pk)
        .first()
    )


def possible_owners() -> QuerySet:
    """Active council officers, who may be asked to own a response."""
    app_label, codename = OWN.split(".")
    permission = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permission)
            | Q(groups__permissions__in=permission)
        )
        .select_related("profile")
        .distinct()
        .order_by("display_name", "pk")
    )


def invitations_for(user) -> QuerySet[CouncilResponse]:
    return CouncilResponse.objects.filter(owner_invited=user).order_by("due_on", "pk")


def owned_by(user) -> QuerySet[CouncilResponse]:
    return CouncilResponse.objects.filter(owner=user).order_by("status", "due_on", "pk")
