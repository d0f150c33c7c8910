from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required, permission_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.common.errors import Refusal, form_with_errors, refusal_to_form, render_form
from coproduce.common.limits import limited
from coproduce.projects import services as project_services

from . import permissions, selectors, services
from .forms import InvitationForm, NeedForm

RUN = "accounts.run_group_or_project"


def _need(request, pk: int):
    need = selectors.need_for_asker(pk=pk, user=request.user)
    if need is None:
        raise Http404
    return need


@login_required
@permission_required(RUN, raise_exception=True)
def need_list(request):
    return render(request, "matching/need_list.html", {"needs": selectors.needs_of(request.user)})


@login_required
@permission_required(RUN, raise_exception=True)
@require_http_methods(["GET", "POST"])
def need_create(request):
    form = NeedForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            need = project_services.need_create(created_by=request.user, **form.cleaned_data)
            messages.success(request, _("Your need has been saved. Here is who could help."))
            return redirect("matching:need_detail", pk=need.pk)
    return render_form(request, "matching/need_form.html", {"form": form})


def _need_page(request, need, *, form=None):
    """The need with who could help; 400 when `form` holds a refusal."""
    return render_form(
        request,
        "matching/need_detail.html",
        {
            "need": need,
            "matches": selectors.matches_for_need(need, request.user),
            "can_see_candidates": permissions.can_see_candidates(request.user, need),
            "invitations_left": permissions.invitations_left_today(request.user),
            "invitations": selectors.invitations_for_need(need),
            "form": form,
        },
    )


@login_required
def need_detail(request, pk: int):
    return _need_page(request, _need(request, pk))


@login_required
@require_POST
@limited("matching_invite")
def invitation_send(request, pk: int):
    need = _need(request, pk)
    if not permissions.can_see_candidates(request.user, need):
        raise PermissionDenied(_("You cannot invite people for this need."))
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return _need_page(request, need, form=form_with_errors(_("Choose someone to invite.")))
    person = get_user_model().objects.filter(pk=form.cleaned_data["person"]).first()
    try:
        if person is None:
            raise Refusal(_("This person cannot be invited for this need."))
        services.invitation_send(
            need=need, person=person, invited_by=request.user, message=form.cleaned_data["message"]
        )
    except Refusal as refusal:
        return _need_page(request, need, form=form_with_errors(str(refusal)))
    messages.success(request, _("Your invitation has been sent."))
    return redirect("matching:need_detail", pk=need.pk)


@login_required
@require_POST
def need_close(request, pk: int):
    need = _need(request, pk)
    project_services.need_close(need=need, user=request.user)
    messages.success(request, _("This need is now closed."))
    return redirect("matching:need_detail", pk=need.pk)


@login_required
def invitation_list(request):
    return render(
        request,
        "matching/invitation_list.html",
        {"invitations": selectors.invitations_received(request.user)},
    )


def _invitation(request, pk: int):
    invitation = selectors.invitation_for(pk=pk, user=request.user)
    if invitation is None:
        raise Http404
    return invitation


def _invitation_page(request, invitation, *, form=None):
    """The invitation; 400 when `form` holds a refusal."""
    return render_form(
        request,
        "matching/invitation_detail.html",
        {
            "invitation": invitation,
            "is_asker": request.user.pk == invitation.invited_by_id,
            "contact_email": selectors.contact_email_for(invitation, request.user),
            "form": form,
        },
    )


@login_required
def invitation_detail(request, pk: int):
    return _invitation_page(request, _invitation(request, pk))


@login_required
@require_POST
def invitation_respond(request, pk: int):
    invitation = _invitation(request, pk)
    answer = request.POST.get("answer")
    if answer not in {"accept", "decline"}:
        return _invitation_page(
            request, invitation, form=form_with_errors(_("Choose to accept or decline."))
        )
    try:
        services.invitation_respond(
            invitation=invitation, user=request.user, accept=answer == "accept"
        )
    except Refusal as refusal:
        return _invitation_page(request, invitation, form=form_with_errors(str(refusal)))
    if answer == "accept":
        messages.success(request, _("You have accepted. The person who asked can now email you."))
    else:
        messages.success(request, _("You have declined. Thank you for letting them know."))
    return redirect("matching:invitation_detail", pk=invitation.pk)


@login_required
@require_POST
def invitation_withdraw(request, pk: int):
    invitation = _invitation(request, pk)
    try:
        services.invitation_withdraw(invitation=invitation, user=request.user)
    except Refusal as refusal:
        return _invitation_page(request, invitation, form=form_with_errors(str(refusal)))
    messages.success(request, _("Your invitation has been withdrawn."))
    return redirect("matching:need_detail", pk=invitation.need_id)
