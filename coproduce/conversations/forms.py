from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.filters import FilterForm
from coproduce.common.form_errors import CHOOSE, too_long
from coproduce.common.writing import plain_language_attrs
from coproduce.places.fields import ward_field, ward_filter_field

from .models import STATEMENT_MAX, Conversation, SignedLink


class ConversationForm(forms.Form):
    """Open a conversation. Which places, projects, series and groups are offered depends
    on who is asking (views pass the querysets in)."""

    question = forms.CharField(
        label=_("What is the question?"),
        help_text=_("For example: “What should our food strategy do first?”"),
        max_length=200,
        error_messages={"required": _("Enter the question"), **too_long()},
    )
    description = forms.CharField(
        label=_("What is it about?"),
        help_text=_("A few short sentences. Say what you will do with the answers."),
        max_length=1000,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=4)),
        error_messages={"required": _("Say what it is about"), **too_long()},
    )
    scope = forms.ChoiceField(
        label=_("Who is it for?"),
        choices=Conversation.Scope.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who it is for"), **CHOOSE},
    )
    ward = ward_field(_("Which ward? (if it is for a ward)"), empty_label=_("Choose a ward"))
    project = forms.ModelChoiceField(
        label=_("Which project? (if it is for a project)"),
        queryset=None,
        required=False,
        empty_label=_("Choose a project"),
        error_messages={"invalid_choice": _("Choose a project you run")},
    )
    series = forms.ModelChoiceField(
        label=_("Which series of events? (if it is for a series)"),
        queryset=None,
        required=False,
        empty_label=_("Choose a series"),
        error_messages={"invalid_choice": _("Choose a series you run")},
    )
    group = forms.ModelChoiceField(
        label=_("Is a group running it with you? (optional)"),
        help_text=_("The group's organisers can run the conversation too."),
        queryset=None,
        required=False,
        empty_label=_("No group"),
        error_messages={"invalid_choice": _("Choose a group you organise")},
    )
    adding = forms.ChoiceField(
        label=_("Who may add statements?"),
        help_text=_("A moderator checks every statement from residents before others see it."),
        choices=Conversation.Adding.choices,
        initial=Conversation.Adding.EVERYONE,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose who may add statements"), **CHOOSE},
    )
    seeds_wait = forms.BooleanField(
        label=_("A moderator checks the statements you add too"),
        required=False,
    )

    def __init__(self, *args, projects, series, groups, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["project"].queryset = projects
        self.fields["series"].queryset = series
        self.fields["group"].queryset = groups

    def clean(self):
        data = super().clean()
        scope = data.get("scope")
        if scope in ("ward", "project", "series") and not data.get(scope):
            names = {
                "ward": _("Choose the ward it is for"),
                "project": _("Choose the project it is for"),
                "series": _("Choose the series it is for"),
            }
            if scope not in self.errors:
                self.add_error(scope, names[scope])
        return data


class StatementForm(forms.Form):
    text = forms.CharField(
        label=_("Your statement"),
        help_text=_(
            "One short idea that people can agree or disagree with. "
            "Up to %(limit)d characters. A moderator checks it before others see it."
        )
        % {"limit": STATEMENT_MAX},
        max_length=STATEMENT_MAX,
        widget=forms.Textarea(attrs=plain_language_attrs(rows=3)),
        error_messages={"required": _("Enter your statement"), **too_long()},
    )


class SeedForm(StatementForm):
    """A statement by the people running the conversation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["text"].label = _("Add a statement")
        self.fields["text"].help_text = _(
            "One short idea that people can agree or disagree with. Up to %(limit)d characters."
        ) % {"limit": STATEMENT_MAX}


class LinkForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Where will you hand out the link?"),
        choices=SignedLink.Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose where you will hand it out"), **CHOOSE},
    )
    label = forms.CharField(
        label=_("Name of the street or meeting"),
        help_text=_("For example: “Elm Road” or “Library meeting, 3 March”."),
        max_length=120,
        error_messages={"required": _("Enter a name for the link"), **too_long()},
    )


class ConversationFilterForm(FilterForm):
    ward = ward_filter_field()
