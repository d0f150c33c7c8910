from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.writing import plain_language_attrs

from .models import MAX_BODY, Report


class CommentForm(forms.Form):
    """A comment, or a reply when `parent` is given."""

    body = forms.CharField(
        label=_("Add a comment"),
        help_text=_("Everyone who can see the project can read it. Do not share contact details."),
        # No max_length here: the check below gives a clearer message, and the widget keeps
        # no maxlength attribute so nobody's text is cut off silently as they type.
        widget=forms.Textarea(attrs=plain_language_attrs(rows=4)),
        error_messages={"required": _("Enter your comment")},
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput, min_value=1)

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].replace("\r\n", "\n").strip()
        if len(body) > MAX_BODY:
            raise forms.ValidationError(
                _("Your comment must be %(limit)s characters or fewer. It is %(length)s."),
                params={"limit": f"{MAX_BODY:,}", "length": f"{len(body):,}"},
                code="max_length",
            )
        return body


class ReplyForm(CommentForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Your reply")


class CommentEditForm(CommentForm):
    """The new text of your own comment."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].label = _("Your comment")
        del self.fields["parent"]


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why are you reporting it?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose why you are reporting it")},
    )
    details = forms.CharField(
        label=_("Tell us more (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Use %(limit_value)d characters or fewer")},
    )


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("The author is told this reason. Say which rule it breaks."),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": _("Enter the reason"),
            "max_length": _("Use %(limit_value)d characters or fewer"),
        },
    )


class WaitingDecisionForm(forms.Form):
    """A moderator's yes or no on something waiting to be shown (discussion/waiting.py)."""

    decision = forms.ChoiceField(
        label=_("Can it be shown?"),
        choices=[
            ("approve", _("Yes, show it")),
            ("reject", _("No, it breaks the rules")),
        ],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose whether it can be shown"),
            "invalid_choice": _("Choose whether it can be shown"),
        },
    )
    reason = forms.CharField(
        label=_("Reason"),
        help_text=_("Needed if you say no. The author is told this reason."),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": _("Use %(limit_value)d characters or fewer")},
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Say why it cannot be shown"))
        return data
