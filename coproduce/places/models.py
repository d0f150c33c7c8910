from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel


class Ward(TimeStampedModel):
    """An electoral ward: the area residents most often say they live in."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("short name for web addresses"), max_length=100, unique=True)
    # GeoJSON Polygon geometry (RFC 7946, WGS 84 longitude/latitude).
    boundary = models.JSONField(_("boundary"), default=dict, blank=True)
    centre_latitude = models.FloatField(_("centre latitude"), null=True, blank=True)
    centre_longitude = models.FloatField(_("centre longitude"), null=True, blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Street(TimeStampedModel):
    name = models.CharField(_("name"), max_length=150)
    ward = models.ForeignKey(Ward, on_delete=models.PROTECT, related_name="streets")
    centre_latitude = models.FloatField(_("centre latitude"), null=True, blank=True)
    centre_longitude = models.FloatField(_("centre longitude"), null=True, blank=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["ward", "name"], name="places_street_unique_in_ward")
        ]

    def __str__(self) -> str:
        return self.name
