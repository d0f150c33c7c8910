"""The ward question, asked the same way on every form: a list of the wards by name."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Place
from .selectors import wards_by_name

CHOOSE_A_WARD = _("Choose a ward from the list")


WARD = _("Ward")
ANY_WARD = _("Any ward")


def ward_field(
    label,
    *,
    empty_label,
    required: bool = False,
    required_message=None,
    help_text="",
) -> forms.ModelChoiceField:
    """A ward chosen on a form that is posted; `empty_label` is the choice of none."""
    messages = {"invalid_choice": CHOOSE_A_WARD}
    if required_message:
        messages["required"] = required_message
    return forms.ModelChoiceField(
        label=label,
        help_text=help_text,
        queryset=wards_by_name(),
        required=required,
        empty_label=empty_label,
        error_messages=messages,
    )


def ward_filter_field(
    label=WARD, *, empty_label=ANY_WARD, invalid_message=CHOOSE_A_WARD
) -> forms.ModelChoiceField:
    """A ward to filter a list by, given by its slug in the query string (`?ward=hazel`).

    `invalid_message` may name what was asked for as `%(value)s`."""
    return forms.ModelChoiceField(
        label=label,
        queryset=wards_by_name(),
        to_field_name="slug",
        required=False,
        empty_label=empty_label,
        error_messages={"invalid_choice": invalid_message},
    )


class PlaceChoiceField(forms.ModelChoiceField):
    """A listed place, named with its ward so two places of one name can be told apart.

    Without JavaScript it is a plain select. With it, the select becomes the GOV.UK
    accessible autocomplete (`data-coproduce-picker`, see `frontend/static/js/init.mjs`):
    people type part of a name and choose from what matches, by keyboard or screen reader."""

    def __init__(self, *, label, empty_label, help_text="", **kwargs):
        kwargs.setdefault(
            "queryset",
            Place.objects.filter(is_listed=True).select_related("ward").order_by("name", "pk"),
        )
        kwargs.setdefault("error_messages", {"invalid_choice": _("Choose a place from the list")})
        super().__init__(
            label=label,
            empty_label=empty_label,
            help_text=help_text
            or _("Start typing the name of the place, or choose it from the list"),
            required=False,
            widget=forms.Select(attrs={"data-coproduce-picker": "place"}),
            **kwargs,
        )

    def label_from_instance(self, obj: Place) -> str:
        return f"{obj.name}, {obj.ward.name}"
