"""How many people live in each ward, from official estimates (or settings)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.places.models import Ward


class WardPopulation(TimeStampedModel):
    """One estimate of a ward's population, such as the ONS mid-year estimate for a year."""

    ward = models.ForeignKey(Ward, on_delete=models.CASCADE, related_name="populations")
    population = models.PositiveIntegerField(_("people who live there"))
    year = models.PositiveSmallIntegerField(_("year of the estimate"))
    source = models.CharField(_("where the figure comes from"), max_length=200, blank=True)

    class Meta:
        ordering = ["ward", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["ward", "year"], name="insights_population_once_a_year")
        ]

    def __str__(self) -> str:
        return f"{self.ward}: {self.population} ({self.year})"
