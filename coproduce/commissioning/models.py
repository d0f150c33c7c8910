"""Service choice panels: residents and service users help the council choose who provides
a service (commissioning and procurement).

A panel's criteria and weights are published before anyone scores and never change after.
Bidders' commercial details are seen only by the officers running the panel. Members join
only by accepting; on a youth panel their age is checked and, under 16, a parent or carer's
consent is recorded before they take part. Each member's scores stay sealed from the other
members until they have submitted their own for every bid (ADR 0024).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel

from .sums import SCORE_MAX_DEFAULT

SCORE_MAX = SCORE_MAX_DEFAULT


class Panel(TimeStampedModel):
    """One commissioning or procurement decision with residents in it."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Being set up")
        PUBLISHED = "published", _("Criteria published, panel at work")
        RECOMMENDED = "recommended", _("Panel has recommended")
        DECIDED = "decided", _("Council has decided")

    title = models.CharField(_("what is being bought"), max_length=200)
    why = models.TextField(_("why"))
    budget = models.CharField(_("budget, in plain words"), max_length=300)
    timetable = models.TextField(_("timetable"))
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    is_youth = models.BooleanField(_("youth panel"), default=False)
    age_min = models.PositiveSmallIntegerField(_("youngest age"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("oldest age"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The officers running the panel: the only people who see bids' commercial details.
    officers = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="panels_run")
    published_at = models.DateTimeField(null=True, blank=True)
    recommendation = models.TextField(_("the panel's recommendation"), blank=True)
    recommendation_reasons = models.TextField(_("why the panel recommends it"), blank=True)
    recommended_bid = models.ForeignKey(
        "Bid", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    recommended_at = models.DateTimeField(null=True, blank=True)
    decision = models.TextField(_("the council's decision"), blank=True)
    decision_reasons = models.TextField(_("why the council decided it"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [("run_panels", _("Can set up and run service choice panels"))]

    def __str__(self) -> str:
        return self.title

    @property
    def criteria_locked(self) -> bool:
        return self.published_at is not None

    @property
    def is_public(self) -> bool:
        return self.status != self.Status.DRAFT

    @property
    def is_scoring(self) -> bool:
        return self.status == self.Status.PUBLISHED


class Criterion(models.Model):
    """What bids are judged on, with its weight out of 100 (the weights add up to 100)."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="criteria")
    title = models.CharField(_("criterion"), max_length=200)
    description = models.TextField(_("what it means"), blank=True)
    weight = models.PositiveSmallIntegerField(_("weight"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.title


class Bid(TimeStampedModel):
    """One organisation's bid. `commercial_details` never leave the running officers."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="bids")
    bidder = models.CharField(_("bidder organisation"), max_length=200)
    public_summary = models.TextField(_("public summary"))
    commercial_details = models.TextField(_("commercial details (private)"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.bidder


class Member(TimeStampedModel):
    """A person on a panel. Invited or applied; a member only once they (or, for an
    application, the officer) accepted: nobody is made a member without saying yes."""

    class Status(models.TextChoices):
        INVITED = "invited", _("Invited")
        APPLIED = "applied", _("Applied")
        ACTIVE = "active", _("Member")
        DECLINED = "declined", _("Declined")

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="panel_memberships",
    )
    status = models.CharField(max_length=20, choices=Status.choices)
    why_join = models.TextField(_("why they want to join"), blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    joined_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["panel", "user"],
                condition=Q(user__isnull=False),
                name="commissioning_member_once",
            )
        ]

    def __str__(self) -> str:
        return f"Member {self.pk} of panel {self.panel_id}"


class GuardianConsent(models.Model):
    """A parent or carer's consent for a member under 16: who gave it, how and when."""

    class How(models.TextChoices):
        SIGNED_FORM = "signed_form", _("Signed paper form")
        EMAIL = "email", _("Email")
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("Phone call")

    member = models.OneToOneField(Member, on_delete=models.CASCADE, related_name="consent")
    given_by = models.CharField(_("name of parent or carer"), max_length=200)
    relationship = models.CharField(_("relationship to the young person"), max_length=100)
    how = models.CharField(_("how consent was given"), max_length=20, choices=How.choices)
    given_on = models.DateField(_("date consent was given"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Consent for member {self.member_id}"


class Declaration(models.Model):
    """A member's declaration of interest for one bid, made before scoring it."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="declarations")
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="declarations")
    has_interest = models.BooleanField()
    details = models.TextField(blank=True)
    declared_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["member", "bid"], name="commissioning_declare_once")
        ]

    def __str__(self) -> str:
        return f"Declaration of {self.member_id} on {self.bid_id}"


class Score(models.Model):
    """A member's score (0 to 5) for one criterion of one bid, with their reason."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="scores")
    bid = models.ForeignKey(Bid, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(Criterion, on_delete=models.CASCADE, related_name="scores")
    score = models.PositiveSmallIntegerField()
    reason = models.TextField()
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "bid", "criterion"], name="commissioning_score_once"
            ),
            models.CheckConstraint(
                condition=Q(score__lte=SCORE_MAX), name="commissioning_score_in_range"
            ),
        ]
        indexes = [models.Index(fields=["bid", "member"], name="score_bid_member")]

    def __str__(self) -> str:
        return f"Score {self.score} by {self.member_id}"


class ModeratedTotal(models.Model):
    """The total the running officer agreed for a bid after moderation, with the reason."""

    bid = models.OneToOneField(Bid, on_delete=models.CASCADE, related_name="moderated")
    total = models.DecimalField(max_digits=5, decimal_places=1)
    reason = models.TextField()
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Moderated {self.total} for {self.bid_id}"


class Meeting(models.Model):
    """A panel meeting, held only as a gathering, with a named safe adult whose check the
    officer records. A youth panel's meeting is not listed publicly (see ADR 0024)."""

    panel = models.ForeignKey(Panel, on_delete=models.CASCADE, related_name="meetings")
    event = models.OneToOneField(
        "gatherings.Event", on_delete=models.CASCADE, related_name="panel_meeting"
    )
    safe_adult_name = models.CharField(_("safe adult"), max_length=200)
    check_kind = models.CharField(_("check"), max_length=100)
    checked_on = models.DateField(_("date of the check"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )

    class Meta:
        ordering = ["event__starts_at", "pk"]

    def __str__(self) -> str:
        return f"Meeting of panel {self.panel_id}"
