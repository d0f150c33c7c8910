"""The link in the take-over email: choose a password, and the account is yours."""

from django.contrib import messages
from django.contrib.auth import login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coproduce.accounts.tokens import TokenError
from coproduce.common.errors import refusal_to_form, render_form

from ..forms import SetPasswordForm
from ..services.takeover import takeover_check, takeover_confirm


@require_http_methods(["GET", "POST"])
def take_over(request, token: str):
    """Opening the link changes nothing: choosing a password and pressing the button does."""
    try:
        takeover_check(token=token)
    except TokenError as error:
        return render(request, "offline/take_over_broken.html", {"why": str(error)}, status=400)
    form = SetPasswordForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            try:
                user = takeover_confirm(token=token, password=form.cleaned_data["password"])
            except TokenError as error:
                return render(
                    request, "offline/take_over_broken.html", {"why": str(error)}, status=400
                )
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            messages.success(request, _("The account is yours now. Welcome."))
            return redirect("accounts:account")
    return render_form(request, "offline/take_over.html", {"form": form})
