"""Pages of projects: the list, one project, and what its owners change."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form
from coproduce.groups.models import Organisation

from .. import selectors, services
from ..forms import OwnerForm, ParametersForm, ProjectFilterForm, ProjectForm, StatusForm
from ..lifecycle import OPEN_TO_JOIN, Status
from ..models import Owner
from ..pack import pack_for, render_pdf
from ..panels import panels_for
from ..permissions import can_manage, can_see

PAGE_SIZE = 20


@require_GET
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
def project_detail(request, pk: int):
    project = visible_project(request, pk)
    context = {
        "project": project,
        "owners": list(project.owners.all()),
        "history": list(project.history.all()),
        "can_manage": can_manage(request.user, project),
        "council_owns": selectors.council_owns(project),
        "state": selectors.viewer_state(project, request.user),
        "can_take_ownership": project.status == Status.IDEA and not project.owners.all(),
        "open_to_join": project.status in OPEN_TO_JOIN and project.parameters_published,
        "mine": selectors.my_contributions(project, request.user),
        "panels": panels_for(project, request),
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
            messages.success(request, _("The parameters have been saved."))
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
    form = OwnerForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        person = None
        if form.cleaned_data["email"]:
            person = (
                get_user_model()
                .objects.filter(email__iexact=form.cleaned_data["email"], is_active=True)
                .first()
            )
        if form.cleaned_data["email"] and person is None:
            form.add_error("email", _("Nobody with that email address has an account here."))
        else:
            with refusal_to_form(form):
                services.project_owner_add(
                    user=request.user,
                    project=project,
                    role=form.cleaned_data["role"],
                    person=person,
                    organisation=form.cleaned_data["organisation"],
                )
                messages.success(request, _("The owner has been added."))
                return redirect("projects:owners", pk=project.pk)
    context = {"form": form, "project": project, "owners": list(project.owners.all())}
    return render_form(request, "projects/owners.html", context)


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
