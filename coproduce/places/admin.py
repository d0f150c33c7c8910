from django.contrib import admin

from .models import Street, Ward


@admin.register(Ward)
class WardAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "centre_latitude", "centre_longitude"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Street)
class StreetAdmin(admin.ModelAdmin):
    list_display = ["name", "ward"]
    list_filter = ["ward"]
    list_select_related = ["ward"]
    search_fields = ["name"]
