"""Making and running surveys: the list, a new survey, changing it, its questions,
publishing and closing it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form

from .. import permissions, selectors, services
from ..forms import QuestionForm, SurveyForm
from ..models import Survey
from .common import managed_survey


@require_GET
def survey_list(request):
    now = timezone.now()
    surveys = list(selectors.surveys_listed(request.user))
    grouped = {state: [] for state in Survey.State.values}
    for survey in surveys:
        grouped[survey.state(now)].append(survey)
    return render(
        request,
        "surveys/survey_list.html",
        {
            "open": grouped[Survey.State.OPEN],
            "coming": grouped[Survey.State.NOT_YET_OPEN],
            "closed": grouped[Survey.State.CLOSED],
            "drafts": grouped[Survey.State.DRAFT],
            "can_create": permissions.can_create(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def survey_create(request):
    if not permissions.can_create(request.user):
        raise PermissionDenied(_("Only council officers and organisers can make surveys."))
    form = SurveyForm(request.POST or None, initial=SurveyForm.initial_for(None))
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            survey = services.survey_create(by=request.user, **form.survey_fields())
            messages.success(
                request, _("Your survey has been saved as a draft. Add its questions.")
            )
            return redirect("surveys:question_create", pk=survey.pk)
    return render_form(request, "surveys/survey_form.html", {"form": form, "survey": None})


@login_required
@require_http_methods(["GET", "POST"])
def survey_edit(request, pk: int):
    survey = managed_survey(request, pk)
    form = SurveyForm(request.POST or None, initial=SurveyForm.initial_for(survey))
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.survey_update(survey=survey, by=request.user, **form.survey_fields())
            messages.success(request, _("Your changes have been saved."))
            return redirect("surveys:detail", pk=survey.pk)
    return render_form(request, "surveys/survey_form.html", {"form": form, "survey": survey})


@login_required
@require_POST
def survey_publish(request, pk: int):
    survey = managed_survey(request, pk)
    with refusal_to_message(request):
        services.survey_publish(survey=survey, by=request.user)
        messages.success(request, _("The survey is published. It opens on its opening date."))
    return redirect("surveys:detail", pk=survey.pk)


@login_required
@require_POST
def survey_close(request, pk: int):
    survey = managed_survey(request, pk)
    with refusal_to_message(request):
        services.survey_close(survey=survey, by=request.user)
        messages.success(request, _("The survey is closed. The answers given are kept."))
    return redirect("surveys:detail", pk=survey.pk)


@login_required
@require_http_methods(["GET", "POST"])
def question_create(request, pk: int):
    survey = managed_survey(request, pk)
    form = QuestionForm(request.POST or None, initial={"required": True, "kind": "one"})
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.question_add(survey=survey, by=request.user, **form.question_fields())
            messages.success(request, _("The question has been added."))
            return redirect("surveys:detail", pk=survey.pk)
    return render_form(
        request, "surveys/question_form.html", {"form": form, "survey": survey, "question": None}
    )


def _question(survey, question_pk: int):
    question = selectors.question_detail(survey, question_pk)
    if question is None:
        raise Http404
    return question


@login_required
@require_http_methods(["GET", "POST"])
def question_edit(request, pk: int, question_pk: int):
    survey = managed_survey(request, pk)
    question = _question(survey, question_pk)
    form = QuestionForm(request.POST or None, initial=QuestionForm.initial_for(question))
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.question_update(question=question, by=request.user, **form.question_fields())
            messages.success(request, _("Your changes have been saved."))
            return redirect("surveys:detail", pk=survey.pk)
    return render_form(
        request,
        "surveys/question_form.html",
        {"form": form, "survey": survey, "question": question},
    )


@login_required
@require_POST
def question_remove(request, pk: int, question_pk: int):
    survey = managed_survey(request, pk)
    question = _question(survey, question_pk)
    with refusal_to_message(request):
        services.question_remove(question=question, by=request.user)
        messages.success(request, _("The question has been removed."))
    return redirect("surveys:detail", pk=survey.pk)
