import json
from datetime import date
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import BadRequest, PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import ical
from coproduce.common.dates.parsing import DateError
from coproduce.common.errors import Refusal, form_with_errors, refusal_to_form, render_form
from coproduce.common.limits import limited

from . import permissions, selectors, services
from .forms import BookingApiForm, BookingForm, ReasonForm, SpaceFilterForm, parse_month
from .models import BookableRoom, BookableSpace, Booking


def _space_visible(request, space: BookableSpace | None) -> BookableSpace:
    if space is None:
        raise Http404
    if not (space.is_open_for_booking and space.place.is_listed) and not permissions.can_manage(
        request.user, space
    ):
        raise Http404
    return space


def _room_visible(request, pk: int) -> BookableRoom:
    room = selectors.room_detail(pk)
    if room is None:
        raise Http404
    _space_visible(request, room.space)
    return room


def _today() -> date:
    return timezone.localdate()


@require_GET
def space_list(request):
    form = SpaceFilterForm.from_request(request)
    # A filter that makes no sense shows every space, with the error beside it.
    spaces = selectors.spaces_listed(**(form.filters() if form.is_valid() else {}))
    return render(request, "bookings/space_list.html", {"form": form, "spaces": spaces})


@require_GET
def space_detail(request, pk: int):
    space = _space_visible(request, selectors.space_detail(pk))
    try:
        month = parse_month(request.GET.get("month"), _today())
    except DateError as error:
        raise BadRequest(str(error)) from None
    rooms = list(space.rooms.all())
    room = rooms[0] if rooms else None
    if request.GET.get("room"):
        room = next((r for r in rooms if str(r.pk) == request.GET["room"]), None)
        if room is None:
            raise Http404
    year, number = month
    previous = (year - (number == 1), (number - 2) % 12 + 1)
    following = selectors.month_after(date(year, number, 1))
    return render(
        request,
        "bookings/space_detail.html",
        {
            "space": space,
            "rooms": rooms,
            "room": room,
            "month": date(year, number, 1),
            "previous": f"{previous[0]:04d}-{previous[1]:02d}",
            "following": f"{following[0]:04d}-{following[1]:02d}",
            "days": [d for d in selectors.room_month(room, year, number) if d.open] if room else [],
            "can_manage": permissions.can_manage(request.user, space),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
@limited("booking_request")
def booking_create(request, pk: int):
    room = _room_visible(request, pk)
    form = BookingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            booking = services.booking_request(
                room=room,
                starts_at=form.cleaned_data["starts_at"],
                ends_at=form.cleaned_data["ends_at"],
                purpose=form.cleaned_data["purpose"],
                group=form.cleaned_data["group"],
                requested_by=request.user,
            )
            if booking.status == Booking.Status.CONFIRMED:
                messages.success(request, _("Your booking is confirmed."))
            else:
                messages.success(
                    request,
                    _("Your request has been sent. The manager will approve or decline it."),
                )
            return redirect("bookings:mine")
    return render_form(request, "bookings/booking_form.html", {"form": form, "room": room})


@require_POST
@limited("booking_request", json=True)
def booking_api(request, pk: int):
    """JSON: book a room. 201 once committed, 409 if the slot is taken, 400 for bad input."""
    if not request.user.is_authenticated:
        return JsonResponse({"error": _("Sign in first.")}, status=401)
    room = selectors.room_detail(pk)
    if room is None or not (room.space.is_open_for_booking and room.space.place.is_listed):
        return JsonResponse({"error": _("No such room.")}, status=404)
    try:
        body = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        return JsonResponse({"error": _("The body must be JSON.")}, status=400)
    form = BookingApiForm(body if isinstance(body, dict) else {})
    if not form.is_valid():
        return JsonResponse({"error": _("Bad input."), "fields": form.errors}, status=400)
    try:
        booking = services.booking_request(
            room=room,
            starts_at=form.cleaned_data["start"],
            ends_at=form.cleaned_data["end"],
            purpose=form.cleaned_data["purpose"],
            requested_by=request.user,
        )
    except services.SlotTaken as refusal:
        return JsonResponse({"error": str(refusal)}, status=409)
    except Refusal as refusal:
        return JsonResponse({"error": str(refusal)}, status=400)
    return JsonResponse({"id": booking.pk, "status": booking.status}, status=201)


@login_required
@require_GET
def my_bookings(request):
    return render(
        request,
        "bookings/my_bookings.html",
        {
            "bookings": selectors.bookings_of(request.user),
            "now": timezone.now(),
            "manages": selectors.spaces_managed_by(request.user).exists(),
        },
    )


def _booking_for(request, pk: int) -> Booking:
    booking = (
        Booking.objects.select_related("room__place", "room__space__place", "requested_by")
        .filter(pk=pk)
        .first()
    )
    # Someone with no part in a booking cannot tell whether it exists.
    if booking is None or not permissions.can_cancel(request.user, booking):
        raise Http404
    return booking


@login_required
@require_http_methods(["GET", "POST"])
def booking_cancel(request, pk: int):
    booking = _booking_for(request, pk)
    own = booking.requested_by_id == request.user.pk
    label = _("Why are you cancelling? (optional)") if own else _("Why is it cancelled?")
    form = ReasonForm(request.POST or None, required=not own, label=label)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.booking_cancel(
                booking=booking, by=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The booking has been cancelled."))
            return redirect("bookings:mine" if own else "bookings:queue")
    return render_form(
        request,
        "bookings/booking_cancel.html",
        {"form": form, "booking": booking},
    )


def _require_manager(user) -> None:
    if not (permissions.manages_any_space(user) or selectors.spaces_managed_by(user).exists()):
        raise PermissionDenied(_("Only managers of bookable spaces can see this page."))


@login_required
@require_GET
def manager_queue(request):
    _require_manager(request.user)
    return render(
        request,
        "bookings/manager_queue.html",
        {"bookings": selectors.manager_queue(request.user), "form": ReasonForm()},
    )


@login_required
@require_POST
def booking_decide(request, pk: int):
    booking = _booking_for(request, pk)
    if not permissions.can_manage(request.user, booking.room.space):
        raise PermissionDenied(_("Only the space's manager can approve or decline bookings."))
    decision = request.POST.get("decision")
    form: forms.Form = ReasonForm(request.POST)
    try:
        if decision == "approve":
            services.booking_approve(booking=booking, by=request.user)
            messages.success(request, _("The booking is confirmed."))
            return redirect("bookings:queue")
        if decision != "decline":
            form = form_with_errors(_("Choose to approve or decline."))
        elif form.is_valid():
            services.booking_decline(
                booking=booking, by=request.user, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The request has been declined."))
            return redirect("bookings:queue")
        else:
            # The page has one reason box per request: the summary says which was missing.
            form = form_with_errors(_("Give a reason, so the person knows why."))
    except Refusal as refusal:
        form = form_with_errors(str(refusal))
    return render(
        request,
        "bookings/manager_queue.html",
        {"bookings": selectors.manager_queue(request.user), "form": form, "failed": booking},
        status=400,
    )


@require_GET
def room_calendar(request, pk: int):
    """The room's confirmed bookings as iCalendar, with nothing about who booked."""
    room = _room_visible(request, pk)
    host = urlsplit(settings.SITE_URL).hostname or "coproduce"
    events = [
        ical.Event(
            uid=f"booking-{booking.pk}@{host}",
            start=booking.starts_at,
            end=booking.ends_at,
            stamp=booking.updated_at,
            summary=_("Booked"),
            location=f"{room.place.name}, {room.space.place.name}",
        )
        for booking in selectors.feed_bookings(room)
    ]
    body = ical.calendar(
        name=f"{room.place.name}, {room.space.place.name}",
        product="-//Coproduce//Bookings//EN",
        events=events,
    )
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="room-{room.pk}.ics"'
    return response


@login_required
@require_GET
def utilisation(request):
    if permissions.sees_all_utilisation(request.user):
        spaces = BookableSpace.objects.select_related("place__ward").order_by("place__name", "pk")
    else:
        _require_manager(request.user)
        spaces = selectors.spaces_managed_by(request.user)
    today = _today()
    this = (today.year, today.month)
    following = selectors.month_after(today)
    this_month = {u.space.pk: u for u in selectors.utilisation(spaces, *this)}
    next_month = {u.space.pk: u for u in selectors.utilisation(spaces, *following)}
    rows = [(this_month[pk], next_month[pk]) for pk in this_month]
    return render(
        request,
        "bookings/utilisation.html",
        {
            "rows": rows,
            "this_month": date(*this, 1),
            "next_month": date(*following, 1),
        },
    )
