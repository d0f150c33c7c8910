"""Ward populations: official estimates staff may add or correct by hand as well as import
(`manage.py import_ward_populations`). Both go through `ward_population_set`."""

from django.contrib import admin

from .models import WardPopulation
from .services import ward_population_set


@admin.register(WardPopulation)
class WardPopulationAdmin(admin.ModelAdmin):
    list_display = ["ward", "year", "population", "source"]
    list_filter = ["year"]
    search_fields = ["ward__name"]
    list_select_related = ["ward"]

    def get_readonly_fields(self, request, obj=None):
        # A figure is for one ward and year; a different one is a new estimate.
        return ["ward", "year"] if obj is not None else []

    def save_model(self, request, obj, form, change) -> None:
        saved = ward_population_set(
            ward=obj.ward, population=obj.population, year=obj.year, source=obj.source
        )
        obj.pk = saved.pk
