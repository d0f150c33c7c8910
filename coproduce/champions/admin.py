"""Read-only admin views: applications are answered and roles ended through the site, so the
person is always told and the cap on streets holds."""

from django.contrib import admin

from coproduce.common.admin_base import ReadOnlyAdmin

from .models import ChampionApplication, ChampionMessage, StreetChampion


@admin.register(ChampionApplication)
class ChampionApplicationAdmin(ReadOnlyAdmin):
    list_display = ["pk", "status", "created_at", "decided_at"]
    list_filter = ["status"]
    raw_id_fields = ["applicant", "decided_by"]


@admin.register(StreetChampion)
class StreetChampionAdmin(ReadOnlyAdmin):
    list_display = ["street", "created_at", "ended_at", "ending"]
    list_filter = ["ending"]
    search_fields = ["street__name"]
    raw_id_fields = ["champion", "street", "application", "ended_by"]


@admin.register(ChampionMessage)
class ChampionMessageAdmin(ReadOnlyAdmin):
    list_display = ["pk", "created_at", "share_email"]
    raw_id_fields = ["champion", "sender", "street"]
