"""Read-only views for staff: every change goes through the services (and the site)."""

from django.contrib import admin

from .models import Item, LetterRun, Subscriber, Subscription


class ReadOnly(admin.ModelAdmin):
    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Subscriber)
class SubscriberAdmin(ReadOnly):
    list_display = ["pk", "user", "confirmed_at", "created_at"]
    raw_id_fields = ["user"]


@admin.register(Subscription)
class SubscriptionAdmin(ReadOnly):
    list_display = ["pk", "subscriber", "topic", "frequency", "channel", "confirmed"]
    list_filter = ["frequency", "channel", "confirmed"]
    search_fields = ["topic"]
    raw_id_fields = ["subscriber", "added_by"]


@admin.register(Item)
class ItemAdmin(ReadOnly):
    list_display = ["title", "thing", "published_at", "delivered"]
    list_filter = ["thing", "delivered"]
    search_fields = ["title", "source"]


@admin.register(LetterRun)
class LetterRunAdmin(ReadOnly):
    list_display = ["pk", "created_at", "letters", "printed_at"]
