from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.maps.filters import MAX_QUERY
from coproduce.places.models import Place, Ward


class DownloadFilterForm(forms.Form):
    """Choose which places to download: the same filters as the map, sent as a GET query.

    Only draws the form: MapFilters checks what comes back, as it does for the map.
    """

    kind = forms.MultipleChoiceField(
        label=_("Kinds of place"),
        help_text=_("Leave these empty to get every kind. Rooms come with their building."),
        choices=[(k, label) for k, label in Place.Kind.choices if k != Place.Kind.ROOM],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    ward = forms.ChoiceField(label=_("Ward"), required=False)
    step_free = forms.BooleanField(label=_("Step-free access only"), required=False)
    q = forms.CharField(
        label=_("Names or descriptions containing"), max_length=MAX_QUERY, required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        wards = Ward.objects.order_by("name").values_list("slug", "name")
        self.fields["ward"].choices = [("", _("All wards")), *wards]
