from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.common.errors import Refusal, form_with_errors, refusal_to_form, render_form

from . import permissions, selectors, services
from .forms import OrganisationFilterForm, OrganisationForm, RoleForm
from .models import Membership, Organisation

GROUPS_PER_PAGE = 20


def _visible_organisation(request, slug: str) -> tuple[Organisation, str | None]:
    """The group and the viewer's role in it; 404 if it is unlisted and not theirs to see."""
    organisation = selectors.organisation_detail(slug)
    if organisation is None:
        raise Http404
    role = permissions.role_in(request.user, organisation)
    if not permissions.can_see(request.user, organisation, role=role):
        raise Http404
    return organisation, role


def organisation_list(request):
    form = OrganisationFilterForm.from_request(request)
    paginator = Paginator(selectors.listed_organisations(**form.filters()), GROUPS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "groups/organisation_list.html", {"form": form, "organisations": page})


def _detail(request, organisation, role, *, form=None) -> HttpResponse:
    """The group's page; 400 when `form` holds a refusal."""
    return render_form(
        request,
        "groups/organisation_detail.html",
        {
            "organisation": organisation,
            "role": role,
            "can_change": permissions.can_change(request.user, organisation, role=role),
            "members": selectors.members_visible_to(request.user, organisation),
            "form": form,
        },
    )


def organisation_detail(request, slug: str):
    organisation, role = _visible_organisation(request, slug)
    return _detail(request, organisation, role)


@login_required
@require_POST
def organisation_join(request, slug: str):
    organisation, role = _visible_organisation(request, slug)
    try:
        services.membership_join(organisation=organisation, user=request.user)
    except Refusal as refusal:
        return _detail(request, organisation, role, form=form_with_errors(str(refusal)))
    messages.success(request, _("You have joined %(group)s.") % {"group": organisation.name})
    return redirect("groups:detail", slug=organisation.slug)


@login_required
@require_POST
def organisation_leave(request, slug: str):
    organisation, role = _visible_organisation(request, slug)
    try:
        services.membership_leave(organisation=organisation, user=request.user)
    except Refusal as refusal:
        return _detail(request, organisation, role, form=form_with_errors(str(refusal)))
    messages.success(request, _("You have left %(group)s.") % {"group": organisation.name})
    if not permissions.can_see(request.user, organisation):
        return redirect("groups:list")
    return redirect("groups:detail", slug=organisation.slug)


@login_required
@require_http_methods(["GET", "POST"])
def organisation_create(request):
    form = OrganisationForm(request.POST or None, initial={"is_listed": True})
    if request.method == "POST" and form.is_valid():
        organisation = services.organisation_create(creator=request.user, **form.cleaned_data)
        messages.success(
            request,
            _("%(group)s has been added. You are its organiser.") % {"group": organisation.name},
        )
        return redirect("groups:detail", slug=organisation.slug)
    return render(request, "groups/organisation_form.html", {"form": form, "organisation": None})


@login_required
@require_http_methods(["GET", "POST"])
def organisation_edit(request, slug: str):
    organisation, role = _visible_organisation(request, slug)
    if not permissions.can_change(request.user, organisation, role=role):
        raise PermissionDenied(_("Only the group's organisers can change it."))
    # Ids, not objects, for the choices: the select marks its current option by value.
    initial = {field: getattr(organisation, field) for field in services.UPDATABLE} | {
        "ward": organisation.ward_id,
        "base": organisation.base_id,
    }
    form = OrganisationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.organisation_update(
            organisation=organisation, by=request.user, **form.cleaned_data
        )
        messages.success(request, _("Your changes have been saved."))
        return redirect("groups:detail", slug=organisation.slug)
    return render(
        request, "groups/organisation_form.html", {"form": form, "organisation": organisation}
    )


@login_required
@require_http_methods(["GET", "POST"])
def organisation_members(request, slug: str):
    organisation, role = _visible_organisation(request, slug)
    if not permissions.can_change(request.user, organisation, role=role):
        raise PermissionDenied(_("Only the group's organisers can manage its members."))
    # Each member has their own small form on the page; what went wrong goes in the summary.
    summary = None
    if request.method == "POST":
        form = RoleForm(request.POST, organisation=organisation)
        if form.is_valid():
            with refusal_to_form(form):
                membership = services.membership_set_role(
                    membership=form.cleaned_data["membership"],
                    role=form.cleaned_data["role"],
                    by=request.user,
                )
                messages.success(
                    request,
                    _("Role changed to %(role)s.") % {"role": membership.get_role_display()},
                )
                return redirect("groups:members", slug=organisation.slug)
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        summary = form_with_errors(*errors)
    return render_form(
        request,
        "groups/organisation_members.html",
        {
            "organisation": organisation,
            "members": selectors.members_visible_to(request.user, organisation),
            "form": summary,
            "roles": Membership.Role,
        },
    )
