from django.contrib import admin

from .models import AvailabilityWindow, BookableRoom, BookableSpace, Booking


class RoomInline(admin.TabularInline):
    model = BookableRoom
    raw_id_fields = ["place"]
    extra = 0


class WindowInline(admin.TabularInline):
    model = AvailabilityWindow
    raw_id_fields = ["room"]
    extra = 0


@admin.register(BookableSpace)
class BookableSpaceAdmin(admin.ModelAdmin):
    list_display = ["place", "auto_approve", "price_per_hour", "is_open_for_booking"]
    list_filter = ["auto_approve", "is_open_for_booking"]
    search_fields = ["place__name"]
    raw_id_fields = ["place", "manager", "managing_group"]
    inlines = [RoomInline, WindowInline]


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    """Read-only: bookings change only through the services, which keep the overlap rule."""

    list_display = ["room", "starts_at", "ends_at", "status"]
    list_filter = ["status"]
    list_select_related = ["room__place"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
