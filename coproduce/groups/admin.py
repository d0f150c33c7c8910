from django.contrib import admin

from .models import Membership, Organisation


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    raw_id_fields = ["user"]
    fields = ["user", "role", "shares_with_organisers", "created_at"]
    readonly_fields = ["created_at"]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "ward", "is_listed", "updated_at"]
    list_filter = ["kind", "is_listed", "ward"]
    list_select_related = ["ward"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    raw_id_fields = ["base"]
    # An official kind is checked from the officers' queue, which records who and when.
    readonly_fields = ["kind_verified_by", "kind_verified_at", "created_at", "updated_at"]
    inlines = [MembershipInline]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "organisation", "role", "created_at"]
    list_filter = ["role", "organisation__kind"]
    list_select_related = ["user", "organisation"]
    search_fields = ["organisation__name", "user__email", "user__display_name"]
    raw_id_fields = ["user", "organisation"]
    readonly_fields = ["created_at", "updated_at"]
