from datetime import date, timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import (
    Refusal,
    form_with_errors,
    refusal_to_form,
    refusal_to_message,
    render_form,
)
from coproduce.places.models import Place

from .. import permissions, selectors
from ..forms import AgendaItemForm, ArrangeForm
from ..models import AgendaItem
from ..services import agenda as services
from .lookups import event_or_404


def _item_or_404(pk: int) -> AgendaItem:
    item = AgendaItem.objects.select_related("event").filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


@require_http_methods(["GET", "POST"])
def agenda(request, pk: int):
    """Suggestions for the agenda, most interest first; people with a place add to it."""
    event = event_or_404(pk, request.user)
    if not event.agenda_open and not permissions.can_manage(request.user, event):
        raise Http404
    form = AgendaItemForm(request.POST or None)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            limits.check(request, "agenda_item")
            with refusal_to_form(form):
                services.agenda_item_propose(event=event, by=request.user, **form.cleaned_data)
                messages.success(request, _("Thank you. Your suggestion is on the list."))
                return redirect("gatherings:agenda", event.pk)
    items, mine = selectors.agenda_for(event, request.user)
    return render_form(
        request,
        "gatherings/agenda.html",
        {
            "event": event,
            "items": items,
            "mine": mine,
            "form": form,
            "can_suggest": services.can_suggest(request.user, event),
            "manages": permissions.can_manage(request.user, event),
        },
    )


@require_GET
def board(request, pk: int):
    """The Open Space board: sessions by room and time. Prints on one page."""
    event = event_or_404(pk, request.user)
    return render(
        request,
        "gatherings/board.html",
        {
            "event": event,
            "board": selectors.board_for(event),
            "manages": permissions.can_manage(request.user, event),
            "several_days": len(_days_of(event)) > 1,
        },
    )


@login_required
@require_POST
def interest(request, pk: int):
    item = _item_or_404(pk)
    with refusal_to_message(request):
        interested = services.agenda_interest_toggle(item=item, by=request.user)
        messages.success(
            request,
            _("You are interested in “%(item)s”.") % {"item": item.title}
            if interested
            else _("You are no longer marked as interested in “%(item)s”.") % {"item": item.title},
        )
    return redirect("gatherings:agenda", item.event_id)


def _days_of(event) -> list[date]:
    """The local days an event runs over: one, or several for a weekend."""
    first = timezone.localdate(event.starts_at)
    last = timezone.localdate(event.ends_at - timedelta(microseconds=1))
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def _room_names(event) -> list[str]:
    """Rooms to offer: the venue's rooms on the asset map, and rooms the board already uses."""
    names = set(
        AgendaItem.objects.filter(event=event, status=AgendaItem.Status.SCHEDULED).values_list(
            "room", flat=True
        )
    )
    if event.place_id:
        names |= set(
            Place.objects.filter(building_id=event.place_id, is_listed=True).values_list(
                "name", flat=True
            )
        )
    return sorted(names, key=str.lower)


@login_required
@require_http_methods(["GET", "POST"])
def arrange(request, pk: int):
    """Give a suggestion a room and a time on the board (organisers), or take it off."""
    item = _item_or_404(pk)
    event = event_or_404(item.event_id, request.user)
    if not permissions.can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers can arrange the board."))
    if request.method == "POST" and request.POST.get("unschedule"):
        services.agenda_item_unschedule(item=item, by=request.user)
        messages.success(request, _("“%(item)s” is off the board.") % {"item": item.title})
        return redirect("gatherings:board", event.pk)
    initial = {}
    if item.slot_starts_at:
        initial = {
            "room": item.room,
            "day": timezone.localdate(item.slot_starts_at).isoformat(),
            "starts": timezone.localtime(item.slot_starts_at).time(),
            "ends": timezone.localtime(item.slot_ends_at).time(),
        }
    form = ArrangeForm(request.POST or None, initial=initial, days=_days_of(event))
    rooms = _room_names(event)
    if rooms:
        form.fields["room"].widget.attrs["list"] = "room-choices"
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.agenda_item_schedule(
                item=item,
                by=request.user,
                room=form.cleaned_data["room"],
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
            )
            messages.success(request, _("“%(item)s” is on the board.") % {"item": item.title})
            return redirect("gatherings:board", event.pk)
    return render_form(
        request,
        "gatherings/arrange.html",
        {"form": form, "item": item, "event": event, "rooms": rooms},
    )


@login_required
@require_POST
def withdraw(request, pk: int):
    item = _item_or_404(pk)
    try:
        services.agenda_item_withdraw(item=item, by=request.user)
    except Refusal as refusal:
        event = event_or_404(item.event_id, request.user)
        items, mine = selectors.agenda_for(event, request.user)
        return render(
            request,
            "gatherings/agenda.html",
            {
                "event": event,
                "items": items,
                "mine": mine,
                "form": form_with_errors(str(refusal)),
                "can_suggest": services.can_suggest(request.user, event),
                "manages": permissions.can_manage(request.user, event),
            },
            status=403,
        )
    messages.success(request, _("The suggestion has been withdrawn."))
    return redirect("gatherings:agenda", item.event_id)
