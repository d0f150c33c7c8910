"""The time bank: a double-entry ledger of hours, offers and requests, and buddying.

Every transfer of time is two postings that sum to zero. Postings are written once, by
`services.transfer_post`, and never changed or deleted: a mistake is put right by a new
transfer that reverses it. Amounts are whole minutes, so nothing is ever rounded.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.groups.models import Organisation
from coproduce.people.naming import name_for

from . import numbers

# Limits a new account starts with: 10 hours into debt, 50 hours in credit.
DEFAULT_MIN_BALANCE = -10 * 60
DEFAULT_MAX_BALANCE = 50 * 60


class LedgerIsAppendOnly(Exception):
    """Raised by any attempt to change or delete a posting."""


class Account(TimeStampedModel):
    """Hours held by one person or one group. Exactly one of the two owners is set."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,  # the ledger outlives nobody's history
        null=True,
        blank=True,
        related_name="time_account",
    )
    organisation = models.OneToOneField(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="time_account",
    )
    # Minutes. min is how far into debt the account may go (0 or less), max its credit cap.
    min_balance = models.IntegerField(_("lowest balance, in minutes"), default=DEFAULT_MIN_BALANCE)
    max_balance = models.IntegerField(_("highest balance, in minutes"), default=DEFAULT_MAX_BALANCE)
    # A cache of the sum of this account's postings, written in the same transaction as them.
    balance = models.IntegerField(_("balance, in minutes"), default=0, editable=False)
    # Not the key: a random number with a check digit, so numbers cannot be guessed in turn.
    number = models.CharField(
        _("account number"),
        max_length=numbers.LENGTH,
        unique=True,
        default=numbers.new_number,
        editable=False,
    )

    class Meta:
        ordering = ["pk"]
        permissions = [("coordinate", "Coordinate the time bank")]
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=False) & Q(organisation__isnull=True))
                | (Q(user__isnull=True) & Q(organisation__isnull=False)),
                name="timebank_account_one_owner",
            ),
            models.CheckConstraint(
                condition=Q(min_balance__lte=0) & Q(max_balance__gte=0),
                name="timebank_account_limits_around_zero",
            ),
            # The last line of defence: the database itself refuses a balance past a limit.
            models.CheckConstraint(
                condition=Q(balance__gte=F("min_balance")) & Q(balance__lte=F("max_balance")),
                name="timebank_account_balance_within_limits",
            ),
        ]

    def __str__(self) -> str:
        return self.holder_name

    @property
    def holder_name(self) -> str:
        """The holder's name as anyone may see it: a person hidden from visitors is neutral."""
        return self.holder_name_for(None)

    def holder_name_for(self, viewer) -> str:
        """The holder's name as `viewer` may see it, by the one rule in people/naming.py."""
        if self.organisation_id:
            return self.organisation.name
        return name_for(self.user, viewer)


