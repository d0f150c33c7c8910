"""Pages of projects: the list, one project, and what its owners change."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form
from coproduce.common.panels import panels_for
from coproduce.common.visitor_pages import kept_for_visitors
from coproduce.groups.models import Organisation

from .. import selectors, services
from ..forms import OwnerForm, ParametersForm, ProjectFilterForm, ProjectForm, StatusForm
from ..lifecycle import OPEN_TO_JOIN, Status
from ..models import Owner, OwnerInvitation
from ..pack import pack_for, render_pdf
from ..permissions import can_give_council_role, can_manage, can_see

PAGE_SIZE = 20


@require_GET
@kept_for_visitors
def project_list(request):
    form = ProjectFilterForm.from_request(request, signed_in=request.user.is_authenticated)
    # A filter that makes no sense is a 400 listing every project, with the error beside it.
    valid = form.is_valid()
    filters = selectors.ProjectFilters(**(form.filters() if valid else {}))
    page = Paginator(selectors.listed_projects(filters, request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {"page": page, "form": form}
    return render(request, "projects/project_list.html", context, status=200 if valid else 400)


def visible_project(request, pk: int):
    """The project with what its page shows, or 404 if it is missing or theirs not to see."""
    project = selectors.project_for_page(pk)
    if project is None or not can_see(request.user, project):
        raise Http404
    return project


@require_GET
@kept_for_visitors
def project_detail(request, pk: int):
    project = visible_project(request, pk)
    taken = selectors.help_taken(project)
    context = {
        "project": project,
        "owners": list(project.owners.all()),
        "story": selectors.story_of(project, taken),
        "helpers": selectors.helpers_among(taken),
        "can_manage": can_manage(request.user, project),
        "council_owns": selectors.council_owns(project),
        "state": selectors.viewer_state(project, request.user),
        "can_take_ownership": project.status == Status.IDEA and not project.owners.all(),
        "open_to_join": project.status in OPEN_TO_JOIN and project.parameters_published,
        "mine": selectors.my_contributions(project, request.user),
        "panels": panels_for("project", project, request),
    }
    return render(request, "projects/project_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def project_new(request):
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        project = services.project_share(user=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you. Your idea is shared."))
        return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_form.html", {"form": form, "new": True})


def managed_project(request, pk: int):
    """The project, or 404 unless this person manages it."""
    project = visible_project(request, pk)
    if not can_manage(request.user, project):
        raise Http404  # not saying whether it exists to people who cannot manage it
    return project


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request, pk: int):
    project = managed_project(request, pk)
    initial = {f: getattr(project, f) for f in ["title", "summary", "theme", "description"]}
    form = ProjectForm(request.POST or None, initial={**initial, "ward": project.ward_id})
    if request.method == "POST" and form.is_valid():
        services.project_update_details(
            user=request.user, project=project, place=project.place, **form.cleaned_data
        )
        messages.success(request, _("The project has been saved."))
        return redirect("projects:detail", pk=project.pk)
    return render(request, "projects/project_form.html", {"form": form, "project": project})


@login_required
@require_http_methods(["GET", "POST"])
def project_parameters(request, pk: int):
    project = managed_project(request, pk)
    fields = ["fixed_budget", "fixed_dates", "fixed_rules", "open_to_shape", "how_to_help"]
    form = ParametersForm(request.POST or None, initial={f: getattr(project, f) for f in fields})
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.project_set_parameters(user=request.user, project=project, **form.cleaned_data)
            messages.success(request, _("What is fixed and what is open has been saved."))
            return redirect("projects:detail", pk=project.pk)
    return render_form(request, "projects/parameters_form.html", {"form": form, "project": project})


@login_required
@require_http_methods(["GET", "POST"])
def project_status(request, pk: int):
    project = managed_project(request, pk)
    form = StatusForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.project_change_status(user=request.user, project=project, **form.cleaned_data)
            messages.success(request, _("The project's status has been changed."))
            return redirect("projects:detail", pk=project.pk)
    return render_form(request, "projects/status_form.html", {"form": form, "project": project})


@login_required
@require_http_methods(["GET", "POST"])
def project_owners(request, pk: int):
    project = managed_project(request, pk)
    organisations = Organisation.objects.filter(
        memberships__user=request.user, memberships__role="organiser"
    ).order_by("name")
    form = OwnerForm(
        request.POST or None,
        organisations=organisations,
        may_give_council_role=can_give_council_role(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_to_form(form):
            if data["email"]:
                limits.check(request, "owner_invite")  # each one may email someone
                services.project_owner_invite(
                    user=request.user, project=project, email=data["email"], role=data["role"]
                )
                # The same answer whether or not the address has an account.
                messages.success(
                    request, _("If they have an account, we have asked them to join as an owner.")
                )
            else:
                services.project_owner_add(
                    user=request.user,
                    project=project,
                    role=data["role"],
                    organisation=data["organisation"],
                )
                messages.success(request, _("The group has been added as an owner."))
            return redirect("projects:owners", pk=project.pk)
    context = {
        "form": form,
        "project": project,
        "owners": list(project.owners.all()),
        "invitations": selectors.owner_invitations_waiting(project),
    }
    return render_form(request, "projects/owners.html", context)


@login_required
@require_POST
def owner_invitation_withdraw(request, pk: int, invitation_pk: int):
    project = managed_project(request, pk)
    invitation = get_object_or_404(OwnerInvitation, pk=invitation_pk, project=project)
    with refusal_to_message(request):
        services.owner_invitation_withdraw(user=request.user, invitation=invitation)
        messages.success(request, _("The invitation has been withdrawn."))
    return redirect("projects:owners", pk=project.pk)


def _owner_invitation(request, pk: int) -> OwnerInvitation:
    invitation = selectors.owner_invitation_for(pk=pk, user=request.user)
    if invitation is None:
        raise Http404
    return invitation


@login_required
@require_GET
def owner_invitation(request, pk: int):
    """The person invited sees what they are asked, and answers with a button."""
    invitation = _owner_invitation(request, pk)
    return render(request, "projects/owner_invitation.html", {"invitation": invitation})


@login_required
@require_POST
def owner_invitation_reply(request, pk: int):
    invitation = _owner_invitation(request, pk)
    answer = request.POST.get("answer")
    if answer not in {"accept", "decline"}:
        messages.error(request, _("Choose to accept or decline."))
        return redirect("projects:owner_invitation", pk=invitation.pk)
    with refusal_to_message(request):
        services.owner_invitation_respond(
            user=request.user, invitation=invitation, accept=answer == "accept"
        )
        if answer == "accept":
            messages.success(request, _("You are now an owner of this project."))
            return redirect("projects:detail", pk=invitation.project_id)
        messages.success(request, _("You have declined. Thank you for letting them know."))
    return redirect("projects:owner_invitation", pk=invitation.pk)


@login_required
@require_POST
def owner_remove(request, pk: int, owner_pk: int):
    project = managed_project(request, pk)
    owner = get_object_or_404(Owner, pk=owner_pk, project=project)
    with refusal_to_message(request):
        services.project_owner_remove(user=request.user, owner=owner)
    return redirect("projects:owners", pk=project.pk)


def _action(request, pk: int, action, success: str):
    project = visible_project(request, pk)
    with refusal_to_message(request):
        action(user=request.user, project=project)
        messages.success(request, success)
    return redirect("projects:detail", pk=project.pk)


@login_required
@require_POST
def take_ownership(request, pk: int):
    return _action(
        request, pk, services.project_take_ownership, _("You are now this project's lead.")
    )


@login_required
@require_POST
def appreciate(request, pk: int):
    return _action(request, pk, services.project_appreciate, _("Thank you for appreciating it."))


@login_required
@require_POST
def unappreciate(request, pk: int):
    return _action(
        request, pk, services.project_appreciation_withdraw, _("Your appreciation is taken back.")
    )


@login_required
@require_POST
def follow(request, pk: int):
    return _action(request, pk, services.project_follow, _("You will be told about updates."))


@login_required
@require_POST
def unfollow(request, pk: int):
    return _action(request, pk, services.project_unfollow, _("You no longer follow it."))


@login_required
@require_GET
def projects_for_me(request):
    """Projects that need someone with the skills this person has confirmed."""
    return render(
        request,
        "projects/for_me.html",
        {"projects": selectors.projects_for_me(request.user)},
    )


@require_GET
def project_pack(request, pk: int):
    """The project pack as a printable page."""
    pack = pack_for(pk, site_url=settings.SITE_URL)
    if pack is None:
        raise Http404
    return render(request, "projects/pack.html", {"pack": pack, "project": pack.project})


@require_GET
def project_pack_pdf(request, pk: int):
    """The same pack as a PDF, made now from the current data."""
    pack = pack_for(pk, site_url=settings.SITE_URL)
    if pack is None:
        raise Http404
    response = HttpResponse(render_pdf(pack), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="project-{pk}-pack.pdf"'
    return response


@login_required
@require_POST
def contact_consent(request, pk: int):
    """An owner says whether their email may appear in the project pack."""
    project = visible_project(request, pk)
    owner = get_object_or_404(Owner, project=project, user=request.user)
    services.owner_contact_consent(owner=owner, share=request.POST.get("share") == "yes")
    messages.success(request, _("Your choice has been saved."))
    return redirect("projects:owners", pk=project.pk)
