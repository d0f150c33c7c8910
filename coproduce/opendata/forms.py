from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.maps.filters import KINDS, MAX_QUERY
from coproduce.places.fields import ward_filter_field


class DownloadFilterForm(forms.Form):
    """Choose which places to download: the same filters as the map, sent as a GET query.

    Only draws the form: MapFilters checks what comes back, as it does for the map.
    """

    kind = forms.MultipleChoiceField(
        label=_("Kinds of place"),
        help_text=_("Leave these empty to get every kind. Rooms come with their building."),
        choices=KINDS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    ward = ward_filter_field(empty_label=_("All wards"))
    step_free = forms.BooleanField(label=_("Step-free access only"), required=False)
    q = forms.CharField(
        label=_("Names or descriptions containing"), max_length=MAX_QUERY, required=False
    )
