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

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["kind", "is_listed"], name="organisation_kind_listed")]

    def __str__(self) -> str:
        return self.name


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

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "user"], name="groups_membership_once_per_group"
            )
        ]
        indexes = [models.Index(fields=["user", "role"], name="membership_user_role")]

    def __str__(self) -> str:
        return f"{self.user} in {self.organisation} ({self.role})"
