from django import forms
from django.utils.translation import gettext_lazy as _


class CloseAccountForm(forms.Form):
    comments = forms.ChoiceField(
        label=_("What should happen to your comments?"),
        choices=[
            ("keep", _("Keep them, shown as by “a former member”")),
            ("remove", _("Remove what they say")),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose what should happen to your comments")},
    )
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("So we know it is you."),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
        error_messages={"required": _("Enter your password")},
    )

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Your password is not right"))
        return password


class SubjectAccessForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address of the person"),
        max_length=254,
        error_messages={
            "required": _("Enter the person's email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.com"),
        },
    )
    reason = forms.CharField(
        label=_("Why you need their data"),
        help_text=_("For example, the reference of their subject access request."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Say why you need this person's data")},
    )
