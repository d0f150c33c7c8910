"""Read-only views for staff: every change goes through the services (and the site)."""

from django.contrib import admin

from coproduce.common.admin_base import ReadOnlyAdmin

from .models import Item, LetterRun, Subscriber, Subscription


@admin.register(Subscriber)
class SubscriberAdmin(ReadOnlyAdmin):
    list_display = ["pk", "user", "confirmed_at", "created_at"]
    raw_id_fields = ["user"]


@admin.register(Subscription)
class SubscriptionAdmin(ReadOnlyAdmin):
    list_display = ["pk", "subscriber", "topic", "frequency", "channel", "confirmed"]
    list_filter = ["frequency", "channel", "confirmed"]
    search_fields = ["topic"]
    raw_id_fields = ["subscriber", "added_by"]


@admin.register(Item)
class ItemAdmin(ReadOnlyAdmin):
    list_display = ["title", "thing", "published_at", "delivered"]
    list_filter = ["thing", "delivered"]
    search_fields = ["title", "source"]


@admin.register(LetterRun)
class LetterRunAdmin(ReadOnlyAdmin):
    list_display = ["pk", "created_at", "letters", "printed_at"]
