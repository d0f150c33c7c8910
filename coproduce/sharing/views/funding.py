"""Pages for funding rounds: the list, a round's page, following (and the rounds you follow),
applications, officers' forms."""

from datetime import time

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common.errors import Refusal, form_with_errors, refusal_to_form, render_form

from .. import permissions, selectors
from ..forms import ApplicationForm, FundingFilterForm, OpportunityForm, OutcomeForm
from ..models import FundingOpportunity
from ..services import funding as services

OPPORTUNITIES_PER_PAGE = 20


@require_GET
def funding_list(request):
    form = FundingFilterForm.from_request(request)
    filters = selectors.FundingFilters(**form.filters())
    now = timezone.now()
    paginator = Paginator(selectors.opportunities_listed(filters, now=now), OPPORTUNITIES_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "sharing/funding_list.html",
        {
            "form": form,
            "opportunities": page,
            "can_add": permissions.can_add_opportunity(request.user),
        },
    )


def _opportunity(pk: int) -> FundingOpportunity:
    opportunity = selectors.opportunity_detail(pk)
    if opportunity is None:
        raise Http404
    return opportunity


def _detail(request, opportunity, *, form=None, application_form=None):
    """The round's page; 400 when `form` holds errors."""
    user = request.user
    groups = selectors.organised_groups(user)
    see_all = user.is_authenticated and user.has_perm(permissions.SEE_ALL_APPLICATIONS)
    return render_form(
        request,
        "sharing/funding_detail.html",
        {
            "opportunity": opportunity,
            "is_open": opportunity.is_open(),
            "following": selectors.follows(user, opportunity),
            # The reminders still to come depend on how far away the deadline is.
            "days_left": (timezone.localdate(opportunity.deadline) - timezone.localdate()).days,
            "applications": list(
                selectors.applications_visible_to(user, opportunity, see_all=see_all)
            ),
            "application_form": application_form
            or ApplicationForm(groups=groups, projects=_my_projects(user)),
            "can_change": permissions.can_change_opportunity(user),
            "form": form,
        },
    )


@require_GET
def funding_detail(request, pk: int) -> HttpResponse:
    return _detail(request, _opportunity(pk))


@login_required
@require_POST
def funding_follow(request, pk: int):
    opportunity = _opportunity(pk)
    services.opportunity_follow(opportunity=opportunity, user=request.user)
    messages.success(request, _("You follow this funding. We will remind you before it closes."))
    return redirect("sharing:funding_detail", pk=opportunity.pk)


@login_required
@require_POST
def funding_unfollow(request, pk: int):
    opportunity = _opportunity(pk)
    services.opportunity_unfollow(opportunity=opportunity, user=request.user)
    messages.success(
        request,
        _("You no longer follow %(title)s.") % {"title": opportunity.title},
    )
    # From the list of funding you follow, back to that list; else to the round's page.
    if request.POST.get("back_to") == "following":
        return redirect("sharing:funding_following")
    return redirect("sharing:funding_detail", pk=opportunity.pk)


@login_required
@require_GET
def funding_following(request):
    """The funding rounds the signed-in person follows, with their deadlines, to unfollow."""
    now = timezone.now()
    today = timezone.localdate(now)
    follows = selectors.follows_of(request.user, now=now)
    for follow in follows:
        follow.days_left = (timezone.localdate(follow.opportunity.deadline) - today).days
    return render(
        request,
        "sharing/funding_following.html",
        {
            "open": [f for f in follows if not f.closed],
            "closed": [f for f in follows if f.closed],
        },
    )


@login_required
@require_POST
def application_record(request, pk: int):
    opportunity = _opportunity(pk)
    form = ApplicationForm(
        request.POST,
        groups=selectors.organised_groups(request.user),
        projects=_my_projects(request.user),
    )
    if not form.is_valid():
        return _detail(request, opportunity, form=form, application_form=form)
    try:
        services.application_record(
            opportunity=opportunity,
            by=request.user,
            organisation=form.cleaned_data["organisation"],
            project_name=form.cleaned_data["project_name"],
            project=form.cleaned_data["project"],
            amount_requested=form.cleaned_data["amount_requested"],
        )
    except Refusal as refusal:
        return _detail(request, opportunity, form=form_with_errors(str(refusal)))
    messages.success(request, _("Your application has been recorded."))
    return redirect("sharing:funding_detail", pk=opportunity.pk)


