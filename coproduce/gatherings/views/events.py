"""An event's public pages and taking a place: the list, one event, a "bring a friend"
invitation, taking or giving up a place, and a person's own events."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common import limits
from coproduce.common.errors import Refusal, form_with_errors, refusal_to_form, render_form
from coproduce.common.visitor_pages import kept_for_visitors
from coproduce.discussion import hiding

from .. import permissions, provisions, selectors
from ..forms import EventFilterForm, RsvpForm
from ..models import Event, Rsvp
from ..services import rsvps
from ..services.agenda import can_suggest
from .lookups import event_or_404

PAGE_SIZE = 20


@require_GET
@kept_for_visitors
def event_list(request):
    form = EventFilterForm.from_request(request)
    # A filter that makes no sense is a 400 showing every event, with the error beside it.
    valid = form.is_valid()
    events = selectors.events_upcoming(**(form.filters() if valid else {}))
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "gatherings/event_list.html",
        {
            "form": form,
            "page": page,
            "can_create": permissions.can_create_events(request.user),
        },
        status=200 if valid else 400,
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
        "choices": selectors.choices_on_event(event),
        "ask_url": reverse("messaging:new", args=["event", event.pk]),
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
@kept_for_visitors
def event_detail(request, pk: int):
    event = event_or_404(pk, request.user)
    if hiding.hidden_from(request.user, event):
        raise Http404  # a moderator hid it: only its organisers and moderators see it
    return render(request, "gatherings/event_detail.html", _detail_context(request, event))


@login_required
@require_http_methods(["GET", "POST"])
def rsvp(request, pk: int):
    """Take a place (or join the waiting list), saying what access support you need."""
    posted = request.method == "POST"
    event = event_or_404(pk, request.user, to_join=posted)
    if not posted and (event.is_cancelled or event.starts_at <= timezone.now()):
        messages.info(request, _("This event is not taking places any more."))
        return redirect("gatherings:event", event.pk)
    # A post is answered from what rsvp_join found; the place is read only to draw the form.
    current = None if posted else selectors.rsvp_of(event, request.user)
    form = RsvpForm(request.POST or None, event=event, initial=_rsvp_initial(current))
    inviter = None
    token = request.POST.get("invite") or request.GET.get("invite")
    if token:
        invitation = rsvps.rsvp_for_invitation(token)
        if invitation is not None and invitation.event_id == event.pk:
            inviter = invitation.user
    if posted and form.is_valid():
        limits.check(request, "rsvp")
        with refusal_to_form(form):
            place = rsvps.rsvp_join(
                event=event,
                user=request.user,
                access_requests=form.cleaned_data.get("access_requests", []),
                access_note=form.cleaned_data["access_note"],
                invited_by=inviter,
            )
            if place.had_place:
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
    if posted:
        current = selectors.rsvp_of(event, request.user)
    return render_form(
        request,
        "gatherings/rsvp_form.html",
        {"form": form, "event": event, "rsvp": current, "invite": token or "", "inviter": inviter},
    )


@login_required
@require_http_methods(["GET", "POST"])
def rsvp_cancel(request, pk: int):
    """Give up a place (or leave the waiting list) in two steps: the GET asks "Are you sure?"
    and only the POST from that page (with confirm=yes) does it. A POST without it, from an
    older page, asks the question too, so nothing happens in one click."""
    event = event_or_404(pk, request.user)
    place = selectors.rsvp_of(event, request.user)
    if place is None or place.status == Rsvp.Status.CANCELLED:
        messages.info(request, _("You did not have a place at this event."))
        return redirect("gatherings:event", event.pk)
    if request.method == "GET" or request.POST.get("confirm") != "yes":
        return render(request, "gatherings/rsvp_cancel.html", {"event": event, "rsvp": place})
    try:
        rsvps.rsvp_cancel(rsvp=place, by=request.user)
    except Refusal as refusal:
        context = _detail_context(request, event)
        context["form"] = form_with_errors(str(refusal))
        return render(request, "gatherings/event_detail.html", context, status=400)
    if place.status == Rsvp.Status.WAITING:
        messages.success(request, _("You have left the waiting list."))
    else:
        messages.success(request, _("You have given up your place. Thank you for letting us know."))
    return redirect("gatherings:event", event.pk)


@require_GET
def invitation(request, token: str):
    """A "bring a friend" link: the event, with who invited you."""
    invited = rsvps.rsvp_for_invitation(token)
    if invited is None:
        raise Http404(_("This invitation link does not work any more."))
    event = event_or_404(invited.event_id, request.user)
    context = _detail_context(request, event, inviter=invited.user)
    context["invite"] = token
    return render(request, "gatherings/event_detail.html", context)


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
