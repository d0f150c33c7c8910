"""Acting for someone: every page starts from their record and writes the log."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form
from coproduce.gatherings.models import Rsvp
from coproduce.surveys.forms import AnswerForm

from .. import reach, selectors
from ..forms import RsvpForForm, SubscribeForForm, TimeForForm
from ..services import acting
from .common import resident_acted_for


@login_required
@require_http_methods(["GET", "POST"])
def rsvp(request, pk: int):
    record = resident_acted_for(request, pk)
    form = RsvpForForm(request.POST or None, events=selectors.events_to_choose(record))
    if request.method == "POST" and form.is_valid():
        limits.check(request, "rsvp")
        data = form.cleaned_data
        with refusal_to_form(form):
            place = acting.rsvp_for(
                resident=record,
                by=request.user,
                event=data["event"],
                access_requests=data["access_requests"],
                access_note=data["access_note"],
            )
            if place.status == Rsvp.Status.CONFIRMED:
                messages.success(request, _("They have a place. Tell them the details."))
            else:
                messages.success(request, _("The event is full, so they are on the waiting list."))
            return redirect("offline:resident", record.pk)
    return render_form(request, "offline/act_rsvp.html", {"form": form, "record": record})


@login_required
@require_http_methods(["GET", "POST"])
def subscribe(request, pk: int):
    record = resident_acted_for(request, pk)
    form = SubscribeForForm(request.POST or None, topics=reach.topic_choices())
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_to_form(form):
            acting.subscribe_for(
                resident=record,
                by=request.user,
                topic=data["topic"] or None,
                things=[],
                frequency=data["frequency"],
            )
            messages.success(request, _("They are subscribed. News will come by post."))
            return redirect("offline:resident", record.pk)
    return render_form(request, "offline/act_subscribe.html", {"form": form, "record": record})


@login_required
@require_http_methods(["GET", "POST"])
def time(request, pk: int):
    record = resident_acted_for(request, pk)
    form = TimeForForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "transfer_request")
        data = form.cleaned_data
        with refusal_to_form(form):
            transfer = acting.time_record_for(
                resident=record,
                by=request.user,
                other=data["other"],
                minutes=data["total_minutes"],
                description=data["description"],
                gave=data["direction"] == "gave",
            )
            if transfer.status == transfer.Status.POSTED:
                messages.success(request, _("The time is recorded."))
            else:
                messages.success(
                    request, _("The time is recorded once the other side confirms it.")
                )
            return redirect("offline:resident", record.pk)
    return render_form(request, "offline/act_time.html", {"form": form, "record": record})


@login_required
@require_POST
def time_confirm(request, pk: int, transfer_pk: int):
    """They said the time happened: confirm it for them."""
    record = resident_acted_for(request, pk)
    transfer = selectors.time_waiting_for(record).filter(pk=transfer_pk).first()
    if transfer is None:
        raise Http404
    with refusal_to_message(request):
        acting.time_confirm_for(resident=record, by=request.user, transfer=transfer)
        messages.success(request, _("The time is confirmed."))
    return redirect("offline:resident", record.pk)


@login_required
@require_GET
def polls(request, pk: int):
    record = resident_acted_for(request, pk)
    return render(
        request,
        "offline/act_polls.html",
        {"record": record, "surveys": selectors.polls_to_answer(record)[:100]},
    )


@login_required
@require_http_methods(["GET", "POST"])
def poll(request, pk: int, survey_pk: int):
    record = resident_acted_for(request, pk)
    survey = selectors.polls_to_answer(record).filter(pk=survey_pk).first()
    if survey is None:
        raise Http404
    form = AnswerForm(request.POST or None, survey=survey)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            acting.poll_answer_for(
                resident=record, by=request.user, survey=survey, answers=form.values()
            )
            messages.success(request, _("Their answers are saved."))
            return redirect("offline:resident", record.pk)
    return render_form(
        request, "offline/act_poll.html", {"form": form, "record": record, "survey": survey}
    )
