from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from . import selectors, services
from .forms import InvitationForm, NeedForm

RUN = "accounts.run_group_or_project"


def _refusal(*errors: str) -> forms.Form:
    """A form holding only these messages, for the page's error summary."""
    form = forms.Form(data={})
    form.full_clean()
    for error in errors:
        form.add_error(None, error)
    return form


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
        try:
            need = services.need_create(created_by=request.user, **form.cleaned_data)
        except services.MatchingRefusal as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("Your need has been saved. Here is who could help."))
            return redirect("matching:need_detail", pk=need.pk)
    status = 400 if form.errors else 200
    return render(request, "matching/need_form.html", {"form": form}, status=status)


def _need_page(request, need, *, form=None, status=200):
    return render(
        request,
        "matching/need_detail.html",
        {
            "need": need,
            "matches": selectors.matches_for_need(need, request.user),
            "invitations": selectors.invitations_for_need(need),
            "form": form,
        },
        status=status,
    )


@login_required
def need_detail(request, pk: int):
    return _need_page(request, _need(request, pk))


@login_required
@require_POST
def invitation_send(request, pk: int):
    need = _need(request, pk)
    form = InvitationForm(request.POST)
    if not form.is_valid():
        return _need_page(request, need, form=_refusal(_("Choose someone to invite.")), status=400)
    person = get_user_model().objects.filter(pk=form.cleaned_data["person"]).first()
    try:
        if person is None:
            raise services.MatchingRefusal(_("This person cannot be invited for this need."))
        services.invitation_send(
            need=need, person=person, invited_by=request.user, message=form.cleaned_data["message"]
        )
    except services.MatchingRefusal as refusal:
        return _need_page(request, need, form=_refusal(str(refusal)), status=400)
    messages.success(request, _("Your invitation has been sent."))
    return redirect("matching:need_detail", pk=need.pk)


@login_required
@require_POST
def need_close(request, pk: int):
    need = _need(request, pk)
    services.need_close(need=need, user=request.user)
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


def _invitation_page(request, invitation, *, form=None, status=200):
    return render(
        request,
        "matching/invitation_detail.html",
        {
            "invitation": invitation,
            "is_asker": request.user.pk == invitation.invited_by_id,
            "contact_email": selectors.contact_email_for(invitation, request.user),
            "form": form,
        },
        status=status,
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
            request, invitation, form=_refusal(_("Choose to accept or decline.")), status=400
        )
    try:
        services.invitation_respond(
            invitation=invitation, user=request.user, accept=answer == "accept"
        )
    except services.MatchingRefusal as refusal:
        return _invitation_page(request, invitation, form=_refusal(str(refusal)), status=400)
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
    except services.MatchingRefusal as refusal:
        return _invitation_page(request, invitation, form=_refusal(str(refusal)), status=400)
    messages.success(request, _("Your invitation has been withdrawn."))
    return redirect("matching:need_detail", pk=invitation.need_id)
