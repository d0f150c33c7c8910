from django import forms
from django.utils.translation import gettext_lazy as _

from .kinds import KINDS
from .text import MAX_QUESTION_LENGTH

MAX_PAGE = 500


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUESTION_LENGTH,
        strip=True,
        widget=forms.TextInput(attrs={"class": "govuk-!-width-two-thirds", "spellcheck": "false"}),
        error_messages={
            "max_length": _("Search for %(limit_value)d characters or fewer."),
        },
    )
    kind = forms.ChoiceField(
        label=_("Show only"),
        required=False,
        choices=[("", _("Everything"))] + [(k.key, k.label) for k in KINDS],
        error_messages={"invalid_choice": _("Choose what to show from the list.")},
    )
    page = forms.IntegerField(
        label=_("Page"),
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "invalid": _("The page must be a whole number, like 2."),
            "min_value": _("The page must be 1 or more."),
            "max_value": _("The page must be %(limit_value)s or less."),
        },
    )
