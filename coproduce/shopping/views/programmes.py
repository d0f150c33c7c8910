"""Setting up and running a programme: the list, a new programme, changing it, its
questions, opening and finishing it, and the shoppers who sign up."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form
from coproduce.common.limits import limited

from .. import permissions, selectors, services
from ..easy_read import SCALE
from ..forms import JoinForm, ProgrammeForm, QuestionForm, SupporterForm
from ..models import Question
from .common import run_programme, visible_programme


@require_GET
def programme_list(request):
    programmes = list(selectors.programmes_listed(request.user))
    return render(
        request,
        "shopping/programme_list.html",
        {
            "programmes": programmes,
            "can_run": permissions.can_run(request.user),
            "visits": list(selectors.visits_of(request.user))
            if request.user.is_authenticated
            else [],
        },
    )


def _programme_fields(form: ProgrammeForm) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "guide": data["guide"],
        "starts_on": data["starts_on"],
        "ends_on": data["ends_on"],
        "services": list(data["services"]),
        "expenses_limit": data["expenses_limit"],
        "credit_minutes": data["credit_minutes"],
        "credit_group": data["credit_group"],
    }


@login_required
@require_http_methods(["GET", "POST"])
def programme_create(request):
    if not permissions.can_run(request.user):
        raise PermissionDenied(_("Only council officers who run mystery shopping can do this."))
    form = ProgrammeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            programme = services.programme_create(by=request.user, **_programme_fields(form))
            messages.success(request, _("The programme is saved. Add its questions."))
            return redirect("shopping:question_create", pk=programme.pk)
    return render_form(request, "shopping/programme_form.html", {"form": form, "programme": None})


@login_required
@require_http_methods(["GET", "POST"])
def programme_edit(request, pk: int):
    programme = run_programme(request, pk)
    form = ProgrammeForm(
        request.POST if request.method == "POST" else None,
        initial=ProgrammeForm.initial_for(programme),
    )
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.programme_update(
                programme=programme, by=request.user, **_programme_fields(form)
            )
            messages.success(request, _("Your changes are saved."))
            return redirect("shopping:detail", pk=programme.pk)
    return render_form(
        request, "shopping/programme_form.html", {"form": form, "programme": programme}
    )


@require_http_methods(["GET", "POST"])
def programme_detail(request, pk: int):
    """The programme: its guide, what shoppers get, and signing up (with consent)."""
    programme = visible_programme(request, pk)
    shopper = selectors.shopper_of(request.user, programme)
    form = JoinForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            with refusal_to_form(form):
                services.shopper_join(
                    programme=programme,
                    person=request.user,
                    agreed=form.cleaned_data["agreed"],
                    supporter_kind=form.cleaned_data["supporter_kind"],
                    supporter_name=form.cleaned_data["supporter_name"],
                )
                messages.success(
                    request,
                    _("Thank you. You are a mystery shopper. We will tell you your visits."),
                )
                return redirect("shopping:detail", pk=programme.pk)
    can_run = permissions.can_run(request.user)
    return render_form(
        request,
        "shopping/programme_detail.html",
        {
            "programme": programme,
            "shopper": shopper,
            "form": form,
            "can_run": can_run,
            "summaries": selectors.service_summaries(programme) if can_run else [],
            "overdue": selectors.overdue_count(programme) if can_run else 0,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def shopper_supporter(request, pk: int):
    """The shopper changes who helps them (a new carer or advocate, or nobody)."""
    programme = visible_programme(request, pk)
    shopper = selectors.shopper_of(request.user, programme)
    if shopper is None or shopper.has_left:
        raise PermissionDenied(_("You are not a shopper in this programme."))
    initial = {"supporter_kind": shopper.supporter_kind, "supporter_name": shopper.supporter_name}
    form = SupporterForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.shopper_supporter_change(shopper=shopper, by=request.user, **form.cleaned_data)
            messages.success(request, _("Thank you. We have changed who helps you."))
            return redirect("shopping:detail", pk=programme.pk)
    return render_form(
        request, "shopping/supporter_form.html", {"form": form, "programme": programme}
    )


@login_required
@require_POST
def programme_leave(request, pk: int):
    programme = visible_programme(request, pk)
    shopper = selectors.shopper_of(request.user, programme)
    if shopper is None or shopper.has_left:
        raise PermissionDenied(_("You are not a shopper in this programme."))
    services.shopper_leave(shopper=shopper, by=request.user)
    messages.success(request, _("You have stopped being a shopper in this programme."))
    return redirect("shopping:detail", pk=programme.pk)


@login_required
@require_POST
def programme_open(request, pk: int):
    programme = run_programme(request, pk)
    with refusal_to_message(request):
        services.programme_open(programme=programme, by=request.user)
        messages.success(request, _("The programme is open. Residents can sign up."))
    return redirect("shopping:detail", pk=programme.pk)


@login_required
@require_POST
@limited("shopping_notify")
def programme_close(request, pk: int):
    programme = run_programme(request, pk)
    with refusal_to_message(request):
        told = services.programme_close(programme=programme, by=request.user)
        messages.success(
            request,
            _("The programme is finished. Results were sent to %(count)s people.")
            % {"count": told},
        )
    return redirect("shopping:detail", pk=programme.pk)


@login_required
@require_http_methods(["GET", "POST"])
def question_create(request, pk: int):
    programme = run_programme(request, pk)
    form = QuestionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.question_add(programme=programme, by=request.user, **form.cleaned_data)
            messages.success(request, _("The question is added. You can add another."))
            return redirect("shopping:question_create", pk=programme.pk)
    return render_form(
        request, "shopping/question_form.html", {"form": form, "programme": programme}
    )


@login_required
@require_POST
def question_remove(request, pk: int, question_pk: int):
    programme = run_programme(request, pk)
    question = get_object_or_404(Question, pk=question_pk, programme=programme)
    with refusal_to_message(request):
        services.question_remove(question=question, by=request.user)
        messages.success(request, _("The question is taken away."))
    return redirect("shopping:question_create", pk=programme.pk)


@require_GET
def programme_paper(request, pk: int):
    """The easy-read paper form, to print: large text, pictures, boxes to tick."""
    programme = visible_programme(request, pk)
    scale = [(c.value, c.label, c.picture) for c in SCALE]
    return render(request, "shopping/paper.html", {"programme": programme, "scale": scale})