@login_required
@require_http_methods(["GET", "POST"])
def application_edit(request, pk: int):
    application = selectors.application_detail(pk)
    if application is None:
        raise Http404
    if not permissions.can_change_application(request.user, application):
        raise PermissionDenied(_("Only the people who recorded this application can change it."))
    initial = {
        "status": application.status,
        "amount_awarded": application.amount_awarded,
        "outcome_notes": application.outcome_notes,
    }
    form = OutcomeForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.application_update(
                application=application, by=request.user, **form.cleaned_data
            )
            messages.success(request, _("The outcome has been saved."))
            return redirect("sharing:funding_detail", pk=application.opportunity_id)
    return render_form(
        request, "sharing/application_form.html", {"form": form, "application": application}
    )


def _save_opportunity(request, form, opportunity):
    data = form.cleaned_data
    with refusal_to_form(form):
        funder = data["funder"] or services.funder_find_or_create(
            name=data["new_funder_name"], website=data["new_funder_website"]
        )
        fields = form.opportunity_fields() | {"funder": funder}
        if opportunity is None:
            return services.opportunity_create(
                by=request.user, wards=data["wards"], themes=data["themes"], **fields
            )
        return services.opportunity_update(
            opportunity=opportunity,
            by=request.user,
            wards=data["wards"],
            themes=data["themes"],
            **fields,
        )
    return None


@login_required
@require_http_methods(["GET", "POST"])
def funding_create(request):
    if not permissions.can_add_opportunity(request.user):
        raise PermissionDenied(_("Only council officers can add funding."))
    form = OpportunityForm(
        request.POST or None, initial={"borough_wide": True, "deadline_time": time(23, 59)}
    )
    if request.method == "POST" and form.is_valid():
        opportunity = _save_opportunity(request, form, None)
        if opportunity is not None:
            messages.success(request, _("The funding has been added."))
            return redirect("sharing:funding_detail", pk=opportunity.pk)
    return render_form(request, "sharing/funding_form.html", {"form": form, "opportunity": None})


@login_required
@require_http_methods(["GET", "POST"])
def funding_edit(request, pk: int):
    if not permissions.can_change_opportunity(request.user):
        raise PermissionDenied(_("Only council officers can change funding."))
    opportunity = _opportunity(pk)
    deadline = timezone.localtime(opportunity.deadline)
    initial = {
        "funder": opportunity.funder_id,
        "title": opportunity.title,
        "what_it_funds": opportunity.what_it_funds,
        "eligibility": opportunity.eligibility,
        "min_amount": opportunity.min_amount,
        "max_amount": opportunity.max_amount,
        "deadline_date": deadline.date(),
        "deadline_time": deadline.time().replace(second=0, microsecond=0),
        "decision_date": opportunity.decision_date,
        "release_date": opportunity.release_date,
        "link": opportunity.link,
        "borough_wide": opportunity.borough_wide,
        "wards": [w.pk for w in opportunity.wards.all()],
        "themes": [t.theme for t in opportunity.themes.all()],
    }
    form = OpportunityForm(request.POST or None, initial=initial)
    saved = request.method == "POST" and form.is_valid()
    if saved and _save_opportunity(request, form, opportunity) is not None:
        messages.success(request, _("Your changes have been saved."))
        return redirect("sharing:funding_detail", pk=opportunity.pk)
    return render_form(
        request, "sharing/funding_form.html", {"form": form, "opportunity": opportunity}
    )


def _my_projects(user):
    """Projects this person owns, to say which one an application was for."""
    from coproduce.projects.models import Project
    from coproduce.projects.selectors import shown_projects

    if not user.is_authenticated:
        return Project.objects.none()
    return shown_projects().filter(owners__user=user).order_by("title")
