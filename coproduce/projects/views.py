from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.gatherings.selectors import treatments_of_project
from coproduce.groups.models import Organisation
from coproduce.places.models import Ward

from . import selectors, services
from .forms import OwnerForm, ParametersForm, ProjectForm, StatusForm
from .lifecycle import OPEN_TO_JOIN, Status
from .models import Owner, Project
from .pack import pack_for, render_pdf
from .permissions import can_manage
from .themes import Theme

PAGE_SIZE = 20


@require_GET
def project_list(request):
    try:
        filters, problem = selectors.ProjectFilters.from_query(request.GET), None
    except selectors.FilterError as error:
        filters, problem = selectors.ProjectFilters(), str(error)
    page = Paginator(selectors.listed_projects(filters, request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    context = {
        "page": page,
        "filters": filters,
        "problem": problem,
        "wards": Ward.objects.order_by("name").only("name", "slug"),
        "themes": Theme.choices,
        "statuses": Project.Status.choices,
    }
    return render(request, "projects/project_list.html", context, status=400 if problem else 200)


def _visible(request, pk: int):
    project = selectors.project_for_page(pk)
    if project is None or (
        project.is_hidden
        and not can_manage(request.user, project)
        and not request.user.has_perm("projects.moderate_project")
    ):
        raise Http404
    return project


@require_GET
def project_detail(request, pk: int):
    project = _visible(request, pk)
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
        "treatments": list(treatments_of_project(project)),
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


def _managed(request, pk: int):
    project = _visible(request, pk)
    if not can_manage(request.user, project):
        raise Http404  # not saying whether it exists to people who cannot manage it
    return project


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request, pk: int):
    project = _managed(request, pk)
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
    project = _managed(request, pk)
    fields = ["fixed_budget", "fixed_dates", "fixed_rules", "open_to_shape", "how_to_help"]
    form = ParametersForm(request.POST or None, initial={f: getattr(project, f) for f in fields})
    if request.method == "POST" and form.is_valid():
        try:
            services.project_set_parameters(user=request.user, project=project, **form.cleaned_data)
        except services.ProjectRefusal as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The parameters have been saved."))
            return redirect("projects:detail", pk=project.pk)
    return render(
        request,
        "projects/parameters_form.html",
        {"form": form, "project": project},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_status(request, pk: int):
    project = _managed(request, pk)
    form = StatusForm(request.POST or None, project=project)
    if request.method == "POST" and form.is_valid():
        try:
            services.project_change_status(user=request.user, project=project, **form.cleaned_data)
        except services.ProjectRefusal as refusal:
            form.add_error(None, str(refusal))
        else:
            messages.success(request, _("The project's status has been changed."))
            return redirect("projects:detail", pk=project.pk)
    return render(
        request,
        "projects/status_form.html",
        {"form": form, "project": project},
        status=400 if form.errors else 200,
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_owners(request, pk: int):
    project = _managed(request, pk)
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
            try:
                services.project_owner_add(
                    user=request.user,
                    project=project,
                    role=form.cleaned_data["role"],
                    person=person,
                    organisation=form.cleaned_data["organisation"],
                )
            except services.ProjectRefusal as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("The owner has been added."))
                return redirect("projects:owners", pk=project.pk)
    context = {"form": form, "project": project, "owners": list(project.owners.all())}
    return render(request, "projects/owners.html", context, status=400 if form.errors else 200)


@login_required
@require_POST
def owner_remove(request, pk: int, owner_pk: int):
    project = _managed(request, pk)
    owner = get_object_or_404(Owner, pk=owner_pk, project=project)
    try:
        services.project_owner_remove(user=request.user, owner=owner)
    except services.ProjectRefusal as refusal:
        messages.error(request, str(refusal))
    return redirect("projects:owners", pk=project.pk)


def _action(request, pk: int, action, success: str):
    project = _visible(request, pk)
    try:
        action(user=request.user, project=project)
    except services.ProjectRefusal as refusal:
        messages.error(request, str(refusal))
    else:
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
    project = _visible(request, pk)
    owner = get_object_or_404(Owner, project=project, user=request.user)
    services.owner_contact_consent(owner=owner, share=request.POST.get("share") == "yes")
    messages.success(request, _("Your choice has been saved."))
    return redirect("projects:owners", pk=project.pk)
