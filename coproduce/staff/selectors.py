"""Reads of the audit log and of second factors."""

from dataclasses import dataclass
from datetime import date

from django.db.models import QuerySet
from django_otp.plugins.otp_totp.models import TOTPDevice

from .models import ApiToken, AuditEntry


@dataclass(frozen=True)
class AuditFilters:
    action: str = ""
    who: str = ""
    target: str = ""
    since: date | None = None
    until: date | None = None


def audit_entries(filters: AuditFilters) -> QuerySet[AuditEntry]:
    """Entries newest first. An action matches by its start ("moderation" finds every kind);
    days are London days, both ends included."""
    entries = AuditEntry.objects.order_by("-when", "-pk")
    if filters.action:
        entries = entries.filter(action__istartswith=filters.action)
    if filters.who:
        entries = entries.filter(actor_email__icontains=filters.who)
    if filters.target:
        entries = entries.filter(target__icontains=filters.target)
    if filters.since:
        entries = entries.filter(when__date__gte=filters.since)
    if filters.until:
        entries = entries.filter(when__date__lte=filters.until)
    return entries


def has_second_factor(user) -> bool:
    """Whether the person has set up an authenticator app."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def api_tokens_of(user) -> QuerySet[ApiToken]:
    """The person's API tokens, newest first, revoked ones too (they show when they stopped)."""
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-pk")


def api_token_of(user, pk: int) -> ApiToken | None:
    return ApiToken.objects.filter(user=user, pk=pk).first()
