"""The day form, the quick entry form, and the facilitator's theme forms."""

import uuid

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field
from coproduce.common.form_errors import CHOOSE, too_long
from coproduce.places.fields import ward_field

from .models import AgeBand, Theme
from .services import MAX_NAME, MAX_SAID


class DayForm(forms.Form):
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        help_text=_("For example, “Food in Hazel ward: market day”."),
        error_messages={"required": _("Enter a title"), **too_long()},
    )
    held_on = day_field(_("Date"), _("Enter the date of the day"), example_days_ahead=7)
    ward = ward_field(_("Ward"), empty_label=_("Across the borough"))
    area = forms.CharField(
        label=_("Area or spot (optional)"),
        max_length=150,
        required=False,
        help_text=_("For example, “the market square”."),
        error_messages=too_long(),
    )
    questions = forms.CharField(
        label=_("Questions you will ask"),
        help_text=_("One a line."),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Enter the question you will ask")},
    )


class EntryForm(forms.Form):
    """What one person said. The entry code is made when the form is shown (or by the
    phone), so sending the same form twice saves it once."""

    uuid = forms.UUIDField(widget=forms.HiddenInput, initial=uuid.uuid4)
    said = forms.CharField(
        label=_("What they said"),
        max_length=MAX_SAID,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Enter what they said"), **too_long()},
    )
    place = forms.CharField(
        label=_("Where (optional)"),
        help_text=_("A place such as a shop, park or corner. Never a home address."),
        max_length=150,
        required=False,
        error_messages=too_long(),
    )
    ward = ward_field(_("Their ward, if they said (optional)"), empty_label=_("Not given"))
    age_band = forms.ChoiceField(
        label=_("Their age, if they said (optional)"),
        choices=AgeBand.choices,
        required=False,
        error_messages=CHOOSE,
    )


class ThemeNameForm(forms.Form):
    name = forms.CharField(
        label=_("Theme name"),
        max_length=MAX_NAME,
        required=False,
        help_text=_("Only named themes can be shown in public."),
        error_messages=too_long(),
    )


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(
        label=_("Put its entries into"),
        queryset=Theme.objects.none(),
        empty_label=None,
        error_messages={"required": _("Choose a theme"), **CHOOSE},
    )

    def __init__(self, *args, theme: Theme, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = Theme.objects.filter(day_id=theme.day_id).exclude(
            pk=theme.pk
        )
        self.fields["into"].label_from_instance = str


class MoveForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Move to theme"),
        queryset=Theme.objects.none(),
        required=False,
        empty_label=_("No theme"),
        error_messages=CHOOSE,
    )

    def __init__(self, *args, day_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.filter(day_id=day_id)
        self.fields["theme"].label_from_instance = str
