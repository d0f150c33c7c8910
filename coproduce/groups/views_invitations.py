"""Pages for asking someone to help organise a group, and for answering."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form

from . import invitations, permissions, selectors
from .forms import OrganiserInviteForm
from .models import OrganiserInvitation
from .views import visible_organisation


@login_required
@require_http_methods(["GET", "POST"])
def organiser_invite(request, slug: str):
    organisation, role = visible_organisation(request, slug)
    if not permissions.can_change(request.user, organisation, role=role):
        raise PermissionDenied(_("Only the group's organisers can ask someone to help."))
    form = OrganiserInviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            limits.check(request, "owner_invite")  # each one may email someone
            invitations.organiser_invite(
                organisation=organisation, by=request.user, email=form.cleaned_data["email"]
            )
            # The same words whether or not the address has an account.
            messages.success(
                request,
                _(
                    "If they have an account, we have asked them. "
                    "They become an organiser only if they say yes."
                ),
            )
            return redirect("groups:members", slug=organisation.slug)
    return render_form(
        request, "groups/organiser_invite.html", {"form": form, "organisation": organisation}
    )


def _own_invitation(request, pk: int) -> OrganiserInvitation:
    """The invitation, only for the person asked: anyone else gets 404, as if none existed."""
    invitation = selectors.organiser_invitations_for(request.user).filter(pk=pk).first()
    if invitation is None:
        raise Http404
    return invitation


@login_required
def invitation_detail(request, pk: int):
    invitation = _own_invitation(request, pk)
    return render(request, "groups/organiser_invitation.html", {"invitation": invitation})


@login_required
@require_POST
def invitation_accept(request, pk: int):
    invitation = _own_invitation(request, pk)
    with refusal_to_message(request):
        invitations.organiser_invitation_accept(invitation=invitation, user=request.user)
        messages.success(
            request,
            _("You are now an organiser of %(group)s.") % {"group": invitation.organisation.name},
        )
    return redirect("groups:detail", slug=invitation.organisation.slug)


@login_required
@require_POST
def invitation_decline(request, pk: int):
    invitation = _own_invitation(request, pk)
    with refusal_to_message(request):
        invitations.organiser_invitation_decline(invitation=invitation, user=request.user)
        messages.success(request, _("You said no. Nothing has changed."))
    return redirect("groups:yours")
