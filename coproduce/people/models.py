from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common import week
from coproduce.common.models import TimeStampedModel
from coproduce.places.models import Street, Ward

from . import privacy


class Visibility(models.TextChoices):
    PUBLIC = privacy.Visibility.PUBLIC.value, _("Anyone")
    MEMBERS = privacy.Visibility.MEMBERS.value, _("People signed in to this service")
    ORGANISERS = privacy.Visibility.ORGANISERS.value, _("Organisers of projects and groups I join")
    ONLY_ME = privacy.Visibility.ONLY_ME.value, _("Only me")


class Travel(models.TextChoices):
    STREET = "street", _("My street")
    WARD = "ward", _("My ward")
    NEARBY = "nearby", _("My ward and the wards next to it")
    BOROUGH = "borough", _("Anywhere in the borough")
    ONLINE = "online", _("Online only")


# When people are free (and when needs ask for help): the codes and words are common.week's,
# where the words are marked for translation; gettext_lazy translates them here.
Day = models.TextChoices("Day", [(day.name.upper(), (day.code, _(day.name))) for day in week.WEEK])
TimeOfDay = models.TextChoices(
    "TimeOfDay", [(time.code.upper(), (time.code, _(time.label))) for time in week.TIMES_OF_DAY]
)


def _visibility(part: str) -> models.CharField:
    return models.CharField(
        max_length=20, choices=Visibility.choices, default=privacy.DEFAULTS[part].value
    )


class Profile(TimeStampedModel):
    """What a resident says about themselves, in their own words.

    Each part has its own visibility, chosen by the person; by default only their name and
    ward are shown, and only to people signed in.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    # A ward that residents live in cannot disappear from under them: PROTECT.
    ward = models.ForeignKey(
        Ward, on_delete=models.PROTECT, null=True, blank=True, related_name="profiles"
    )
    # Streets get renamed and merged; losing the street should not lose the profile.
    street = models.ForeignKey(
        Street, on_delete=models.SET_NULL, null=True, blank=True, related_name="profiles"
    )
    what_i_can_do = models.TextField(_("what I can do"), blank=True)
    what_i_care_about = models.TextField(_("what I care about"), blank=True)
    what_i_would_like_to_do = models.TextField(_("what I would like to do"), blank=True)
    languages = models.CharField(_("languages I speak"), max_length=200, blank=True)
    available_days = models.JSONField(_("days I am free"), default=list, blank=True)
    available_times = models.JSONField(_("times I am free"), default=list, blank=True)
    hours_per_month = models.PositiveSmallIntegerField(
        _("hours a month I could give"), null=True, blank=True
    )
    travel = models.CharField(
        _("how far I can travel"), max_length=20, choices=Travel.choices, blank=True
    )
    access_needs = models.TextField(_("access needs"), blank=True)
    open_to_invitations = models.BooleanField(_("projects may invite me to help"), default=False)
    show_on_map = models.BooleanField(_("count me on the map in my ward"), default=False)
    # One visibility per part of the profile; see people/privacy.py for the rules.
    visibility_identity = _visibility("identity")
    visibility_skills = _visibility("skills")
    visibility_passions = _visibility("passions")
    visibility_ambitions = _visibility("ambitions")
    visibility_languages = _visibility("languages")
    visibility_availability = _visibility("availability")
    visibility_access_needs = _visibility("access_needs")

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")
        # The map counts people by ward from this index alone, without reading profiles.
        indexes = [
            models.Index(fields=["ward", "show_on_map", "user"], name="profile_map_ward"),
            # The newest change to any profile: part of the insights pages' data version.
            models.Index(fields=["updated_at"], name="profile_updated"),
        ]

    def __str__(self) -> str:
        return str(self.user)

    def visibilities(self) -> dict[str, str]:
        return {part: getattr(self, f"visibility_{part}") for part in privacy.PARTS}
