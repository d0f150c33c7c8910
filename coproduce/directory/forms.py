from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.places.models import Ward

from .selectors import MAX_QUERY, ServiceFilters, category_choices


class ServiceFilterForm(forms.Form):
    """The list page's filters, read from the address (GET), so results can be shared."""

    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY,
        error_messages={"max_length": _("Search for %(limit_value)d characters or fewer")},
    )
    category = forms.ChoiceField(
        label=_("What it helps with"),
        required=False,
        error_messages={"invalid_choice": _("Choose what it helps with from the list")},
    )
    ward = forms.ChoiceField(
        label=_("Ward"),
        required=False,
        error_messages={"invalid_choice": _("Choose a ward from the list")},
    )
    open_now = forms.BooleanField(label=_("Open now"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["q"].widget.input_type = "search"
        self._terms = {term.code: term for term in category_choices()}
        self.fields["category"].choices = [
            ("", _("Anything")),
            *((code, term.term) for code, term in self._terms.items()),
        ]
        self._wards = {
            ward.slug: ward for ward in Ward.objects.order_by("name").only("name", "slug")
        }
        self.fields["ward"].choices = [
            ("", _("All wards")),
            *((slug, ward.name) for slug, ward in self._wards.items()),
        ]

    def filters(self) -> ServiceFilters:
        """The filters asked for; call after is_valid()."""
        data = self.cleaned_data
        return ServiceFilters(
            term=self._terms.get(data.get("category") or ""),
            ward=self._wards.get(data.get("ward") or ""),
            q=(data.get("q") or "").strip(),
            open_now=bool(data.get("open_now")),
        )
