from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.writing import plain_language_attrs
from coproduce.places.models import Ward

from .lifecycle import NEXT, Status
from .models import Owner, Project
from .themes import Theme


def _text(label, *, max_length: int, rows: int = 4, required: bool = False, help_text=""):
    return forms.CharField(
        label=label,
        help_text=help_text,
        required=required,
        max_length=max_length,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=rows)),
        error_messages={
            "required": _("Fill this in"),
            "max_length": _("Use %(limit_value)d characters or fewer"),
        },
    )


class ProjectForm(forms.Form):
    title = forms.CharField(
        label=_("What is your idea or project called?"),
        max_length=150,
        widget=forms.TextInput(attrs=plain_language_attrs()),
        error_messages={
            "required": _("Give it a short name"),
            "max_length": _("Use 150 characters or fewer"),
        },
    )
    summary = forms.CharField(
        label=_("Sum it up in a sentence or two"),
        max_length=300,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=2)),
        error_messages={
            "required": _("Sum up the idea in a sentence or two"),
            "max_length": _("Use 300 characters or fewer"),
        },
    )
    theme = forms.ChoiceField(
        label=_("What is it about?"),
        choices=[("", _("Choose a theme")), *Theme.choices],
        error_messages={
            "required": _("Choose a theme"),
            "invalid_choice": _("Choose a theme from the list"),
        },
    )
    ward = forms.ModelChoiceField(
        label=_("Which ward is it in?"),
        queryset=Ward.objects.order_by("name"),
        required=False,
        empty_label=_("The whole borough, or not sure"),
        error_messages={"invalid_choice": _("Choose a ward from the list")},
    )
    description = _text(_("Tell people more (optional)"), max_length=10_000, rows=6)


class ParametersForm(forms.Form):
    """The rules of the game, published before anyone joins."""

    fixed_budget = forms.CharField(
        label=_("Budget"),
        help_text=_("For example: '£2,000 from the ward fund' or 'No money: time only'."),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Use 300 characters or fewer")},
    )
    fixed_dates = forms.CharField(
        label=_("Dates"),
        help_text=_("For example: 'Must finish by the end of March'."),
        max_length=300,
        required=False,
        error_messages={"max_length": _("Use 300 characters or fewer")},
    )
    fixed_rules = _text(_("Rules that cannot change"), max_length=3000)
    open_to_shape = _text(_("What people can shape"), max_length=3000)
    how_to_help = _text(_("How people can add value"), max_length=3000)
    publish = forms.BooleanField(
        label=_("Publish these now, so people see them before they join"), required=False
    )


class StatusForm(forms.Form):
    def __init__(self, *args, project: Project, **kwargs):
        super().__init__(*args, **kwargs)
        labels = dict(Project.Status.choices)
        choices = [(s.value, labels[s.value]) for s in sorted(NEXT[Status(project.status)])]
        self.fields["to"] = forms.ChoiceField(
            label=_("What is happening now?"),
            choices=choices,
            widget=forms.RadioSelect,
            error_messages={
                "required": _("Choose what is happening now"),
                "invalid_choice": _("Choose one of the options"),
            },
        )
        self.fields["note"] = forms.CharField(
            label=_("Why (optional)"),
            max_length=500,
            required=False,
            error_messages={"max_length": _("Use 500 characters or fewer")},
        )
        self.fields["outcome"] = _text(
            _("What came of it"),
            max_length=5000,
            help_text=_("Needed when the project is completed."),
        )


class OwnerForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person to add"),
        required=False,
        error_messages={"invalid": _("Enter an email address like name@example.org")},
    )
    organisation = forms.ModelChoiceField(
        label=_("Or a group you organise"), queryset=None, required=False
    )
    role = forms.ChoiceField(
        label=_("Their role"),
        choices=Owner.Role.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose their role")},
    )

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        self.fields["organisation"].empty_label = _("None")

    def clean(self):
        data = super().clean()
        if bool(data.get("email")) == bool(data.get("organisation")):
            raise forms.ValidationError(_("Give either a person's email address or a group."))
        return data
