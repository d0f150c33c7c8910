"""Pages for an event's organisers: putting it on, changing or cancelling it, who is coming
and what support they asked for, and who came."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
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
from coproduce.common.numbers import NumberError, whole_number
from coproduce.people.naming import name_for

from .. import permissions, provisions, selectors
from ..forms import EventForm, OrganiserForm, ReasonForm
from ..forms.events import event_room_initial
from ..models import BarrierTheme, Event, EventOrganiserInvitation, Rsvp, Series
from ..services import events as services
from ..services import organisers, rsvps
from .lookups import event_or_404


def _event_form_initial(event: Event) -> dict:
    start, end = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    return {
        "title": event.title,
        "summary": event.summary,
        "description": event.description,
        "kind": event.kind,
        "day": start.date(),
        "end_day": end.date() if end.date() != start.date() else None,
        "starts": start.time(),
        "ends": end.time(),
        "place": event.place_id,
        "room": event_room_initial(event),
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
        # Asked only at a place with rooms to book; otherwise the event keeps what it holds.
        "room": data["room"] if "room" in form.fields else services.KEEP,
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
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            event = services.event_create(
                **_event_fields(form),
                by=request.user,
                series=series,
                group=form.cleaned_data.get("group"),
            )
            messages.success(request, _("Your event is on. People can now take a place."))
            return redirect("gatherings:event", event.pk)
    return render_form(
        request,
        "gatherings/event_form.html",
        {"form": form, "series": series, "event": None},
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_edit(request, pk: int):
    event = event_or_404(pk, request.user)
    if not permissions.can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers can change it."))
    form = EventForm(request.POST or None, initial=_event_form_initial(event), user=request.user)
    # Which group runs an event is settled when it is put on.
    form.fields.pop("group", None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.event_update(event=event, by=request.user, **_event_fields(form))
            messages.success(request, _("The event has been changed."))
            return redirect("gatherings:event", event.pk)
    return render_form(
        request,
        "gatherings/event_form.html",
        {"form": form, "series": event.series, "event": event},
    )


@login_required
@require_http_methods(["GET", "POST"])
def event_cancel(request, pk: int):
    event = event_or_404(pk, request.user)
    if not permissions.can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers can cancel it."))
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.event_cancel(event=event, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The event is cancelled. Everyone has been told."))
            return redirect("gatherings:event", event.pk)
    return render_form(request, "gatherings/event_cancel.html", {"form": form, "event": event})


def _require_manager(request, event: Event) -> None:
    if not permissions.can_manage(request.user, event):
        raise PermissionDenied(_("Only the event's organisers can see this page."))


@login_required
@require_http_methods(["GET", "POST"])
def attendees(request, pk: int):
    """Who is coming and what support they asked for, and who helps run it: organisers only."""
    event = event_or_404(pk, request.user)
    _require_manager(request, event)
    rows = list(selectors.attendees_for_organisers(event))
    going = [r for r in rows if r.status == Rsvp.Status.CONFIRMED]
    running = {person.pk for person in event.organisers.all()}
    form = OrganiserForm(
        request.POST or None,
        people=[r.user for r in going if r.user_id not in running and r.user.is_active],
        viewer=request.user,
    )
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            limits.check(request, "owner_invite")  # each one tells the person asked
            organisers.event_organiser_invite(
                event=event, person=form.cleaned_data["person"], by=request.user
            )
            messages.success(
                request,
                _("We have asked %(name)s to help run the event. They will if they say yes.")
                % {"name": name_for(form.cleaned_data["person"], request.user)},
            )
            return redirect("gatherings:attendees", event.pk)
    summary = selectors.access_summary(event)
    return render_form(
        request,
        "gatherings/attendees.html",
        {
            "event": event,
            "going": going,
            "waiting": [r for r in rows if r.status == Rsvp.Status.WAITING],
            "summary": [(provisions.PROVISIONS[k], n) for k, n in summary.items()],
            "organisers": list(event.organisers.all()),
            "invitations": selectors.organiser_invitations_waiting(event),
            "form": form if form.fields["person"].choices else None,
        },
        form=form,
    )


@login_required
@require_POST
def organiser_invitation_withdraw(request, pk: int, invitation_pk: int):
    event = event_or_404(pk, request.user)
    _require_manager(request, event)
    invitation = get_object_or_404(EventOrganiserInvitation, pk=invitation_pk, event=event)
    with refusal_to_message(request):
        organisers.event_organiser_invitation_withdraw(user=request.user, invitation=invitation)
        messages.success(request, _("The invitation has been withdrawn."))
    return redirect("gatherings:attendees", event.pk)


def _organiser_invitation(request, pk: int) -> EventOrganiserInvitation:
    invitation = selectors.organiser_invitation_for(pk=pk, user=request.user)
    if invitation is None:
        raise Http404
    return invitation


@login_required
@require_GET
def organiser_invitation(request, pk: int):
    """The person asked sees the invitation and answers with a button."""
    invitation = _organiser_invitation(request, pk)
    return render(request, "gatherings/organiser_invitation.html", {"invitation": invitation})


@login_required
@require_POST
def organiser_invitation_reply(request, pk: int):
    invitation = _organiser_invitation(request, pk)
    answer = request.POST.get("answer")
    if answer not in {"accept", "decline"}:
        messages.error(request, _("Choose to accept or decline."))
        return redirect("gatherings:organiser_invitation", pk)
    with refusal_to_message(request):
        organisers.event_organiser_invitation_respond(
            user=request.user, invitation=invitation, accept=answer == "accept"
        )
        if answer == "accept":
            messages.success(request, _("You now help run this event."))
            return redirect("gatherings:attendees", invitation.event_id)
        messages.success(request, _("You have declined. Thank you for letting them know."))
    return redirect("gatherings:organiser_invitation", pk)


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request, pk: int):
    event = event_or_404(pk, request.user)
    _require_manager(request, event)
    going = list(
        event.rsvps.filter(status=Rsvp.Status.CONFIRMED)
        .select_related("user__profile")
        .order_by("pk")
    )
    form = None
    if request.method == "POST":
        try:
            came = [whole_number(value, minimum=1) for value in request.POST.getlist("came")]
        except NumberError:
            form = form_with_errors(_("Choose people from the list."))
        else:
            try:
                count = rsvps.attendance_record(event=event, by=request.user, came=came)
            except Refusal as refusal:
                form = form_with_errors(str(refusal))
            else:
                messages.success(
                    request,
                    _("Saved: %(count)s of %(total)s came.")
                    % {"count": count, "total": len(going)},
                )
                return redirect("gatherings:attendance", event.pk)
    return render_form(
        request,
        "gatherings/attendance.html",
        {
            "event": event,
            "going": going,
            "form": form,
            "has_started": event.starts_at <= timezone.now(),
        },
    )
