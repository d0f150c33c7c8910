"""Pages for taking part: offer, propose, volunteer; and for owners: needs, roles, news."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form

from .. import selectors, services
from ..forms import (
    DecisionForm,
    NeedForm,
    OfferForm,
    ProposalForm,
    ResourceForm,
    RoleForm,
    UpdateForm,
    VolunteerForm,
)
from ..models import Contribution, Need
from .projects import managed_project, visible_project

PAGES = {
    "offer": (
        gettext_lazy("Offer your help"),
        gettext_lazy("Offer skills, time, a thing or a space. The owners will reply."),
        gettext_lazy("Send the offer"),
    ),
    "proposal": (
        gettext_lazy("Propose an action"),
        gettext_lazy("Say what you will do, and by when. The owners will reply."),
        gettext_lazy("Propose it"),
    ),
    "volunteer": (
        gettext_lazy("Volunteer"),
        gettext_lazy("Volunteer for a role, or to help with an action someone proposed."),
        gettext_lazy("Volunteer"),
    ),
    "need": (
        gettext_lazy("Add a need"),
        gettext_lazy("Say what the project needs."),
        gettext_lazy("Add the need"),
    ),
    "role": (gettext_lazy("Add a volunteer role"), "", gettext_lazy("Add the role")),
    "resource": (gettext_lazy("Add something the project has"), "", gettext_lazy("Add it")),
    "update": (
        gettext_lazy("Post an update"),
        gettext_lazy("Everyone who follows the project will be told."),
        gettext_lazy("Post the update"),
    ),
}


def _form_page(request, project, form, page: str):
    heading, intro, button = PAGES[page]
    context = {
        "form": form,
        "project": project,
        "heading": heading,
        "intro": intro,
        "button": button,
    }
    return render_form(request, "projects/simple_form.html", context)


def _take_part(request, pk: int, *, kind: str, form_class, success: str):
    project = visible_project(request, pk)
    extra = {} if form_class is ProposalForm else {"project": project}
    form = form_class(request.POST or None, **extra)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "contribution")  # each one tells the owners
        with refusal_to_form(form):
            services.contribution_make(
                user=request.user, project=project, kind=kind, **form.cleaned_data
            )
            messages.success(request, success)
            return redirect("projects:detail", pk=project.pk)
    return _form_page(request, project, form, kind)


@login_required
@require_http_methods(["GET", "POST"])
def offer(request, pk: int):
    return _take_part(
        request,
        pk,
        kind="offer",
        form_class=OfferForm,
        success=_("Thank you. The owners have your offer."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def propose(request, pk: int):
    return _take_part(
        request,
        pk,
        kind="proposal",
        form_class=ProposalForm,
        success=_("Thank you. The owners have your proposal."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def volunteer(request, pk: int):
    return _take_part(
        request,
        pk,
        kind="volunteer",
        form_class=VolunteerForm,
        success=_("Thank you for volunteering. The owners will reply."),
    )


@login_required
@require_http_methods(["GET"])
def contributions(request, pk: int):
    project = managed_project(request, pk)
    rows = selectors.contributions_for_owners(project)
    return render(request, "projects/contributions.html", {"project": project, "rows": rows})


@login_required
@require_POST
def decide(request, pk: int, contribution_pk: int):
    project = managed_project(request, pk)
    contribution = get_object_or_404(Contribution, pk=contribution_pk, project=project)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose accept or decline."))
    else:
        with refusal_to_message(request):
            services.contribution_decide(
                user=request.user, contribution=contribution, **form.cleaned_data
            )
            messages.success(request, _("Your answer has been sent."))
    return redirect("projects:contributions", pk=project.pk)


@login_required
@require_POST
def withdraw(request, pk: int, contribution_pk: int):
    contribution = get_object_or_404(Contribution, pk=contribution_pk, project_id=pk)
    with refusal_to_message(request):
        services.contribution_withdraw(user=request.user, contribution=contribution)
        messages.success(request, _("You have withdrawn it."))
    return redirect("projects:detail", pk=pk)


def _owner_form(request, pk: int, *, page: str, form_class, action, success: str):
    project = managed_project(request, pk)
    form = form_class(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            action(user=request.user, project=project, **form.cleaned_data)
            messages.success(request, success)
            return redirect("projects:detail", pk=project.pk)
    return _form_page(request, project, form, page)


@login_required
@require_http_methods(["GET", "POST"])
def need_new(request, pk: int):
    return _owner_form(
        request,
        pk,
        page="need",
        form_class=NeedForm,
        action=services.project_need_add,
        success=_("The need has been added."),
    )


@login_required
@require_POST
def need_met(request, pk: int, need_pk: int):
    project = managed_project(request, pk)
    need = get_object_or_404(Need, pk=need_pk, project=project)
    services.project_need_met(user=request.user, need=need)
    messages.success(request, _("The need is marked as met."))
    return redirect("projects:detail", pk=project.pk)


@login_required
@require_http_methods(["GET", "POST"])
def role_new(request, pk: int):
    return _owner_form(
        request,
        pk,
        page="role",
        form_class=RoleForm,
        action=services.volunteer_role_add,
        success=_("The role has been added."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def resource_new(request, pk: int):
    return _owner_form(
        request,
        pk,
        page="resource",
        form_class=ResourceForm,
        action=services.resource_add,
        success=_("It has been added."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def update_new(request, pk: int):
    return _owner_form(
        request,
        pk,
        page="update",
        form_class=UpdateForm,
        action=services.update_post,
        success=_("The update has been posted."),
    )
