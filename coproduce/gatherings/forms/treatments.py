"""Forms for action learning set treatments, report-backs and the barrier library."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.dates.fields import day_field
from coproduce.common.form_errors import too_long
from coproduce.common.writing import plain_language_attrs
from coproduce.people.naming import choice_labels

from ..models import ReportBack


class TreatmentForm(forms.Form):
    project = forms.ModelChoiceField(
        label=_("Which of your projects? (optional)"),
        queryset=None,
        required=False,
        empty_label=_("It is not on this site: I will describe it"),
        error_messages={"invalid_choice": _("Choose one of your projects from the list")},
    )
    title = forms.CharField(
        label=_("Name of the project"),
        help_text=_("Leave empty to use your project's name."),
        required=False,
        max_length=150,
        error_messages=too_long(),
    )
    summary = forms.CharField(
        label=_("The project in a few lines"),
        help_text=_("Leave empty to use your project's summary."),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=3)),
        error_messages=too_long(),
    )
    question = forms.CharField(
        label=_("What would you like help with? (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=3)),
        error_messages=too_long(),
    )

    def __init__(self, *args, projects, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects

    def clean(self):
        data = super().clean()
        if not data.get("project") and not data.get("title"):
            self.add_error("title", _("Give the project a name, or choose one of your projects"))
        if not data.get("project") and not data.get("summary"):
            self.add_error("summary", _("Describe the project in a few lines"))
        return data


NOTE_LABELS = {
    "who": _("Add someone who is affected"),
    "resources": _("Add a resource"),
    "barriers": _("Add a barrier"),
}


class NoteForm(forms.Form):
    """One note for the "who is affected", "resources" or "barriers" column."""

    text = forms.CharField(
        label=_("Add a note"),
        max_length=500,
        error_messages={"required": _("Write something to add"), **too_long()},
    )

    def __init__(self, *args, column: str, **kwargs):
        super().__init__(*args, prefix=column, **kwargs)
        self.fields["text"].label = NOTE_LABELS[column]


class ActionForm(forms.Form):
    text = forms.CharField(
        label=_("Action"),
        max_length=500,
        error_messages={"required": _("Say what will be done"), **too_long()},
    )
    owner = forms.ModelChoiceField(
        label=_("Who will do it?"),
        queryset=None,
        required=False,
        empty_label=_("Someone else (write their name)"),
        error_messages={"invalid_choice": _("Choose a person from the list")},
    )
    owner_name = forms.CharField(
        label=_("Their name, if not in the list"),
        required=False,
        max_length=150,
        error_messages=too_long(),
    )
    due_on = day_field(_("Due by"), _("Enter the date it is due"))

    def __init__(self, *args, people, viewer, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = people
        labels = choice_labels(people, viewer)
        self.fields["owner"].label_from_instance = lambda user: labels[user.pk]

    def clean(self):
        data = super().clean()
        if not data.get("owner") and not data.get("owner_name", "").strip():
            self.add_error("owner", _("Say who will do it"))
        return data


class BustForm(forms.Form):
    how = forms.CharField(
        label=_("How was it busted?"),
        help_text=_("Others who hit the same barrier will read this."),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say how it was busted"), **too_long()},
    )


ACTION_CHOICES = [("", _("Not reporting now"))] + [
    (o.value, o.label) for o in ReportBack.ACTION_OUTCOMES
]


BARRIER_CHOICES = [("", _("Not reporting now"))] + [
    (o.value, o.label) for o in ReportBack.BARRIER_OUTCOMES
]


class ReportBackForm(forms.Form):
    """One outcome and one note per action and barrier; fields are made from the treatment."""

    def __init__(self, *args, actions, barriers, **kwargs):
        super().__init__(*args, **kwargs)
        self.actions, self.barriers = list(actions), list(barriers)
        for action in self.actions:
            self.fields[f"action_{action.pk}"] = forms.ChoiceField(
                label=action.text,
                choices=ACTION_CHOICES,
                required=False,
                initial=action.status if action.status != "open" else "",
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose done, in progress or dropped")},
            )
            self.fields[f"action_{action.pk}_note"] = forms.CharField(
                label=_("Note on this action (optional)"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages=too_long(),
            )
        for barrier in self.barriers:
            self.fields[f"barrier_{barrier.pk}"] = forms.ChoiceField(
                label=barrier.text,
                choices=BARRIER_CHOICES,
                required=False,
                widget=forms.RadioSelect,
                error_messages={"invalid_choice": _("Choose busted or still in the way")},
            )
            self.fields[f"barrier_{barrier.pk}_note"] = forms.CharField(
                label=_("How was it busted, or what is still in the way? (optional)"),
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages=too_long(),
            )

    def clean(self):
        data = super().clean()
        for barrier in self.barriers:
            if (
                data.get(f"barrier_{barrier.pk}") == ReportBack.Outcome.BUSTED
                and not data.get(f"barrier_{barrier.pk}_note", "").strip()
            ):
                self.add_error(
                    f"barrier_{barrier.pk}_note", _("Say how it was busted, so others can learn")
                )
        if not any(data.get(name) for name in self.fields if not name.endswith("_note")):
            raise forms.ValidationError(_("Choose an outcome for at least one action or barrier"))
        return data

    def action_rows(self):
        for action in self.actions:
            yield action, self[f"action_{action.pk}"], self[f"action_{action.pk}_note"]

    def barrier_rows(self):
        for barrier in self.barriers:
            yield barrier, self[f"barrier_{barrier.pk}"], self[f"barrier_{barrier.pk}_note"]

    def outcomes(self) -> tuple[dict, dict]:
        data = self.cleaned_data
        actions = {
            a.pk: (data[f"action_{a.pk}"], data.get(f"action_{a.pk}_note", ""))
            for a in self.actions
            if data.get(f"action_{a.pk}")
        }
        barriers = {
            b.pk: (data[f"barrier_{b.pk}"], data.get(f"barrier_{b.pk}_note", ""))
            for b in self.barriers
            if data.get(f"barrier_{b.pk}")
        }
        return actions, barriers


class LinkForm(forms.Form):
    theme = forms.ModelChoiceField(
        label=_("Which barrier in the library is it?"),
        queryset=None,
        required=False,
        empty_label=_("A new one: add it to the library"),
        error_messages={"invalid_choice": _("Choose a barrier from the library")},
    )
    new_name = forms.CharField(
        label=_("Name for the new library entry"),
        help_text=_("Short and general, for example Lack of affordable space."),
        required=False,
        max_length=150,
        error_messages=too_long(),
    )

    def __init__(self, *args, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = themes
