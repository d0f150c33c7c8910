"""Recording a visit in easy read: one question a page, then a page to check and send."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common import easy_read
from coproduce.common.errors import Refusal, form_with_errors

from .. import permissions, services
from ..easy_read import found_from, wizard_for
from ..models import Visit
from .common import own_visit


def _shopper_visit(request, pk: int) -> Visit:
    visit = own_visit(request, pk)
    if not permissions.is_shopper(request.user, visit):
        raise PermissionDenied(_("Only the shopper can record this visit."))
    return visit


def _urls(visit: Visit):
    def step_url(name: str) -> str:
        return reverse("shopping:easy_step", args=[visit.pk, name])

    return step_url, reverse("shopping:easy_check", args=[visit.pk])


@login_required
@require_GET
def easy_start(request, pk: int):
    visit = _shopper_visit(request, pk)
    if visit.is_done:
        return redirect("shopping:visit", pk=visit.pk)
    wizard = wizard_for(visit.programme)
    return redirect("shopping:easy_step", pk=visit.pk, name=wizard.steps[0].name)


@login_required
@require_http_methods(["GET", "POST"])
def easy_step(request, pk: int, name: str):
    visit = _shopper_visit(request, pk)
    if visit.is_done:
        return redirect("shopping:visit", pk=visit.pk)
    step_url, check_url = _urls(visit)
    return easy_read.step_page(
        request,
        wizard=wizard_for(visit.programme),
        scope=str(visit.pk),
        name=name,
        step_url=step_url,
        check_url=check_url,
        start_url=reverse("shopping:visit", args=[visit.pk]),
        context={"standard_url": reverse("shopping:visit", args=[visit.pk])},
    )


@login_required
@require_http_methods(["GET", "POST"])
def easy_check(request, pk: int):
    visit = _shopper_visit(request, pk)
    if visit.is_done:
        return redirect("shopping:visit", pk=visit.pk)
    wizard = wizard_for(visit.programme)
    step_url, check_url = _urls(visit)
    store = easy_read.Answers(request, wizard, str(visit.pk))
    form = None
    if request.method == "POST":
        try:
            answers = wizard.cleaned(store.get())
        except ValueError:
            return redirect(check_url)
        try:
            found = found_from(visit.programme, answers)
            services.visit_record(
                visit=visit, by=request.user, found=found, way=Visit.Way.EASY_READ
            )
        except Refusal as refusal:
            form = form_with_errors(str(refusal))
        else:
            store.clear()
            messages.success(request, _("Thank you. We have your words."))
            return redirect("shopping:visit", pk=visit.pk)
    return easy_read.check_page(
        request,
        wizard=wizard,
        scope=str(visit.pk),
        step_url=step_url,
        send_url=check_url,
        context={"standard_url": reverse("shopping:visit", args=[visit.pk])},
        form=form,
        status=400 if form is not None else 200,
    )