class Transfer(TimeStampedModel):
    """Time given by the holder of `to_account` to the holder of `from_account`.

    The helper's account is credited (`to_account`) and the helped person's debited
    (`from_account`). A pending transfer has no postings; a posted one has exactly two.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for confirmation")
        POSTED = "posted", _("Confirmed")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")

    from_account = models.ForeignKey(
        Account, on_delete=models.PROTECT, related_name="transfers_out"
    )
    to_account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="transfers_in")
    minutes = models.PositiveIntegerField(_("minutes"))
    description = models.CharField(_("what the time was for"), max_length=300)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    # Which side asked (its account), and who: the other side confirms.
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    requested_for = models.ForeignKey(
        Account, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Who made it count: the other side confirming, or a coordinator recording it.
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    posted_at = models.DateTimeField(null=True, blank=True)
    reverses = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="reversed_by"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(minutes__gt=0), name="timebank_transfer_positive"),
            models.CheckConstraint(
                condition=~Q(from_account=F("to_account")), name="timebank_transfer_not_to_self"
            ),
            models.CheckConstraint(
                condition=Q(status="posted", posted_at__isnull=False)
                | (~Q(status="posted") & Q(posted_at__isnull=True)),
                name="timebank_transfer_posted_has_time",
            ),
        ]
        indexes = [models.Index(fields=["status", "posted_at"], name="transfer_status_posted")]

    def __str__(self) -> str:
        return f"{self.minutes} minutes from {self.from_account_id} to {self.to_account_id}"


class PostingQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise LedgerIsAppendOnly("Postings are never changed. Reverse the transfer instead.")

    def delete(self):
        raise LedgerIsAppendOnly("Postings are never deleted. Reverse the transfer instead.")


class Posting(models.Model):
    """One side of a posted transfer: minutes added to (positive) or taken from an account."""

    account = models.ForeignKey(Account, on_delete=models.PROTECT, related_name="postings")
    transfer = models.ForeignKey(Transfer, on_delete=models.PROTECT, related_name="postings")
    minutes = models.IntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = PostingQuerySet.as_manager()

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(minutes=0), name="timebank_posting_not_zero"),
            models.UniqueConstraint(
                fields=["transfer", "account"], name="timebank_posting_one_per_side"
            ),
        ]
        indexes = [models.Index(fields=["account", "created_at"], name="posting_account_time")]

    def __str__(self) -> str:
        return f"{self.minutes:+d} minutes on account {self.account_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise LedgerIsAppendOnly("Postings are never changed. Reverse the transfer instead.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise LedgerIsAppendOnly("Postings are never deleted. Reverse the transfer instead.")


class Listing(TimeStampedModel):
    """ "I can help with..." or "I need...", from an account."""

    class Kind(models.TextChoices):
        OFFER = "offer", _("I can help with")
        REQUEST = "request", _("I need")

    account = models.ForeignKey(Account, on_delete=models.CASCADE, related_name="listings")
    kind = models.CharField(_("offer or request"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=120)
    description = models.TextField(_("details"), blank=True)
    is_open = models.BooleanField(default=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["is_open", "kind"], name="listing_open_kind")]

    def __str__(self) -> str:
        return self.title


class VolunteerCheck(TimeStampedModel):
    """A safeguarding check of a volunteer, such as a DBS check, and when it runs out."""

    class Kind(models.TextChoices):
        DBS_BASIC = "dbs_basic", _("Basic DBS check")
        DBS_ENHANCED = "dbs_enhanced", _("Enhanced DBS check")
        DBS_ENHANCED_BARRED = "dbs_barred", _("Enhanced DBS check with barred lists")
        REFERENCES = "references", _("References")

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="volunteer_checks"
    )
    kind = models.CharField(_("kind of check"), max_length=20, choices=Kind.choices)
    checked_on = models.DateField(_("date checked"))
    expires_on = models.DateField(_("date it expires"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-expires_on"]
        constraints = [
            models.CheckConstraint(
                condition=Q(expires_on__gt=F("checked_on")), name="timebank_check_expires_after"
            )
        ]


class BuddyRequest(TimeStampedModel):
    """A resident asking for a buddy: someone to support them for a while."""

    class Status(models.TextChoices):
        OPEN = "open", _("Looking for a buddy")
        PAIRED = "paired", _("Paired")
        CLOSED = "closed", _("Closed")

    resident = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="buddy_requests"
    )
    what_support = models.TextField(_("what support would help"))
    involves_children = models.BooleanField(_("involves children"), default=False)
    involves_adults_at_risk = models.BooleanField(_("involves adults at risk"), default=False)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.what_support[:60]

    @property
    def needs_safeguarding(self) -> bool:
        return self.involves_children or self.involves_adults_at_risk


class Pairing(TimeStampedModel):
    """A volunteer buddying a resident. Pairs that need safeguarding wait for a coordinator."""

    class Status(models.TextChoices):
        AWAITING_APPROVAL = "awaiting", _("Waiting for a coordinator")
        ACTIVE = "active", _("Active")
        REFUSED = "refused", _("Not approved")
        ENDED = "ended", _("Ended")

    request = models.ForeignKey(BuddyRequest, on_delete=models.CASCADE, related_name="pairings")
    volunteer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="buddy_pairings"
    )
    status = models.CharField(max_length=10, choices=Status.choices)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    ended_at = models.DateTimeField(null=True, blank=True)
    end_reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # One live pairing per request at a time.
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(status__in=["awaiting", "active"]),
                name="timebank_one_live_pairing_per_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.volunteer} with {self.request.resident}"
