from django.contrib import admin

from .models import (
    Contact,
    CostOption,
    Eligibility,
    Schedule,
    Service,
    ServiceAtLocation,
    ServiceTaxonomy,
    Taxonomy,
    TaxonomyTerm,
)


class ServiceAtLocationInline(admin.TabularInline):
    model = ServiceAtLocation
    raw_id_fields = ["place"]
    extra = 0


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0


class ScheduleInline(admin.TabularInline):
    model = Schedule
    fk_name = "service"
    fields = ["byday", "opens_at", "closes_at", "valid_from", "valid_to", "description"]
    extra = 0


class EligibilityInline(admin.StackedInline):
    model = Eligibility
    extra = 0


class CostOptionInline(admin.TabularInline):
    model = CostOption
    extra = 0


class ServiceTaxonomyInline(admin.TabularInline):
    model = ServiceTaxonomy
    autocomplete_fields = ["term"]
    extra = 0


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = ["name", "organisation", "status", "is_listed", "updated_at"]
    list_filter = ["status", "is_listed", "organisation__kind"]
    list_select_related = ["organisation"]
    search_fields = ["name", "description", "organisation__name"]
    raw_id_fields = ["organisation"]
    readonly_fields = ["uuid", "created_at", "updated_at"]
    inlines = [
        ServiceAtLocationInline,
        ContactInline,
        ScheduleInline,
        EligibilityInline,
        CostOptionInline,
        ServiceTaxonomyInline,
    ]


class PlaceScheduleInline(admin.TabularInline):
    model = Schedule
    fk_name = "service_at_location"
    fields = ScheduleInline.fields
    extra = 0


@admin.register(ServiceAtLocation)
class ServiceAtLocationAdmin(admin.ModelAdmin):
    """Where a service is offered; opening times for one place are set here."""

    list_display = ["service", "place"]
    list_select_related = ["service", "place"]
    search_fields = ["service__name", "place__name"]
    raw_id_fields = ["service", "place"]
    readonly_fields = ["uuid"]
    inlines = [PlaceScheduleInline]


class TaxonomyTermInline(admin.TabularInline):
    model = TaxonomyTerm
    fields = ["code", "term", "parent", "term_uri"]
    raw_id_fields = ["parent"]
    extra = 0


@admin.register(Taxonomy)
class TaxonomyAdmin(admin.ModelAdmin):
    list_display = ["name", "version"]
    search_fields = ["name"]
    readonly_fields = ["uuid"]
    inlines = [TaxonomyTermInline]


@admin.register(TaxonomyTerm)
class TaxonomyTermAdmin(admin.ModelAdmin):
    list_display = ["term", "code", "taxonomy", "parent"]
    list_filter = ["taxonomy"]
    list_select_related = ["taxonomy", "parent"]
    search_fields = ["term", "code"]
    raw_id_fields = ["parent"]
    readonly_fields = ["uuid"]
