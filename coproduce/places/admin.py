from django import forms
from django.contrib import admin

from coproduce.common import opening_hours as hours

from . import vocab
from .models import Place, PlacePhoto, Street, Ward


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


class PlaceAdminForm(forms.ModelForm):
    class Meta:
        model = Place
        fields = [
            "kind",
            "name",
            "description",
            "building",
            "ward",
            "address",
            "postcode",
            "latitude",
            "longitude",
            "owner",
            "step_free",
            "accessibility",
            "facilities",
            "opening_hours",
            "could_become",
            "is_listed",
            "added_by",
        ]

    def clean_opening_hours(self):
        try:
            return hours.validate(self.cleaned_data["opening_hours"])
        except hours.HoursError as problem:
            raise forms.ValidationError(str(problem)) from None

    def _terms(self, name: str, vocabulary: dict[str, str]) -> list[str]:
        values = self.cleaned_data[name] or []
        if not isinstance(values, list) or vocab.unknown_terms(values, vocabulary):
            known = ", ".join(vocabulary)
            raise forms.ValidationError(f"Use a list of these words: {known}")
        return values

    def clean_facilities(self):
        return self._terms("facilities", vocab.FACILITIES)

    def clean_accessibility(self):
        return self._terms("accessibility", vocab.ACCESSIBILITY)


class PlacePhotoInline(admin.TabularInline):
    model = PlacePhoto
    fields = ["image", "alt_text", "width", "height", "uploaded_by"]
    readonly_fields = ["image", "width", "height", "uploaded_by"]
    extra = 0
    can_delete = True

    def has_add_permission(self, request, obj=None) -> bool:
        # Photos are added through the site's upload page, which removes EXIF data.
        return False


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    form = PlaceAdminForm
    list_display = ["name", "kind", "ward", "owner", "step_free", "is_listed"]
    list_filter = ["kind", "owner", "step_free", "is_listed", "ward"]
    list_select_related = ["ward"]
    search_fields = ["name", "address", "postcode"]
    raw_id_fields = ["building", "added_by"]
    inlines = [PlacePhotoInline]
