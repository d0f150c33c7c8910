from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import (
    AuthenticationForm,
    PasswordChangeForm,
    PasswordResetForm,
    SetPasswordForm,
)
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.common.email import absolute_url, email_queue

from .models import User, normalise_email

EMAIL_ERRORS = {
    "required": _("Enter your email address"),
    "invalid": _("Enter an email address in the correct format, like name@example.com"),
}


def email_field(label, *, help_text="", autofocus: bool = False) -> forms.EmailField:
    """An email address field with our messages and the browser's autocomplete hint."""
    attrs = {"autocomplete": "email", **({"autofocus": True} if autofocus else {})}
    return forms.EmailField(
        label=label,
        help_text=help_text,
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs=attrs),
    )


class SignUpForm(forms.Form):
    display_name = forms.CharField(
        label=_("Your name"),
        help_text=_("Other people will see this. You can use just your first name."),
        max_length=150,
        error_messages={
            "required": _("Enter your name"),
            "max_length": _("Name must be 150 characters or fewer"),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    email = email_field(_("Email address"), help_text=_("We will send you a link to confirm it."))
    password = forms.CharField(
        label=_("Create a password"),
        help_text=_("Use at least 10 characters. A few words strung together work well."),
        strip=False,
        error_messages={"required": _("Enter a password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self) -> str:
        # Whether the address is taken is never said here: services.user_sign_up emails
        # its owner instead, so the form cannot be used to test who has an account.
        return normalise_email(self.cleaned_data["email"])

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password")
        if password:
            candidate = User(
                email=cleaned.get("email", ""), display_name=cleaned.get("display_name", "")
            )
            try:
                password_validation.validate_password(password, candidate)
            except ValidationError as error:
                self.add_error("password", error)
        return cleaned


class SignInForm(AuthenticationForm):
    """Sign in with email and password. Unconfirmed addresses are asked to confirm first."""

    username = email_field(_("Email address"), autofocus=True)
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        error_messages={"required": _("Enter your password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _(
            "The email address or password is not right. Check them and try again. "
            "After 5 tries you will have to wait 15 minutes."
        ),
        "inactive": _("This account has been closed."),
        "unverified": _(
            "You need to confirm your email address first. We have sent you a new link."
        ),
    }

    def clean_username(self) -> str:
        return normalise_email(self.cleaned_data["username"])

    def confirm_login_allowed(self, user: User) -> None:
        super().confirm_login_allowed(user)
        if not user.email_verified:
            from .services import email_verification_send

            email_verification_send(user=user)
            raise ValidationError(self.error_messages["unverified"], code="unverified")


class ResendVerificationForm(forms.Form):
    email = email_field(_("Email address"))


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's reset form, with the email sent by the task worker in our own templates."""

    email = email_field(_("Email address"))

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ):
        link = absolute_url(
            reverse(
                "accounts:password_reset_confirm",
                kwargs={"uidb64": context["uid"], "token": context["token"]},
            )
        )
        email_queue(
            to=to_email,
            template_base="accounts/email/password_reset",
            context={"user": context["user"], "link": link},
        )


class GovUKSetPasswordForm(SetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].label = _("New password")
        self.fields["new_password1"].help_text = _("Use at least 10 characters.")
        self.fields["new_password2"].label = _("Confirm new password")
        self.fields["new_password1"].error_messages["required"] = _("Enter a new password")
        self.fields["new_password2"].error_messages["required"] = _("Enter the new password again")


class GovUKPasswordChangeForm(PasswordChangeForm, GovUKSetPasswordForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Current password")
        self.fields["old_password"].error_messages["required"] = _("Enter your current password")


class ChangeEmailForm(forms.Form):
    new_email = email_field(_("New email address"))
    password = forms.CharField(
        label=_("Your password"),
        help_text=_("We ask for this to check it is really you."),
        strip=False,
        error_messages={"required": _("Enter your password")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        self.user = user
        super().__init__(*args, **kwargs)

    def clean_new_email(self) -> str:
        email = normalise_email(self.cleaned_data["new_email"])
        if email == self.user.email:
            raise ValidationError(_("This is already your email address"), code="same")
        # Whether another account uses it is never said here (see email_change_request).
        return email

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise ValidationError(_("Your password is not right"), code="wrong_password")
        return password
