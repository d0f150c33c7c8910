"""Visits: the officer's list of shoppers and visits (giving out visits, deciding expenses),
a shopper's visit page with the standard form, and typing in a paper form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.common import panels
from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form
from coproduce.common.limits import limited

from .. import permissions, selectors, services
from ..forms import AssignForm, DecisionForm, VisitForm
from ..models import Expense, Visit
from .common import own_visit, run_programme

VISITS_PER_PAGE = 50


@login_required
@require_http_methods(["GET", "POST"])
@limited("shopping_notify")
def programme_visits(request, pk: int):
    """Shoppers, visits done and due, expenses to decide, and the form to give out a visit."""
    programme = run_programme(request, pk)
    form = AssignForm(
        request.POST if request.method == "POST" else None, programme=programme, viewer=request.user
    )
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.visit_assign(programme=programme, by=request.user, **form.cleaned_data)
            messages.success(request, _("The visit is given out. The shopper has been told."))
            return redirect("shopping:visits", pk=programme.pk)
    return render_form(
        request,
        "shopping/programme_visits.html",
        {
            "programme": programme,
            "form": form,
            "shoppers": list(selectors.shoppers_of(programme)),
            "visits": Paginator(selectors.programme_visits(programme), VISITS_PER_PAGE).get_page(
                request.GET.get("page")
            ),
            "expenses": list(selectors.expenses_waiting(programme)),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def visit_detail(request, pk: int):
    """The visit: what to do and by when; the shopper records it here (the standard form)."""
    visit = own_visit(request, pk)
    is_shopper = permissions.is_shopper(request.user, visit)
    can_record = is_shopper and not visit.is_done
    form = (
        VisitForm(request.POST if request.method == "POST" else None, programme=visit.programme)
        if can_record
        else None
    )
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("This visit cannot be recorded here."))
        if form.is_valid():
            with refusal_to_form(form):
                services.visit_record(
                    visit=visit, by=request.user, found=form.found(), way=Visit.Way.ONLINE
                )
                messages.success(request, _("Thank you. What you found has been saved."))
                return redirect("shopping:visit", pk=visit.pk)
    return render_form(
        request,
        "shopping/visit_detail.html",
        {
            "visit": visit,
            "form": form,
            "is_shopper": is_shopper,
            "can_run": permissions.can_run(request.user),
            "panels": panels.panels_for("shopping_visit", visit, request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def visit_paper(request, pk: int):
    """An officer types in a filled-in paper form; it is kept as "from paper", by whom."""
    visit = own_visit(request, pk)
    if not permissions.can_run(request.user):
        raise PermissionDenied(_("Only council officers who run mystery shopping can do this."))
    if visit.is_done:
        messages.info(request, _("This visit has already been recorded."))
        return redirect("shopping:visit", pk=visit.pk)
    form = VisitForm(request.POST if request.method == "POST" else None, programme=visit.programme)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.visit_record(
                visit=visit, by=request.user, found=form.found(), way=Visit.Way.PAPER
            )
            messages.success(request, _("The paper form has been typed in."))
            return redirect("shopping:visits", pk=visit.programme_id)
    return render_form(request, "shopping/visit_paper.html", {"visit": visit, "form": form})


@login_required
@require_POST
@limited("shopping_notify")
def expense_decide(request, pk: int, expense_pk: int):
    programme = run_programme(request, pk)
    expense = get_object_or_404(Expense, pk=expense_pk, visit__programme=programme)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or do not approve."))
        return redirect("shopping:visits", pk=programme.pk)
    approve = form.cleaned_data["decision"] == "approve"
    with refusal_to_message(request):
        services.expense_decide(expense=expense, by=request.user, approve=approve)
        messages.success(request, _("The claim is decided. The shopper has been told."))
    return redirect("shopping:visits", pk=programme.pk)
