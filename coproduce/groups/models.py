from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.places.models import Place, Ward


class Organisation(TimeStampedModel):
    """A community group, council service, NHS or voluntary partner: anyone who does things
    together in the borough. Open Referral UK calls the same thing an organization."""

    class Kind(models.TextChoices):
        COMMUNITY_GROUP = "community_group", _("Community group")
        COUNCIL_SERVICE = "council_service", _("Council service")
        NHS = "nhs", _("NHS")
        VOLUNTARY = "voluntary", _("Charity or voluntary organisation")
        FAITH = "faith", _("Faith group")
        SCHOOL = "school", _("School or college")
        BUSINESS = "business", _("Local business")

    kind = models.CharField(_("kind of group"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("short name for web addresses"), max_length=200, unique=True)
    description = models.TextField(_("what the group does"), blank=True)
    ward = models.ForeignKey(
        Ward, on_delete=models.SET_NULL, null=True, blank=True, related_name="organisations"
    )
    # Where the group usually meets or works from; its point on the map.
    base = models.ForeignKey(
        Place,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organisations",
        verbose_name=_("where it meets"),
    )
    website = models.URLField(_("website"), blank=True)
    # A contact the group publishes on purpose; never a member's own address.
    email = models.EmailField(_("contact email"), blank=True)
    phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    is_listed = models.BooleanField(_("shown to the public"), default=True)
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="Membership", related_name="organisations"
    )
    # Who confirmed an official kind (council service, NHS, school), and when. Only officers
    # set an official kind (see verification.py); until then the group is a community group.
    kind_verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("kind checked by"),
    )
    kind_verified_at = models.DateTimeField(_("kind checked on"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "is_listed"], name="organisation_kind_listed")]
        permissions = [("verify_organisation", "Can check a group's official kind")]

    def __str__(self) -> str:
        return self.name


# Kinds that say a group speaks for a public body. A group is listed as one of these only
# once an officer has checked it.
OFFICIAL_KINDS = frozenset(
    {Organisation.Kind.COUNCIL_SERVICE, Organisation.Kind.NHS, Organisation.Kind.SCHOOL}
)


class KindRequest(TimeStampedModel):
    """A group asking to be listed as an official kind, waiting for an officer to check."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for a check")
        VERIFIED = "verified", _("Checked")
        DECLINED = "declined", _("Declined")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="kind_requests"
    )
    kind = models.CharField(_("kind asked for"), max_length=20, choices=Organisation.Kind.choices)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(_("reason"), blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"],
                condition=models.Q(status="pending"),
                name="groups_one_pending_kind_request",
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} as {self.kind} ({self.status})"


class Membership(TimeStampedModel):
    class Role(models.TextChoices):
        MEMBER = "member", _("Member")
        ORGANISER = "organiser", _("Organiser")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.MEMBER)
    # The member's own choice: may this group's organisers see the parts of their profile
    # they share with "organisers"? Off until they say yes.
    shares_with_organisers = models.BooleanField(
        _("organisers may see what I share with organisers"), default=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="groups_membership_once_per_group"
            )
        ]
        indexes = [models.Index(fields=["user", "role"], name="membership_user_role")]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation} ({self.role})"


class OrganiserInvitation(TimeStampedModel):
    """An organiser asking someone to help organise a group. Until they accept, they are
    neither shown as one nor given the role."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for an answer")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="organiser_invitations"
    )
    invitee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="organiser_invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "invitee"],
                condition=models.Q(status="pending"),
                name="groups_one_pending_organiser_invitation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.invitee} to organise {self.organisation} ({self.status})"
