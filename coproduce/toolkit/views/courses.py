"""Short courses: a course's page with the person's progress, and each step with its check."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form

from .. import markup, permissions, selectors, services
from ..forms import CheckForm
from ..models import Course


def _course_or_404(slug: str) -> Course:
    course = selectors.course_by_slug(slug)
    if course is None:
        raise Http404
    return course


@require_GET
def course_detail(request, slug: str):
    course = _course_or_404(slug)
    progress = selectors.progress_in(course, request.user)
    return render(
        request,
        "toolkit/course_detail.html",
        {
            "course": course,
            "steps": [(step, progress.is_done(step)) for step in course.steps.all()],
            "progress": progress,
            "next_step": selectors.next_step(course, progress),
            "signed_in": permissions.can_keep_progress(request.user),
        },
    )


@require_http_methods(["GET", "POST"])
def step_detail(request, slug: str, number: int):
    course = _course_or_404(slug)
    step = selectors.step_of(course, number)
    if step is None:
        raise Http404
    signed_in = permissions.can_keep_progress(request.user)
    progress = selectors.progress_in(course, request.user)
    answer = progress.answers.get(step.pk)
    chosen = answer.option if answer else None
    initial = {"option": answer.option_id} if answer else None
    form = CheckForm(request.POST if request.method == "POST" else None, step=step, initial=initial)
    if request.method == "POST" and form.is_valid():
        if not signed_in:
            # A visitor sees how they did, but nothing is kept.
            chosen = form.chosen()
        else:
            with refusal_to_form(form):
                services.answer_record(user=request.user, step=step, option=form.chosen())
                return redirect(f"{request.path}#feedback")
    steps = list(course.steps.all())
    later = [s for s in steps if s.number > step.number]
    context = {
        "course": course,
        "step": step,
        "blocks": markup.blocks(step.body),
        "form": form,
        "answer": answer,
        "chosen": chosen,
        "progress": progress,
        "total": len(steps),
        "next": later[0] if later else None,
        "signed_in": signed_in,
    }
    return render_form(request, "toolkit/step.html", context)


@login_required
@require_POST
def course_restart(request, slug: str):
    course = _course_or_404(slug)
    with refusal_to_message(request):
        services.progress_reset(user=request.user, course=course)
        messages.success(request, _("Your answers in this course have been cleared."))
    return redirect("toolkit:course", slug=course.slug)
