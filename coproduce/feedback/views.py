"""Pages for feedback on a service: giving it (standard or easy read), the public answers,
and the owner's list and answers. Views parse, authorise, call one service or selector."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common import easy_read, limits
from coproduce.common.errors import refusal_to_form, render_form

from . import selectors, services, wizard
from .forms import AnswerForm, FeedbackFilterForm, FeedbackForm
from .models import Feedback
from .permissions import may_manage_feedback

PAGE_SIZE = 20


def _service(request, uuid):
    service = selectors.service_for_feedback(uuid, viewer=request.user)
    if service is None:
        raise Http404
    return service


def _managed_service(request, uuid):
    service = selectors.service_for_feedback(uuid, viewer=request.user)
    if service is None:
        raise Http404
    if not may_manage_feedback(request.user, service):
        raise PermissionDenied
    return service


def _person(request):
    return request.user if request.user.is_authenticated else None


@require_http_methods(["GET", "POST"])
def give(request, uuid):
    """The standard form."""
    service = _service(request, uuid)
    signed_in = request.user.is_authenticated
    form = FeedbackForm(request.POST or None, signed_in=signed_in)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "feedback_give")
        data = form.cleaned_data
        with refusal_to_form(form):
            services.feedback_give(
                service=service,
                person=_person(request),
                rating=data["rating"],
                went_well=data["went_well"],
                could_be_better=data["could_be_better"],
                show_name=data.get("show_name", False),
                contact_by=data["contact_by"],
                contact_email=data["contact_email"],
                words_public=data["words_public"],
                via=Feedback.Via.STANDARD,
            )
            return redirect("feedback:thanks", uuid=service.uuid)
    rating_html = easy_read.render_answer(wizard.RATING_STEP, form, field="rating", heading=False)
    return render_form(
        request,
        "feedback/give.html",
        {"service": service, "form": form, "rating_html": rating_html, "signed_in": signed_in},
    )


def _step_url(service):
    return lambda name: reverse("feedback:easy_step", args=[service.uuid, name])


@require_GET
def easy_start(request, uuid):
    service = _service(request, uuid)
    steps = wizard.wizard_for(signed_in=request.user.is_authenticated).steps
    return render(
        request,
        "feedback/easy_start.html",
        {
            "service": service,
            "words": easy_read.WORDS,
            "start_words": wizard.START_WORDS,
            "first_url": _step_url(service)(steps[0].name),
            "back_url": reverse("services:detail", args=[service.uuid]),
            "pictures": {
                name: easy_read.picture(name, size=100) for name in ("talk", "star", "lock")
            },
        },
    )


@require_http_methods(["GET", "POST"])
def easy_step(request, uuid, step):
    service = _service(request, uuid)
    return easy_read.step_page(
        request,
        wizard=wizard.wizard_for(signed_in=request.user.is_authenticated),
        scope=str(service.uuid),
        name=step,
        step_url=_step_url(service),
        check_url=reverse("feedback:easy_check", args=[service.uuid]),
        start_url=reverse("feedback:easy_start", args=[service.uuid]),
        context={"standard_url": reverse("feedback:give", args=[service.uuid])},
    )


@require_http_methods(["GET", "POST"])
def easy_check(request, uuid):
    """Every answer, with Change links; sending goes to the same service as the standard form."""
    service = _service(request, uuid)
    questions = wizard.wizard_for(signed_in=request.user.is_authenticated)
    store = easy_read.Answers(request, questions, str(service.uuid))
    step_url = _step_url(service)
    if request.method == "POST":
        answers = store.get()
        missing = questions.first_missing(answers)
        if missing is not None:
            return redirect(step_url(missing.name))
        try:
            cleaned = questions.cleaned(answers)
        except ValueError as bad:
            return redirect(f"{step_url(str(bad))}?change=1")
        limits.check(request, "feedback_give")
        services.feedback_give(
            service=service, person=_person(request), **wizard.as_feedback(cleaned)
        )
        store.clear()
        return redirect("feedback:thanks", uuid=service.uuid)
    return easy_read.check_page(
        request,
        wizard=questions,
        scope=str(service.uuid),
        step_url=step_url,
        send_url=reverse("feedback:easy_check", args=[service.uuid]),
    )


@require_GET
def thanks(request, uuid):
    service = _service(request, uuid)
    return render(
        request,
        "feedback/thanks.html",
        {
            "service": service,
            "words": easy_read.WORDS,
            "start_words": wizard.START_WORDS,
            "picture": easy_read.picture("tick", size=100),
        },
    )


@require_GET
def public(request, uuid):
    """The service's public answers, with the person's words only where they agreed."""
    service = _service(request, uuid)
    page = Paginator(selectors.public_answers(service), PAGE_SIZE).get_page(request.GET.get("page"))
    summary = selectors.summary_of(service)
    return render(
        request,
        "feedback/public.html",
        {
            "service": service,
            "page": page,
            "summary": summary,
            "may_manage": may_manage_feedback(request.user, service),
        },
    )


@login_required
@require_GET
def manage(request, uuid):
    """The owner's list: filters, newest first, a page at a time."""
    service = _managed_service(request, uuid)
    form = FeedbackFilterForm.from_request(request)
    valid = form.is_valid()
    feedback = selectors.feedback_for_owner(service, form.filters() if valid else {})
    page = Paginator(feedback, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/manage.html",
        {"service": service, "form": form, "page": page},
        status=200 if valid else 400,
    )


@login_required
@require_GET
def mine(request):
    """The services whose feedback this person looks after."""
    page = Paginator(selectors.services_run_by(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "feedback/mine.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, pk: int):
    feedback = get_object_or_404(Feedback.objects.select_related("service__organisation"), pk=pk)
    service = feedback.service
    if not may_manage_feedback(request.user, service):
        raise PermissionDenied
    initial = {"text": feedback.answer, "public": "yes" if feedback.answer_is_public else "no"}
    form = AnswerForm(request.POST or None, initial=initial if feedback.is_answered else None)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "feedback_answer")
        with refusal_to_form(form):
            services.feedback_answer(
                feedback=feedback,
                by=request.user,
                text=form.cleaned_data["text"],
                public=form.cleaned_data["public"],
            )
            messages.success(request, _("Your answer is saved."))
            return redirect("feedback:manage", uuid=service.uuid)
    return render_form(
        request,
        "feedback/answer.html",
        {"service": service, "feedback": feedback, "form": form},
    )
