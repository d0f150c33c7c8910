"""Pages for councillors: a ward's councillor page, asking and answering questions, a
councillor's own page, surgeries, and the officers' page for adding councillors."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form

from . import permissions, sections, selectors, services
from .forms import YES, AnswerForm, QuestionForm, SeatOfferForm, SurgeryForm

QUESTIONS_PER_PAGE = 20


def _ward_or_404(slug: str):
    ward = selectors.ward_by_slug(slug)
    if ward is None:
        raise Http404
    return ward


@require_GET
def ward_page(request, slug: str) -> HttpResponse:
    ward = _ward_or_404(slug)
    councillors = selectors.ward_councillors(ward)
    paginator = Paginator(selectors.ward_questions(ward), QUESTIONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "councillors/ward.html",
        {
            "ward": ward,
            "councillors": councillors,
            "surgeries": selectors.ward_surgeries(ward),
            "questions": selectors.mark_waiting(page.object_list),
            "page_obj": page,
            "sections": sections.what_residents_said(ward),
            "can_ask": any(permissions.can_ask(request.user, seat) for seat in councillors),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def ask(request, slug: str) -> HttpResponse:
    ward = _ward_or_404(slug)
    seats = [s for s in selectors.ward_councillors(ward) if permissions.can_ask(request.user, s)]
    if not seats:
        raise PermissionDenied(_("There is no councillor here you can ask."))
    form = QuestionForm(request.POST or None, seats=seats)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "councillor_question")
        seat = {s.pk: s for s in seats}[form.cleaned_data["seat"]]
        with refusal_to_form(form, let_through=NotAllowed):
            question = services.question_ask(
                seat=seat,
                asker=request.user,
                body=form.cleaned_data["body"],
                show_name=form.cleaned_data["show_name"] == YES,
            )
            messages.success(
                request, _("Your question has been sent to %(name)s.") % {"name": seat.public_name}
            )
            url = reverse("councillors:ward", args=[ward.slug])
            return redirect(f"{url}#question-{question.pk}")
    return render_form(request, "councillors/ask.html", {"ward": ward, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def answer(request, pk: int) -> HttpResponse:
    question = selectors.question_for_page(pk)
    if question is None:
        raise Http404
    if not permissions.can_answer(request.user, question):
        raise PermissionDenied
    form = AnswerForm(request.POST or None, initial={"answer": question.answer})
    if request.method == "POST" and form.is_valid():
        limits.check(request, "councillor_answer")
        with refusal_to_form(form, let_through=NotAllowed):
            services.question_answer(
                question=question, by=request.user, answer=form.cleaned_data["answer"]
            )
            messages.success(request, _("Your answer is on the ward's councillor page."))
            url = reverse("councillors:ward", args=[question.seat.ward.slug])
            return redirect(f"{url}#question-{question.pk}")
    return render_form(request, "councillors/answer.html", {"question": question, "form": form})


@login_required
@require_GET
def mine(request) -> HttpResponse:
    return render(
        request,
        "councillors/mine.html",
        {
            "seats": selectors.seats_of(request.user),
            "questions": selectors.questions_waiting_for(request.user),
        },
    )


def _seat_or_404(pk: int):
    seat = selectors.seat_for_page(pk)
    if seat is None:
        raise Http404
    return seat


@login_required
@require_POST
def seat_accept(request, pk: int) -> HttpResponse:
    seat = _seat_or_404(pk)
    with refusal_to_message(request, let_through=NotAllowed):
        services.seat_accept(seat=seat, by=request.user)
        messages.success(
            request, _("You are now shown as a councillor for %(ward)s.") % {"ward": seat.ward.name}
        )
    return redirect("councillors:mine")


@login_required
@require_POST
def seat_decline(request, pk: int) -> HttpResponse:
    seat = _seat_or_404(pk)
    with refusal_to_message(request, let_through=NotAllowed):
        services.seat_decline(seat=seat, by=request.user)
        messages.success(request, _("You said no. Nothing about it is shown."))
    return redirect("councillors:mine")


@login_required
@require_POST
def seat_step_down(request, pk: int) -> HttpResponse:
    seat = _seat_or_404(pk)
    with refusal_to_message(request, let_through=NotAllowed):
        services.seat_step_down(seat=seat, by=request.user)
        messages.success(
            request,
            _("%(name)s is no longer shown as a councillor for %(ward)s.")
            % {"name": seat.public_name, "ward": seat.ward.name},
        )
    if permissions.can_manage_councillors(request.user) and seat.person_id != request.user.pk:
        return redirect("councillors:manage")
    return redirect("councillors:mine")


@login_required
@require_http_methods(["GET", "POST"])
def surgery_new(request, pk: int) -> HttpResponse:
    seat = _seat_or_404(pk)
    if not permissions.can_schedule_surgery(request.user, seat):
        raise PermissionDenied
    form = SurgeryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_to_form(form, let_through=NotAllowed):
            surgery = services.surgery_schedule(
                seat=seat,
                by=request.user,
                starts_at=data["starts_at"],
                ends_at=data["ends_at"],
                place=data.get("place"),
                online_url=data.get("online_url") or "",
                description=data.get("description") or "",
            )
            messages.success(request, _("The surgery is on the ward's councillor page."))
            return redirect("gatherings:event", surgery.event_id)
    return render_form(request, "councillors/surgery_new.html", {"seat": seat, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def manage(request) -> HttpResponse:
    if not permissions.can_manage_councillors(request.user):
        raise PermissionDenied
    form = SeatOfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "councillor_offer")
        data = form.cleaned_data
        with refusal_to_form(form, let_through=NotAllowed):
            services.seat_offer(
                person=data["person"],
                ward=data["ward"],
                public_name=data["public_name"],
                party=data["party"],
                role=data["role"],
                by=request.user,
            )
            messages.success(request, _("We have asked them to accept."))
            return redirect("councillors:manage")
    return render_form(
        request,
        "councillors/manage.html",
        {"form": form, "seats": list(selectors.seats_for_officers())},
    )
