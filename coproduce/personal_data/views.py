from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form
from coproduce.common.limits import limited

from . import forms, selectors, services
from .permissions import can_answer_subject_access
from .tokens import export_id_from_token


@login_required
@require_GET
def your_data(request):
    return render(
        request,
        "personal_data/your_data.html",
        {
            "exports": selectors.exports_of(request.user),
            "days": selectors.export_days(),
        },
    )


@login_required
@require_POST
@limited("data_export")
def export_request(request):
    with refusal_to_message(request):
        services.export_request(person=request.user)
        messages.success(
            request,
            _("We are preparing your data. We will email you a link when it is ready."),
        )
    return redirect("personal_data:your_data")


@login_required
@require_GET
def export_download(request, token: str):
    export = services.export_for_download(export_id=export_id_from_token(token), user=request.user)
    if export.for_someone_else:
        services.subject_access_downloaded(officer=request.user, export=export)
    response = HttpResponse(bytes(export.content), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="coproduce-data-{export.pk}.zip"'
    response["Cache-Control"] = "no-store, private"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def close_account(request):
    blockers = selectors.closing_blockers(request.user)
    form = forms.CloseAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and not blockers and form.is_valid():
        with refusal_to_form(form):
            services.account_close(
                user=request.user, remove_comments=form.cleaned_data["comments"] == "remove"
            )
            logout(request)
            return redirect("personal_data:closed")
    return render_form(
        request,
        "personal_data/close_account.html",
        {"form": form, "blockers": blockers, "safeguarding_years": selectors.safeguarding_years()},
    )


@require_GET
def account_closed(request):
    return render(request, "personal_data/account_closed.html")


@login_required
@require_http_methods(["GET", "POST"])
def subject_access(request):
    if not can_answer_subject_access(request.user):
        raise PermissionDenied
    form = forms.SubjectAccessForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form, let_through=(NotAllowed,)):
            services.subject_access_request(
                officer=request.user,
                email=form.cleaned_data["email"],
                reason=form.cleaned_data["reason"],
            )
            messages.success(
                request,
                _("We are preparing the download. We will email you a link when it is ready."),
            )
            return redirect("personal_data:subject_access")
    return render_form(
        request,
        "personal_data/subject_access.html",
        {"form": form, "exports": selectors.subject_access_exports(request.user)},
    )
