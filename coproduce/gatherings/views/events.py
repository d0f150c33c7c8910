from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from .. import permissions, provisions, selectors
from ..forms import (
    EventFilterForm,
    EventForm,
    OrganiserForm,
    ReasonForm,
    RsvpForm,
)
from ..models import BarrierTheme, Event, Rsvp, Series
from ..services import GatheringRefusal, places
from ..services import events as services
from ..services.agenda import can_suggest
from ._common import event_or_404, only_errors

PAGE_SIZE = 20


@require_GET
def event_list(request):
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    status = 400 if form.is_bound and form.errors else 200
    events = selectors.events_upcoming(
        kind=filters.get("kind", ""), ward=filters.get("ward"), q=filters.get("q", "")
    )
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "gatherings/event_list.html",
        {
            "form": form,
            "page": page,
            "can_create": permissions.can_create_events(request.user),
        },
        status=status,
    )


def _event_form_initial(event: Event) -> dict:
    start, end = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    return {
        "title": event.title,
        "summary": event.summary,
        "description": event.description,
        "kind": event.kind,
        "day": start.date().strftime("%d/%m/%Y"),
        "end_day": end.date().strftime("%d/%m/%Y") if end.date() != start.date() else "",
        "starts": start.strftime("%H:%M"),
        "ends": end.strftime("%H:%M"),
        "place": event.place_id,
        "online_url": event.online_url,
        "capacity": event.capacity,
        "access_provisions": event.access_provisions,
        "agenda_open": event.agenda_open,
    }


def _event_fields(form: EventForm) -> dict:
    data = form.cleaned_data
    return {
        "title": data["title"],
        "summary": data["summary"],
        "description": data["description"],
        "kind": data["kind"],
        "starts_at": data["starts_at"],
        "ends_at": data["ends_at"],
        "place": data["place"],
        "online_url": data["online_url"],
        "capacity": data["capacity"],
        "access_provisions": data["access_provisions"],
        "agenda_open": data["agenda_open"],
    }


