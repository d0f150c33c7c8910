"""Choosing together at a gathering: put a choice to the room, vote on it from a phone, type in
the room's counts, close it and see what was chosen."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coproduce.common.errors import (
    NotAllowed,
    Refusal,
    form_with_errors,
    refusal_to_form,
    render_form,
)

from .. import permissions, selectors
from ..forms.choices import ChoiceForm, DotsBallotForm, RankingBallotForm, RoomCountsForm
from ..models import Choice
from ..services import choices as services
from .lookups import event_or_404


def _choice_or_404(pk: int) -> Choice:
    choice = selectors.choice_detail(pk)
    if choice is None:
        raise Http404
    return choice


def _must_manage(request, choice_or_event) -> None:
    event = getattr(choice_or_event, "event", choice_or_event)
    if not permissions.can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers can do this."))


@login_required
@require_http_methods(["GET", "POST"])
def choice_create(request, pk: int):
    """Put projects, barriers or typed-in options to the room."""
    event = event_or_404(pk, request.user)
    _must_manage(request, event)
    if event.is_cancelled:
        messages.info(request, _("The event is cancelled, so there is nothing to choose."))
        return redirect("gatherings:event", event.pk)
    form = ChoiceForm(
        request.POST or None,
        projects=selectors.project_candidates(event),
        barriers=selectors.barrier_candidates(event),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_to_form(form):
            choice = services.choice_create(
                event=event,
                by=request.user,
                question=data["question"],
                about=data["about"],
                method=data["method"],
                dots=data["dots"],
                most_on_one=data["most_on_one"],
                seats=data["seats"],
                projects=list(data.get("projects") or []),
                barriers=list(data.get("barriers") or []),
                labels=form.typed_labels(),
            )
            messages.success(request, _("The choice is open. People with a place can vote now."))
            return redirect("gatherings:choice", choice.pk)
    return render_form(request, "gatherings/choice_form.html", {"form": form, "event": event})


def _ballot_form(choice: Choice, data=None, ballot=None):
    initial = {}
    if ballot is not None:
        for mark in ballot.marks.all():
            initial[f"option_{mark.option_id}"] = mark.dots if choice.is_dots else mark.place
    form_class = DotsBallotForm if choice.is_dots else RankingBallotForm
    return form_class(data, choice=choice, initial=initial)


@require_http_methods(["GET", "POST"])
def choice(request, pk: int):
    """The choice: vote on it while it is open, and see what was chosen once it is closed."""
    choice = _choice_or_404(pk)
    manages = permissions.can_manage(request.user, choice.event)
    ballot = selectors.ballot_of(choice, request.user)
    can_vote = choice.is_open and services.can_vote(request.user, choice)
    form = None
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect(f"{reverse('accounts:sign_in')}?next={request.path}")
        if not can_vote:
            raise PermissionDenied(
                _("Only people with a place at the event can vote, while voting is open.")
            )
        if "withdraw" in request.POST:
            try:
                services.ballot_withdraw(choice=choice, user=request.user)
            except Refusal as refusal:
                form = form_with_errors(str(refusal))
            else:
                messages.success(request, _("Your vote has been taken back."))
                return redirect("gatherings:choice", choice.pk)
        else:
            form = _ballot_form(choice, request.POST)
            if form.is_valid():
                with refusal_to_form(form, let_through=NotAllowed):
                    services.ballot_cast(
                        choice=choice,
                        user=request.user,
                        dots=form.marks() if choice.is_dots else None,
                        places=None if choice.is_dots else form.marks(),
                    )
                    messages.success(
                        request,
                        _("Thank you. Your vote is saved. You can change it until voting closes."),
                    )
                    return redirect("gatherings:choice", choice.pk)
    elif can_vote:
        form = _ballot_form(choice, ballot=ballot)
    show_count = not choice.is_open or manages
    return render_form(
        request,
        "gatherings/choice.html",
        {
            "choice": choice,
            "event": choice.event,
            "form": form,
            "ballot": ballot,
            "can_vote": can_vote,
            "manages": manages,
            "result": selectors.choice_result(choice) if show_count else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def room_counts(request, pk: int):
    """Type in what the room voted, on the wall or on paper."""
    choice = _choice_or_404(pk)
    _must_manage(request, choice)
    if not choice.is_open:
        messages.info(request, _("This choice is closed, so its counts cannot change."))
        return redirect("gatherings:choice", choice.pk)
    form = RoomCountsForm(request.POST or None, choice=choice)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.choice_room_counts_set(
                choice=choice,
                by=request.user,
                people=form.cleaned_data["people"],
                dots=form.dots() if choice.is_dots else None,
                places=None if choice.is_dots else form.places(),
            )
            messages.success(request, _("The room's counts are saved."))
            return redirect("gatherings:choice", choice.pk)
    return render_form(
        request,
        "gatherings/choice_room_counts.html",
        {"form": form, "choice": choice, "event": choice.event},
    )


@login_required
@require_http_methods(["GET", "POST"])
def close(request, pk: int):
    """Close voting and record what was chosen on the event."""
    choice = _choice_or_404(pk)
    _must_manage(request, choice)
    if not choice.is_open:
        messages.info(request, _("This choice is already closed."))
        return redirect("gatherings:choice", choice.pk)
    form = None
    if request.method == "POST":
        try:
            services.choice_close(choice=choice, by=request.user)
        except Refusal as refusal:
            form = form_with_errors(str(refusal))
        else:
            messages.success(request, _("Voting is closed. What the room chose is on the event."))
            return redirect("gatherings:choice", choice.pk)
    return render_form(
        request,
        "gatherings/choice_close.html",
        {
            "choice": choice,
            "event": choice.event,
            "form": form,
            "result": selectors.choice_result(choice),
        },
    )
