"""An officer's API tokens: make one (shown once), see when each was last used, revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.dates.local import day_bounds
from coproduce.common.errors import NotAllowed, refusal_to_form, render_form

from .. import permissions, selectors, services
from ..forms import ApiTokenForm


def _may_write(user) -> None:
    if not permissions.can_write_through_api(user):
        raise NotAllowed(_("Only council officers who may write through the API can do this."))


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def api_tokens(request):
    user = request.user
    _may_write(user)
    form = ApiTokenForm(request.POST if request.method == "POST" else None)
    made = None
    if form.is_bound and form.is_valid():
        limits.check(request, "api_token_make")
        day = form.cleaned_data["expires_on"]
        with refusal_to_form(form):
            row, token = services.api_token_create(
                user=user,
                name=form.cleaned_data["name"],
                expires_at=day_bounds(day, day)[1] if day else None,
            )
            made = {"row": row, "token": token}
            form = ApiTokenForm()
    return render_form(
        request,
        "staff/api_tokens.html",
        {"form": form, "made": made, "tokens": selectors.api_tokens_of(user)},
    )


@login_required
@require_POST
def api_token_revoke(request, pk: int):
    _may_write(request.user)
    token = selectors.api_token_of(request.user, pk)
    if token is None:
        raise Http404
    services.api_token_revoke(token=token, by=request.user)
    messages.success(request, _("The token %(name)s no longer works.") % {"name": token.name})
    return redirect("staff:api_tokens")