@login_required
@require_http_methods(["GET", "POST"])
def event_create(request):
    if not permissions.can_create_events(request.user):
        raise PermissionDenied(_("Only organisers and council officers can put on events."))
    series = None
    if request.GET.get("series"):
        series = Series.objects.filter(slug=request.GET["series"]).first()
        if series is None or not permissions.can_manage_series(request.user, series):
            raise Http404
    initial = {"kind": series.kind} if series else {}
    barrier = BarrierTheme.objects.filter(slug=request.GET.get("barrier", "")).first()
    if barrier is not None:
        # A barrier-busting session, started from the barrier's page in the library.
        initial = {
            "kind": Event.Kind.WORKSHOP,
            "title": _("Barrier busting: %(name)s") % {"name": barrier.name},
            "summary": _(
                "Bring what you know about “%(name)s”: what got in the way, and what worked."
            )
            % {"name": barrier.name},
            "description": request.build_absolute_uri(
                reverse("gatherings:barrier_theme", args=[barrier.slug])
            ),
        }
    form = EventForm(request.POST or None, initial=initial, user=request.user)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                event = services.event_create(
                    **_event_fields(form),
                    by=request.user,
                    series=series,
                    group=form.cleaned_data.get("group"),
                )
            except GatheringRefusal as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("Your event is on. People can now take a place."))
                return redirect("gatherings:event", event.pk)
        status = 400
    return render(
        request,
        "gatherings/event_form.html",
        {"form": form, "series": series, "event": None},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, pk: int):
    event = event_or_404(pk)
    if not permissions.can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers can change it."))
    form = EventForm(request.POST or None, initial=_event_form_initial(event), user=request.user)
    # Which group runs an event is settled when it is put on.
    form.fields.pop("group", None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.event_update(event=event, by=request.user, **_event_fields(form))
            except GatheringRefusal as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("The event has been changed."))
                return redirect("gatherings:event", event.pk)
        status = 400
    return render(
        request,
        "gatherings/event_form.html",
        {"form": form, "series": event.series, "event": event},
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_cancel(request, pk: int):
    event = event_or_404(pk)
    if not permissions.can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers can cancel it."))
    form = ReasonForm(request.POST or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.event_cancel(
                    event=event, by=request.user, reason=form.cleaned_data["reason"]
                )
            except GatheringRefusal as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(request, _("The event is cancelled. Everyone has been told."))
                return redirect("gatherings:event", event.pk)
        status = 400
    return render(
        request, "gatherings/event_cancel.html", {"form": form, "event": event}, status=status
    )


def _detail_context(request, event: Event, *, inviter=None) -> dict:
    now = timezone.now()
    rsvp = selectors.rsvp_of(event, request.user)
    manages = permissions.can_manage(request.user, event)
    going = rsvp is not None and rsvp.status == Rsvp.Status.CONFIRMED
    context = {
        "event": event,
        "rsvp": rsvp if rsvp is not None and rsvp.status != Rsvp.Status.CANCELLED else None,
        "position": selectors.waiting_position(rsvp) if rsvp else None,
        "manages": manages,
        "show_online_link": bool(event.online_url)
        and not event.is_cancelled
        and (going or manages),
        "provisions": provisions.labels(event.access_provisions),
        "open_for_places": not event.is_cancelled and event.starts_at > now,
        "has_started": event.starts_at <= now,
        "is_over": event.ends_at <= now,
        "can_suggest": can_suggest(request.user, event),
        "inviter": inviter,
        "invite_url": request.build_absolute_uri(
            reverse("gatherings:invite", args=[rsvp.invite_token])
        )
        if going
        else "",
        "rsvp_form": RsvpForm(event=event, initial=_rsvp_initial(rsvp)),
    }
    if event.kind == Event.Kind.ACTION_LEARNING_SET:
        context["treatments"] = selectors.treatments_for(event)
        context["reports_due"] = list(selectors.report_backs_due(event)[:20])
    return context


def _rsvp_initial(rsvp: Rsvp | None) -> dict:
    if rsvp is None:
        return {}
    return {"access_requests": rsvp.access_requests, "access_note": rsvp.access_note}


@require_GET
def event_detail(request, pk: int):
    event = event_or_404(pk)
    return render(request, "gatherings/event_detail.html", _detail_context(request, event))


@login_required
@require_http_methods(["GET", "POST"])
def rsvp(request, pk: int):
    """Take a place (or join the waiting list), saying what access support you need."""
    event = event_or_404(pk)
    if request.method == "GET" and (event.is_cancelled or event.starts_at <= timezone.now()):
        messages.info(request, _("This event is not taking places any more."))
        return redirect("gatherings:event", event.pk)
    current = selectors.rsvp_of(event, request.user)
    form = RsvpForm(request.POST or None, event=event, initial=_rsvp_initial(current))
    inviter = None
    token = request.POST.get("invite") or request.GET.get("invite")
    if token:
        invitation = places.rsvp_for_invitation(token)
        if invitation is not None and invitation.event_id == event.pk:
            inviter = invitation.user
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                place = places.rsvp_join(
                    event=event,
                    user=request.user,
                    access_requests=form.cleaned_data.get("access_requests", []),
                    access_note=form.cleaned_data["access_note"],
                    invited_by=inviter,
                )
            except GatheringRefusal as refusal:
                form.add_error(None, str(refusal))
            else:
                if current is not None and current.status == place.status:
                    messages.success(request, _("Your access needs have been saved."))
                elif place.status == Rsvp.Status.CONFIRMED:
                    messages.success(request, _("You have a place. We have sent you the details."))
                else:
                    messages.success(
                        request,
                        _(
                            "The event is full, so you are on the waiting list. We will tell you "
                            "if a place comes up."
                        ),
                    )
                return redirect("gatherings:event", event.pk)
        status = 400
    return render(
        request,
        "gatherings/rsvp_form.html",
        {"form": form, "event": event, "rsvp": current, "invite": token or "", "inviter": inviter},
        status=status,
    )


@login_required
@require_POST
def rsvp_cancel(request, pk: int):
    event = event_or_404(pk)
    place = selectors.rsvp_of(event, request.user)
    if place is None or place.status == Rsvp.Status.CANCELLED:
        messages.info(request, _("You did not have a place at this event."))
        return redirect("gatherings:event", event.pk)
    try:
        places.rsvp_cancel(rsvp=place, by=request.user)
    except GatheringRefusal as refusal:
        context = _detail_context(request, event)
        context["form"] = only_errors(str(refusal))
        return render(request, "gatherings/event_detail.html", context, status=400)
    messages.success(request, _("You have given up your place. Thank you for letting us know."))
    return redirect("gatherings:event", event.pk)


@require_GET
def invitation(request, token: str):
    """A "bring a friend" link: the event, with who invited you."""
    invited = places.rsvp_for_invitation(token)
    if invited is None:
        raise Http404(_("This invitation link does not work any more."))
    event = event_or_404(invited.event_id)
    context = _detail_context(request, event, inviter=invited.user)
    context["invite"] = token
    return render(request, "gatherings/event_detail.html", context)


def _require_manager(request, event: Event) -> None:
    if not permissions.can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers can see this page."))


@login_required
@require_http_methods(["GET", "POST"])
def attendees(request, pk: int):
    """Who is coming and what support they asked for, and who helps run it: organisers only."""
    event = event_or_404(pk)
    _require_manager(request, event)
    rows = list(selectors.attendees_for_organisers(event))
    going = [r for r in rows if r.status == Rsvp.Status.CONFIRMED]
    running = {person.pk for person in event.organisers.all()}
    form = OrganiserForm(
        request.POST or None,
        people=[r.user for r in going if r.user_id not in running and r.user.is_active],
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.event_organiser_add(
                    event=event, person=form.cleaned_data["person"], by=request.user
                )
            except GatheringRefusal as refusal:
                form.add_error(None, str(refusal))
            else:
                messages.success(
                    request,
                    _("%(name)s now helps run the event.") % {"name": form.cleaned_data["person"]},
                )
                return redirect("gatherings:attendees", event.pk)
        status = 400
    summary = selectors.access_summary(event)
    return render(
        request,
        "gatherings/attendees.html",
        {
            "event": event,
            "going": going,
            "waiting": [r for r in rows if r.status == Rsvp.Status.WAITING],
            "summary": [(provisions.PROVISIONS[k], n) for k, n in summary.items()],
            "organisers": list(event.organisers.all()),
            "form": form if form.fields["person"].choices else None,
        },
        status=status,
    )


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk: int):
    event = event_or_404(pk)
    _require_manager(request, event)
    going = list(
        event.rsvps.filter(status=Rsvp.Status.CONFIRMED).select_related("user").order_by("pk")
    )
    form = None
    if request.method == "POST":
        try:
            came = [int(value) for value in request.POST.getlist("came")]
        except ValueError:
            form = only_errors(_("Choose people from the list."))
        else:
            try:
                count = places.attendance_record(event=event, by=request.user, came=came)
            except GatheringRefusal as refusal:
                form = only_errors(str(refusal))
            else:
                messages.success(
                    request,
                    _("Saved: %(count)s of %(total)s came.")
                    % {"count": count, "total": len(going)},
                )
                return redirect("gatherings:attendance", event.pk)
    return render(
        request,
        "gatherings/attendance.html",
        {
            "event": event,
            "going": going,
            "form": form,
            "has_started": event.starts_at <= timezone.now(),
        },
        status=400 if form is not None else 200,
    )


@login_required
@require_GET
def my_events(request):
    return render(
        request,
        "gatherings/my_events.html",
        {
            "upcoming": selectors.events_of(request.user),
            "past": selectors.events_of(request.user, past=True)[:20],
            "organised": selectors.events_organised_by(request.user),
            "actions": selectors.actions_owned_by(request.user)[:50],
        },
    )
