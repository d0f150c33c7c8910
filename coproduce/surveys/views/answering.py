"""Answering a survey: the standard and easy-read versions (the same answers), the printable
paper version, and typing in the answers from a paper form."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common.errors import refusal_to_form, render_form

from .. import permissions, selectors, services
from ..forms import AnswerForm
from ..models import Response
from .common import managed_survey, visible_survey


def _answer(request, pk: int, *, easy: bool):
    survey = visible_survey(request, pk)
    if request.method == "POST" and not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    response = selectors.response_of(survey, request.user)
    values = selectors.answers_as_values(response, survey)
    form = AnswerForm(request.POST or None, survey=survey, easy=easy, values=values)
    if request.method == "POST" and form.is_valid():
        way = Response.Way.EASY_READ if easy else Response.Way.ONLINE
        with refusal_to_form(form):
            services.response_submit(
                survey=survey, respondent=request.user, answers=form.values(), way=way
            )
            if response is None:
                messages.success(request, _("Thank you. Your answers have been saved."))
            else:
                messages.success(request, _("Thank you. Your answers have been changed."))
            if survey.is_poll:
                return redirect("surveys:results", pk=survey.pk)
            return redirect("surveys:easy_read" if easy else "surveys:detail", pk=survey.pk)
    user = request.user
    return render_form(
        request,
        "surveys/easy_read.html" if easy else "surveys/survey_detail.html",
        {
            "survey": survey,
            "form": form,
            "response": response,
            "is_open": survey.is_open(),
            "can_manage": permissions.can_manage(user, survey),
            "can_see_results": permissions.can_see_results(
                user, survey, has_answered=response is not None
            ),
            "ward_problem": selectors.ward_problem(survey, user) if user.is_authenticated else "",
        },
    )


@require_http_methods(["GET", "POST"])
def survey_detail(request, pk: int):
    return _answer(request, pk, easy=False)


@require_http_methods(["GET", "POST"])
def survey_easy_read(request, pk: int):
    return _answer(request, pk, easy=True)


@require_GET
def survey_paper(request, pk: int):
    """The paper version, to print: large text, pictures, boxes to tick."""
    survey = visible_survey(request, pk)
    return render(request, "surveys/paper.html", {"survey": survey})


@login_required
@require_http_methods(["GET", "POST"])
def paper_enter(request, pk: int):
    survey = managed_survey(request, pk)
    form = AnswerForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.response_enter_paper(survey=survey, by=request.user, answers=form.values())
            messages.success(
                request, _("The paper answers have been saved. You can type in the next one.")
            )
            return redirect("surveys:paper_enter", pk=survey.pk)
    return render_form(
        request,
        "surveys/paper_enter.html",
        {"survey": survey, "form": form, "entered": selectors.paper_count(survey)},
    )
