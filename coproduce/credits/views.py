"""Pages for time credits: a person's own credits and choice, and the confirm pages for the
people who run a project or an event."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form
from coproduce.gatherings.models import Event
from coproduce.projects.models import Project
from coproduce.shopping.models import Visit as ShoppingVisit
from coproduce.timebank.hours import format_minutes

from . import permissions, selectors, services
from .forms import ContributionCreditForm, CreditChoiceForm, EventCreditForm


@login_required
@require_GET
def my_credits(request) -> HttpResponse:
    wants = selectors.wants_credits(request.user)
    return render(
        request,
        "credits/my_credits.html",
        {
            "credits": list(selectors.credits_of(request.user)),
            "wants": wants,
            "choice_form": CreditChoiceForm(initial={"wants_credits": "yes" if wants else "no"}),
        },
    )


@login_required
@require_POST
def choice_set(request) -> HttpResponse:
    form = CreditChoiceForm(request.POST)
    if not form.is_valid():
        return render_form(
            request,
            "credits/my_credits.html",
            {
                "credits": list(selectors.credits_of(request.user)),
                "wants": selectors.wants_credits(request.user),
                "choice_form": form,
                "form": form,
            },
        )
    wants = form.cleaned_data["wants_credits"] == "yes"
    services.credit_choice_set(person=request.user, wants_credits=wants)
    if wants:
        messages.success(request, _("You will get time credits when your help is confirmed."))
    else:
        messages.success(request, _("You will not get time credits. You can change this."))
    return redirect("credits:mine")


def _confirmed(request, credit) -> None:
    messages.success(
        request,
        _("%(time)s recorded in the time bank.") % {"time": format_minutes(credit.minutes)},
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_credits(request, pk: int) -> HttpResponse:
    project = get_object_or_404(Project, pk=pk)
    if not permissions.can_confirm_for_project(request.user, project):
        raise PermissionDenied
    contributions = selectors.project_candidates(project)
    form = ContributionCreditForm(
        request.POST or None, contributions=contributions, viewer=request.user
    )
    if request.method == "POST" and form.is_valid():
        limits.check(request, "time_credit")
        chosen = {c.pk: c for c in contributions}[form.cleaned_data["contribution"]]
        with refusal_to_form(form, let_through=NotAllowed):
            credit = services.credit_for_contribution(
                actor=request.user,
                contribution=chosen,
                minutes=form.cleaned_data["total_minutes"],
            )
            _confirmed(request, credit)
            return redirect("credits:project", pk=project.pk)
    return render_form(
        request,
        "credits/project_credits.html",
        {
            "project": project,
            "group": selectors.project_group(project),
            "no_group": selectors.NO_GROUP_PROJECT,
            "contributions": contributions,
            "form": form,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_credits(request, pk: int) -> HttpResponse:
    event = get_object_or_404(Event.objects.select_related("group"), pk=pk)
    if not permissions.can_confirm_for_event(request.user, event):
        raise PermissionDenied
    helpers = selectors.event_candidates(event)
    form = EventCreditForm(request.POST or None, helpers=helpers, viewer=request.user)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "time_credit")
        person = get_user_model().objects.get(pk=form.cleaned_data["person"])
        with refusal_to_form(form, let_through=NotAllowed):
            credit = services.credit_for_event_helper(
                actor=request.user,
                event=event,
                person=person,
                minutes=form.cleaned_data["total_minutes"],
            )
            _confirmed(request, credit)
            return redirect("credits:event", pk=event.pk)
    return render_form(
        request,
        "credits/event_credits.html",
        {
            "event": event,
            "started": event.starts_at <= timezone.now(),
            "no_group": selectors.NO_GROUP_EVENT,
            "helpers": helpers,
            "form": form,
        },
    )


@login_required
@require_POST
def shopping_visit_credits(request, pk: int) -> HttpResponse:
    """An officer gives a mystery shopper the programme's time credits for a recorded visit."""
    visit = get_object_or_404(ShoppingVisit.objects.select_related("programme"), pk=pk)
    if not permissions.can_confirm_for_shopping_visit(request.user, visit):
        raise PermissionDenied
    limits.check(request, "time_credit")
    with refusal_to_message(request, let_through=NotAllowed):
        credit = services.credit_for_shopping_visit(actor=request.user, visit=visit)
        _confirmed(request, credit)
    return redirect("shopping:visit", pk=visit.pk)
