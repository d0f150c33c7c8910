from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coproduce.common.limits import IP, limited, post_field

from . import forms, selectors, services
from .tokens import TokenError

TOKEN_PROBLEMS = {
    "expired": _("This link has expired. Links work for 3 days."),
    "invalid": _("This link is not right. Check you copied the whole link from the email."),
    "used": _("This link has already been used, or your email address has changed since."),
}


@require_http_methods(["GET", "POST"])
@limited("sign_up", per=IP)
@limited("sign_up_address", per=post_field("email"))
def sign_up(request):
    if request.user.is_authenticated:
        return redirect("accounts:account")
    form = forms.SignUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        # A taken address gets the same answer; its owner is emailed instead.
        services.user_sign_up(**form.cleaned_data)
        request.session["sign_up_email"] = form.cleaned_data["email"]
        return redirect("accounts:sign_up_done")
    return render(request, "accounts/sign_up.html", {"form": form})


def sign_up_done(request):
    return render(
        request, "accounts/sign_up_done.html", {"email": request.session.get("sign_up_email", "")}
    )


@require_http_methods(["GET", "POST"])
def verify_email(request, token: str):
    """The link opens a page with a button; only the button (a POST) confirms the address.

    Mail scanners open links to check them, so a GET never changes anything.
    """
    try:
        if request.method == "POST":
            user = services.email_verify(token=token)
        else:
            user = selectors.user_to_verify(token=token)
    except TokenError as problem:
        return render(
            request,
            "accounts/link_problem.html",
            {"problem": TOKEN_PROBLEMS[str(problem)], "resend": True},
            status=400,
        )
    if request.method == "GET" and not user.email_verified:
        return render(request, "accounts/verify_email_confirm.html", {"email": user.email})
    return render(request, "accounts/verify_email_done.html", {"verified_user": user})


@require_http_methods(["GET", "POST"])
@limited("confirmation_resend_ip", per=IP)
@limited("confirmation_resend", per=post_field("email"))
def resend_verification(request):
    form = forms.ResendVerificationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = selectors.user_by_email(form.cleaned_data["email"])
        if user is not None:
            services.email_verification_send(user=user)
        # The same answer either way, so this page cannot be used to test who has an account.
        return render(request, "accounts/sign_up_done.html", {"email": form.cleaned_data["email"]})
    return render(request, "accounts/resend_verification.html", {"form": form})


class SignInView(auth_views.LoginView):
    form_class = forms.SignInForm
    template_name = "accounts/sign_in.html"
    redirect_authenticated_user = True


class SignOutView(auth_views.LogoutView):
    http_method_names = ["post", "options"]


@login_required
def account(request):
    return render(
        request,
        "accounts/account.html",
        {"roles": selectors.role_labels_for(request.user)},
    )


@login_required
@require_http_methods(["GET", "POST"])
@limited("email_change")
def change_email(request):
    form = forms.ChangeEmailForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.email_change_request(user=request.user, new_email=form.cleaned_data["new_email"])
        return render(
            request,
            "accounts/change_email_sent.html",
            {"new_email": form.cleaned_data["new_email"]},
        )
    return render(request, "accounts/change_email.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def change_email_confirm(request, token: str):
    """The link opens a page with a button; only the button (a POST) changes the address."""
    try:
        if request.method == "GET":
            new_email = selectors.new_email_in_link(user=request.user, token=token)
            return render(request, "accounts/change_email_confirm.html", {"new_email": new_email})
        services.email_change_confirm(user=request.user, token=token)
    except TokenError as problem:
        return render(
            request,
            "accounts/link_problem.html",
            {"problem": TOKEN_PROBLEMS[str(problem)]},
            status=400,
        )
    except services.EmailInUse:
        return render(
            request,
            "accounts/link_problem.html",
            {"problem": _("Another account now uses that email address.")},
            status=409,
        )
    messages.success(request, _("Your email address has been changed."))
    return redirect("accounts:account")


password_reset = limited("password_reset_ip", per=IP)(
    limited("password_reset", per=post_field("email"))(
        auth_views.PasswordResetView.as_view(
            form_class=forms.QueuedPasswordResetForm,
            template_name="accounts/password_reset.html",
            success_url=reverse_lazy("accounts:password_reset_done"),
        )
    )
)
password_reset_done = auth_views.PasswordResetDoneView.as_view(
    template_name="accounts/password_reset_done.html"
)
password_reset_confirm = auth_views.PasswordResetConfirmView.as_view(
    form_class=forms.GovUKSetPasswordForm,
    template_name="accounts/password_reset_confirm.html",
    success_url=reverse_lazy("accounts:password_reset_complete"),
)
password_reset_complete = auth_views.PasswordResetCompleteView.as_view(
    template_name="accounts/password_reset_complete.html"
)
password_change = auth_views.PasswordChangeView.as_view(
    form_class=forms.GovUKPasswordChangeForm,
    template_name="accounts/password_change.html",
    success_url=reverse_lazy("accounts:password_change_done"),
)
password_change_done = auth_views.PasswordChangeDoneView.as_view(
    template_name="accounts/password_change_done.html"
)
