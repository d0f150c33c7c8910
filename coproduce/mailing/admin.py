from django.contrib import admin

from .models import SuppressedAddress


@admin.register(SuppressedAddress)
class SuppressedAddressAdmin(admin.ModelAdmin):
    """Officers can see why an address is not mailed, and lift it (a person asks again)."""

    list_display = ["address", "reason", "created_at"]
    list_filter = ["reason"]
    search_fields = ["address"]
    readonly_fields = ["address", "reason", "source", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False
