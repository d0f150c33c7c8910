"""Forms for a project's evidence: a document to attach, an outcome figure, a measure."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field

from .. import filetypes
from ..models import Measure


class DocumentForm(forms.Form):
    upload = forms.FileField(
        label=_("File"),
        error_messages={"required": _("Choose a file to upload"), "empty": _("The file is empty")},
        widget=forms.ClearableFileInput(
            attrs={"accept": ",".join(f".{ext}" for ext in filetypes.EXTENSIONS)}
        ),
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        error_messages={
            "required": _("Enter a title for the document"),
            "max_length": _("Use 150 characters or fewer"),
        },
    )
    description = forms.CharField(
        label=_("What is it? (optional)"),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Use 300 characters or fewer")},
    )
    team_only = forms.BooleanField(
        label=_("Only the project team can see it"),
        help_text=_("Leave this unticked to share it with everyone who can see the project."),
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["upload"].help_text = _(
            "A PDF, Word, Excel, OpenDocument, CSV, text, PNG or JPEG file, smaller than "
            "%(mb)s MB. Web pages, drawings (SVG) and programs are not accepted."
        ) % {"mb": filetypes.MAX_MB}

    def clean_upload(self):
        upload = self.cleaned_data["upload"]
        try:
            filetypes.check(upload, name=upload.name, size=upload.size)
        except filetypes.FileRefused as refused:
            raise forms.ValidationError(str(refused)) from None
        return upload


class OutcomeForm(forms.Form):
    """One figure for one measure over a period. `measure` is fixed when correcting."""

    measure = forms.ModelChoiceField(
        label=_("What are you recording?"),
        queryset=Measure.objects.none(),
        empty_label=None,
        error_messages={"required": _("Choose what you are recording")},
    )
    before = forms.DecimalField(
        label=_("Figure before the project (only for before-and-after measures)"),
        required=False,
        max_digits=12,
        decimal_places=2,
        error_messages={"invalid": _("Enter the figure before as a number")},
    )
    value = forms.DecimalField(
        label=_("Figure"),
        help_text=_("For a before-and-after measure, the figure after the project."),
        max_digits=12,
        decimal_places=2,
        error_messages={
            "required": _("Enter the figure"),
            "invalid": _("Enter the figure as a number, like 12 or 150.50"),
        },
    )
    period_start = day_field(
        _("Start of the period"), _("Enter the start of the period"), example_days_ahead=-90
    )
    period_end = day_field(
        _("End of the period"), _("Enter the end of the period"), example_days_ahead=-1
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        help_text=_("How you counted it, or where the figure comes from."),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Use 300 characters or fewer")},
    )

    def __init__(self, *args, measure: Measure | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        if measure is not None:
            del self.fields["measure"]
        else:
            self.fields["measure"].queryset = Measure.objects.filter(is_active=True)
            self.fields["measure"].label_from_instance = _measure_label


def _measure_label(measure: Measure) -> str:
    return f"{measure.name} ({measure.unit})" if measure.unit else measure.name


class MeasureForm(forms.Form):
    name = forms.CharField(
        label=_("Name"),
        max_length=80,
        error_messages={
            "required": _("Enter a name for the measure"),
            "max_length": _("Use 80 characters or fewer"),
        },
    )
    kind = forms.ChoiceField(
        label=_("What kind of figure is it?"),
        choices=Measure.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what kind of figure it is")},
    )
    unit = forms.CharField(
        label=_("Unit (optional)"),
        help_text=_("For example: people, hours, kilograms of waste. Leave empty for money."),
        max_length=30,
        required=False,
        error_messages={"max_length": _("Use 30 characters or fewer")},
    )
    description = forms.CharField(
        label=_("What to count (optional)"),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Use 300 characters or fewer")},
    )
    is_active = forms.BooleanField(
        label=_("Projects can record it"),
        help_text=_("Untick to retire it. Figures already recorded are kept."),
        required=False,
        initial=True,
    )
