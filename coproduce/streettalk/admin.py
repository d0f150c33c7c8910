from django.contrib import admin

from .models import StreetDay, Theme


@admin.register(StreetDay)
class StreetDayAdmin(admin.ModelAdmin):
    list_display = ["title", "held_on", "ward", "themes_published"]
    list_filter = ["themes_published"]
    search_fields = ["title"]
    raw_id_fields = ["facilitator"]


@admin.register(Theme)
class ThemeAdmin(admin.ModelAdmin):
    list_display = ["__str__", "day"]
    raw_id_fields = ["day"]
