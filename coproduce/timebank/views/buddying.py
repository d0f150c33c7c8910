"""Buddying pages: ask for a buddy, offer to be one, end a pairing, and the coordinator's view."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message
from coproduce.staff.services import audit_record

from .. import buddying, permissions, safeguarding
from ..forms import BuddyRequestForm, EndPairingForm, VolunteerCheckForm
from ..models import BuddyRequest, Pairing, VolunteerCheck

LIVE = [Pairing.Status.ACTIVE, Pairing.Status.AWAITING_APPROVAL]


@login_required
def overview(request):
    user = request.user
    pairings = (
        Pairing.objects.filter(Q(volunteer=user) | Q(request__resident=user), status__in=LIVE)
        .select_related("request__resident__profile", "volunteer__profile")
        .order_by("-created_at")
    )
    return render(
        request,
        "timebank/buddying.html",
        {
            "my_requests": BuddyRequest.objects.filter(resident=user).order_by("-created_at")[:20],
            "pairings": pairings,
            # Nothing at all about other people's requests, not even how many, unless the
            # safeguarding rule lets this person see them.
            "may_see_requests": safeguarding.may_see_open_requests(user),
            "open_requests": safeguarding.open_requests_for(user)[:50],
            "is_coordinator": permissions.is_coordinator(user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def request_new(request):
    form = BuddyRequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "buddy_request")
        buddying.buddy_request_create(resident=request.user, **form.cleaned_data)
        messages.success(request, _("Your request is open. We will tell you when someone offers."))
        return redirect("timebank:buddying")
    return render(request, "timebank/buddy_request_form.html", {"form": form})


@login_required
@require_POST
@limits.limited("buddy_offer")
def offer(request, pk: int):
    buddy_request = get_object_or_404(safeguarding.open_requests_for(request.user), pk=pk)
    # Someone who may not offer for this request gets the 403 page, from RefusalMiddleware.
    with refusal_to_message(request, let_through=NotAllowed):
        pairing = buddying.pairing_offer(volunteer=request.user, request=buddy_request)
        if pairing.status == Pairing.Status.ACTIVE:
            messages.success(request, _("Thank you. You are now a buddy."))
        else:
            messages.success(request, _("Thank you. A coordinator will check your offer."))
    return redirect("timebank:buddying")


def _pairing(pk: int) -> Pairing:
    return get_object_or_404(
        Pairing.objects.select_related("request__resident__profile", "volunteer__profile"), pk=pk
    )


@login_required
@require_http_methods(["GET", "POST"])
def pairing_end(request, pk: int):
    pairing = _pairing(pk)
    sides = {pairing.volunteer_id, pairing.request.resident_id}
    if request.user.pk not in sides and not permissions.is_coordinator(request.user):
        raise PermissionDenied
    form = EndPairingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            buddying.pairing_end(
                actor=request.user, pairing=pairing, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The pairing has ended. We have told both of you."))
            return redirect("timebank:buddying")
    return render(request, "timebank/pairing_end.html", {"form": form, "pairing": pairing})


@login_required
def coordinator(request):
    if not permissions.is_coordinator(request.user):
        raise PermissionDenied
    awaiting = (
        Pairing.objects.filter(status=Pairing.Status.AWAITING_APPROVAL)
        .select_related("request__resident__profile", "volunteer__profile")
        .order_by("created_at")
    )
    checked = set(
        VolunteerCheck.objects.filter(
            person__in=[p.volunteer_id for p in awaiting], expires_on__gt=timezone.localdate()
        ).values_list("person_id", flat=True)
    )
    volunteers = sorted({p.volunteer_id for p in awaiting})  # their emails are shown
    audit_record(
        actor=request.user,
        action="personal_data.viewed",
        target="buddying volunteers",
        detail={"people": volunteers},
    )
    return render(
        request,
        "timebank/buddying_coordinator.html",
        {
            "awaiting": [(p, p.volunteer_id in checked) for p in awaiting],
            "checks": VolunteerCheck.objects.select_related("person__profile").order_by(
                "expires_on"
            )[:50],
            "today": timezone.localdate(),
        },
    )


def _coordinator_action(request, pk: int, action, done: str):
    if not permissions.is_coordinator(request.user):
        raise PermissionDenied
    with refusal_to_message(request):
        action(actor=request.user, pairing=_pairing(pk))
        messages.success(request, done)
    return redirect("timebank:buddying_coordinator")


@login_required
@require_POST
def approve(request, pk: int):
    return _coordinator_action(request, pk, buddying.pairing_approve, _("The pairing is approved."))


@login_required
@require_POST
def refuse(request, pk: int):
    return _coordinator_action(request, pk, buddying.pairing_refuse, _("The pairing is refused."))


@login_required
@require_http_methods(["GET", "POST"])
def check_new(request):
    if not permissions.is_coordinator(request.user):
        raise PermissionDenied
    form = VolunteerCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            buddying.volunteer_check_record(actor=request.user, **form.cleaned_data)
            messages.success(request, _("The check is recorded."))
            return redirect("timebank:buddying_coordinator")
    return render(request, "timebank/check_form.html", {"form": form})
