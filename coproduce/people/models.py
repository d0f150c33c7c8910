from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.places.models import Street, Ward


class Profile(TimeStampedModel):
    """What a resident says about themselves, in their own words.

    Nothing here is shown publicly yet: privacy levels per field come with later work, so
    until then only the resident and staff in the admin site see it.
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

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)
