"""Forms for writing a guide and answering a course step's check."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.form_errors import too_long
from coproduce.common.plain_language import MAX_TEXT
from coproduce.common.writing import plain_language_attrs

from .models import Step, Topic


class GuideForm(forms.Form):
    topic = forms.ChoiceField(
        label=_("What is the guide about?"),
        choices=Topic.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what the guide is about"),
            "invalid_choice": _("Choose one of the options"),
        },
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=150,
        widget=forms.TextInput(attrs=plain_language_attrs()),
        error_messages={"required": _("Give the guide a title"), **too_long()},
    )
    summary = forms.CharField(
        label=_("Summary"),
        help_text=_("One short sentence. It shows in the list of guides."),
        max_length=300,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=2)),
        error_messages={"required": _("Say in a sentence what the guide is for"), **too_long()},
    )
    body = forms.CharField(
        label=_("The guide"),
        help_text=_(
            'Leave an empty line between paragraphs. Start a line with "## " for a heading, '
            '"- " for a list, or "1. " for numbered steps. Web addresses that start with '
            "https:// become links."
        ),
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=18)),
        error_messages={"required": _("Write the guide"), **too_long()},
    )
    note = forms.CharField(
        label=_("What did you change?"),
        help_text=_("A few words, for the guide's history."),
        max_length=300,
        error_messages={"required": _("Say in a few words what you changed"), **too_long()},
    )

    def __init__(self, *args, new: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if new:
            self.fields["note"].required = False
        else:
            # A guide keeps its topic: its stories and links depend on it.
            del self.fields["topic"]

    @staticmethod
    def initial_for(guide) -> dict:
        return {"title": guide.title, "summary": guide.summary, "body": guide.body}


class CheckForm(forms.Form):
    """The check at the end of a step: one answer from a few."""

    option = forms.TypedChoiceField(
        label="",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose an answer"),
            "invalid_choice": _("Choose one of the answers"),
        },
    )

    def __init__(self, *args, step: Step, **kwargs):
        super().__init__(*args, **kwargs)
        self.step = step
        self.fields["option"].label = step.question
        self.fields["option"].choices = [(o.pk, o.text) for o in step.options.all()]

    def chosen(self):
        wanted = self.cleaned_data["option"]
        return next(o for o in self.step.options.all() if o.pk == wanted)
