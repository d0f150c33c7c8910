"""The audit log of staff actions: who did what to whom, and when. Rows are only ever added.

An entry keeps the actor's email as it was, so the log still says who acted after their
account is gone (the link to the account is then emptied by the database, not by `save()`).
"""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnly(Exception):
    """An audit entry was to be changed or removed: the log only grows."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("Audit entries cannot be changed.")

    def delete(self):
        raise AppendOnly("Audit entries cannot be removed.")


class AuditEntry(models.Model):
    when = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    actor_email = models.CharField(_("who, as they were then"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=64, db_index=True)
    target = models.CharField(_("what or whom"), max_length=300, blank=True)
    detail = models.JSONField(_("detail"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        ordering = ["-when", "-pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")
        # Permissions hang on a model; these two are about staff accounts as a whole.
        permissions = [
            ("see_audit_log", _("Can see and export the audit log of staff actions")),
            ("sign_in_as_staff", _("Signs in as staff, so must use a second factor")),
        ]

    def __str__(self) -> str:
        return f"{self.when:%Y-%m-%d %H:%M} {self.actor_email or '-'} {self.action} {self.target}"

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise AppendOnly("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("Audit entries cannot be removed.")


class ApiToken(models.Model):
    """An officer's key to write through the API (ADR 0033). It acts as its officer, with the
    permissions they hold at the time of each request.

    Only a hash of the token is kept: `prefix` finds the row, `digest` (SHA-256 of the whole
    token) proves it. The token itself is shown once, when it is made.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("officer"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(_("name"), max_length=100)
    prefix = models.CharField(_("prefix"), max_length=16, unique=True)
    digest = models.CharField(_("hash"), max_length=64)
    created_at = models.DateTimeField(_("made"), default=timezone.now)
    expires_at = models.DateTimeField(_("stops working"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        permissions = [("write_through_api", _("Can make API tokens and write through the API"))]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix})"

    def works_at(self, moment) -> bool:
        return self.revoked_at is None and (self.expires_at is None or moment < self.expires_at)
