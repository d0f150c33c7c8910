from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.filters import FilterForm
from coproduce.places.fields import ward_filter_field

from .selectors import MAX_QUERY, ServiceFilters, category_choices


class ServiceFilterForm(FilterForm):
    """The list page's filters, read from the address (GET), so results can be shared."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY,
        widget=forms.SearchInput,
        error_messages={"max_length": _("Search for %(limit_value)d characters or fewer")},
    )
    category = forms.ChoiceField(
        label=_("What it helps with"),
        required=False,
        error_messages={"invalid_choice": _("Choose what it helps with from the list")},
    )
    ward = ward_filter_field(empty_label=_("All wards"))
    open_now = forms.BooleanField(label=_("Open now"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._terms = {term.code: term for term in category_choices()}
        self.fields["category"].choices = [
            ("", _("Anything")),
            *((code, term.term) for code, term in self._terms.items()),
        ]

    def service_filters(self) -> ServiceFilters:
        """The filters asked for that make sense, for the selector; a bad one is left out.

        Not an override of `filters()`: `query_string` reads that by field name."""
        asked = self.filters()
        return ServiceFilters(
            term=self._terms.get(asked.get("category", "")),
            ward=asked.get("ward"),
            q=asked.get("q", ""),
            open_now=asked.get("open_now", False),
        )
