from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.common.errors import Refusal, form_with_errors, refusal_to_form, render_form
from coproduce.common.limits import limited
from coproduce.common.visitor_pages import kept_for_visitors

from . import permissions, selectors, services, verification
from .forms import (
    JoinForm,
    KindDeclineForm,
    OrganisationFilterForm,
    OrganisationForm,
    RoleForm,
    SharingForm,
)
from .models import KindRequest, Membership, Organisation, OrganiserInvitation

GROUPS_PER_PAGE = 20


def visible_organisation(request, slug: str) -> tuple[Organisation, str | None]:
    """The group and the viewer's role in it; 404 if it is unlisted and not theirs to see."""
    organisation = selectors.organisation_detail(slug)
    if organisation is None:
        raise Http404
    role = permissions.role_in(request.user, organisation)
    if not permissions.can_see(request.user, organisation, role=role):
        raise Http404
    return organisation, role


@kept_for_visitors
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
            "kind_request": selectors.pending_kind_request(organisation),
            "join_form": JoinForm(),
            "membership": (
                selectors.memberships_of(request.user).filter(organisation=organisation).first()
                if role
                else None
            ),
        },
    )


@kept_for_visitors
def organisation_detail(request, slug: str):
    organisation, role = visible_organisation(request, slug)
    return _detail(request, organisation, role)


@login_required
@require_POST
@limited("group_join")  # joining tells the organisers
def organisation_join(request, slug: str):
    organisation, role = visible_organisation(request, slug)
    form = JoinForm(request.POST)
    form.is_valid()  # a box that is not ticked is a valid "no"
    try:
        services.membership_join(
            organisation=organisation,
            user=request.user,
            shares_with_organisers=form.cleaned_data.get("shares_with_organisers", False),
        )
    except Refusal as refusal:
        return _detail(request, organisation, role, form=form_with_errors(str(refusal)))
    messages.success(request, _("You have joined %(group)s.") % {"group": organisation.name})
    return redirect("groups:detail", slug=organisation.slug)


@login_required
@require_POST
def organisation_sharing(request, slug: str):
    """A member changes whether the group's organisers see what they share with organisers."""
    organisation, role = visible_organisation(request, slug)
    form = SharingForm(request.POST)
    form.is_valid()
    shares = form.cleaned_data.get("shares_with_organisers", False)
    try:
        services.membership_sharing_set(
            organisation=organisation, user=request.user, shares_with_organisers=shares
        )
    except Refusal as refusal:
        return _detail(request, organisation, role, form=form_with_errors(str(refusal)))
    if shares:
        done = _("The organisers of %(group)s can now see what you share with organisers.")
    else:
        done = _("The organisers of %(group)s can no longer see what you share with organisers.")
    messages.success(request, done % {"group": organisation.name})
    if request.POST.get("from") == "yours":
        return redirect("groups:yours")
    return redirect("groups:detail", slug=organisation.slug)


@login_required
def your_groups(request):
    """The groups a person is in, and what each group's organisers may see."""
    return render(
        request,
        "groups/your_groups.html",
        {
            "memberships": selectors.memberships_of(request.user),
            "invitations": selectors.organiser_invitations_for(request.user).filter(
                status=OrganiserInvitation.Status.PENDING
            ),
        },
    )


@login_required
@require_POST
def organisation_leave(request, slug: str):
    organisation, role = visible_organisation(request, slug)
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
    organisation, role = visible_organisation(request, slug)
    if not permissions.can_change(request.user, organisation, role=role):
        raise PermissionDenied(_("Only the group's organisers can change it."))
    # Ids, not objects, for the choices: the select marks its current option by value.
    initial = {field: getattr(organisation, field) for field in services.UPDATABLE} | {
        "ward": organisation.ward_id,
        "base": organisation.base_id,
    }
    # Saving the form again must not withdraw a request for an official kind.
    waiting = selectors.pending_kind_request(organisation)
    if waiting is not None:
        initial["kind"] = waiting.kind
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
    organisation, role = visible_organisation(request, slug)
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
                if membership.role == form.cleaned_data["role"]:
                    done = _("Role changed to %(role)s.") % {"role": membership.get_role_display()}
                else:
                    done = _(
                        "We have asked them to help organise the group. "
                        "They become an organiser when they say yes."
                    )
                messages.success(request, done)
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


# Official kinds: the officers' queue ----------------------------------------------------


def _officer_only(request) -> None:
    if not verification.can_verify(request.user):
        raise PermissionDenied(_("Only council officers can check the kind of a group."))


@login_required
def kind_requests(request):
    _officer_only(request)
    return render(
        request,
        "groups/kind_requests.html",
        {"kind_requests": selectors.kind_requests_waiting()},
    )


def _waiting_request(pk: int) -> KindRequest:
    kind_request = selectors.kind_requests_waiting().filter(pk=pk).first()
    if kind_request is None:
        raise Http404
    return kind_request


@login_required
@require_POST
def kind_request_verify(request, pk: int):
    _officer_only(request)
    organisation = verification.kind_request_verify(
        kind_request=_waiting_request(pk), by=request.user
    )
    messages.success(
        request,
        _("%(group)s is now listed as %(kind)s.")
        % {"group": organisation.name, "kind": organisation.get_kind_display()},
    )
    return redirect("groups:kind_requests")


@login_required
@require_http_methods(["GET", "POST"])
def kind_request_decline(request, pk: int):
    _officer_only(request)
    kind_request = _waiting_request(pk)
    form = KindDeclineForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            verification.kind_request_decline(
                kind_request=kind_request, by=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(
                request,
                _("%(group)s stays a community group. We have told the person who asked.")
                % {"group": kind_request.organisation.name},
            )
            return redirect("groups:kind_requests")
    return render_form(
        request,
        "groups/kind_request_decline.html",
        {"form": form, "kind_request": kind_request},
    )
