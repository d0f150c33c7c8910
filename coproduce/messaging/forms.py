"""The one form of messaging: a message."""

from django import forms
from django.utils.translation import gettext_lazy as _

from coproduce.common.form_errors import too_long

from .services import LONGEST_MESSAGE


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        help_text=_("Only put your phone number or address here if you want them to have it."),
        max_length=LONGEST_MESSAGE,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write your message"), **too_long()},
    )
