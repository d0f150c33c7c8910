"""Pages for the officers running a panel: setting it up, criteria, bids, members, consent,
meetings, the score sheet and moderation, the recommendation and the decision."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form
from coproduce.gatherings.models import Event

from .. import permissions, selectors, services
from ..forms import (
    BidForm,
    ConsentForm,
    CriterionForm,
    DecideForm,
    InviteForm,
    MeetingForm,
    ModerateForm,
    PanelForm,
    RecommendForm,
)
from ..models import Bid, Criterion, Member
from ..sums import age_on, needs_guardian_consent
from .common import run_panel


@login_required
@require_http_methods(["GET", "POST"])
def panel_new(request):
    if not permissions.can_set_up(request.user):
        raise PermissionDenied(_("Only council officers can set up a service choice panel."))
    form = PanelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            panel = services.panel_create(by=request.user, **form.cleaned_data)
            messages.success(request, _("Your panel is set up. Add the criteria, then publish."))
            return redirect("commissioning:run", pk=panel.pk)
    return render_form(request, "commissioning/panel_form.html", {"form": form})


def _events_for(user):
    return Event.objects.filter(organisers=user, status=Event.Status.SCHEDULED).order_by(
        "starts_at"
    )


def _run_page(request, panel, **bound):
    forms = {
        "criterion_form": CriterionForm(),
        "bid_form": BidForm(),
        "invite_form": InviteForm(),
        "meeting_form": MeetingForm(events=_events_for(request.user)),
        "recommend_form": RecommendForm(bids=panel.bids.all()),
        "decide_form": DecideForm(),
    }
    forms.update(bound)
    members = list(selectors.members_of(panel))
    today = timezone.localdate()
    for member in members:
        born = member.date_of_birth
        member.age = age_on(born, today) if born else None
        member.needs_consent = bool(born) and needs_guardian_consent(born, today)
        member.has_consent = hasattr(member, "consent")
    context = {
        "panel": panel,
        "criteria": list(panel.criteria.all()),
        "weights_total": sum(c.weight for c in panel.criteria.all()),
        "bids": list(panel.bids.all()),
        "members": members,
        "meetings": list(panel.meetings.select_related("event")),
        **forms,
    }
    errors = any(form.errors for form in bound.values())
    return render(request, "commissioning/run.html", context, status=400 if errors else 200)


@login_required
@require_GET
def panel_run(request, pk: int):
    return _run_page(request, run_panel(request, pk))


def _posted(request, pk, form_class, name, call, done, *, form_kwargs=None):
    """Handle one of the run page's forms: on success flash `done` and go back to the page."""
    panel = run_panel(request, pk)
    form = form_class(request.POST, **(form_kwargs(panel) if form_kwargs else {}))
    if form.is_valid():
        with refusal_to_form(form):
            call(panel, form.cleaned_data)
            messages.success(request, done)
            return redirect("commissioning:run", pk=panel.pk)
    return _run_page(request, panel, **{name: form})


@login_required
@require_POST
def criterion_add(request, pk: int):
    return _posted(
        request,
        pk,
        CriterionForm,
        "criterion_form",
        lambda panel, data: services.criterion_add(by=request.user, panel=panel, **data),
        _("Criterion added."),
    )


@login_required
@require_POST
def criterion_remove(request, pk: int, criterion_pk: int):
    panel = run_panel(request, pk)
    criterion = get_object_or_404(Criterion, pk=criterion_pk, panel=panel)
    with refusal_to_message(request):
        services.criterion_remove(by=request.user, criterion=criterion)
        messages.success(request, _("Criterion removed."))
    return redirect("commissioning:run", pk=panel.pk)


@login_required
@require_POST
def panel_publish(request, pk: int):
    panel = run_panel(request, pk)
    with refusal_to_message(request):
        services.panel_publish(by=request.user, panel=panel)
        messages.success(request, _("Published. The criteria and weights cannot change now."))
    return redirect("commissioning:run", pk=panel.pk)


@login_required
@require_POST
def bid_add(request, pk: int):
    return _posted(
        request,
        pk,
        BidForm,
        "bid_form",
        lambda panel, data: services.bid_add(by=request.user, panel=panel, **data),
        _("Bid recorded."),
    )


@login_required
@require_POST
def member_invite(request, pk: int):
    def call(panel, data):
        limits.check(request, "panel_invite")
        services.member_invite(by=request.user, panel=panel, email=data["email"])

    return _posted(
        request,
        pk,
        InviteForm,
        "invite_form",
        call,
        _("Invitation sent. They join if they accept."),
    )


@login_required
@require_POST
def application_decide(request, pk: int, member_pk: int):
    panel = run_panel(request, pk)
    member = get_object_or_404(Member, pk=member_pk, panel=panel)
    with refusal_to_message(request):
        if request.POST.get("answer") == "accept":
            services.member_accept(by=request.user, member=member)
            messages.success(request, _("Application accepted."))
        else:
            services.member_decline(by=request.user, member=member)
            messages.success(request, _("Application turned down."))
    return redirect("commissioning:run", pk=panel.pk)


@login_required
@require_http_methods(["GET", "POST"])
def consent_record(request, pk: int, member_pk: int):
    panel = run_panel(request, pk)
    member = get_object_or_404(Member.objects.select_related("user"), pk=member_pk, panel=panel)
    form = ConsentForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.guardian_consent_record(by=request.user, member=member, **form.cleaned_data)
            messages.success(request, _("Consent recorded."))
            return redirect("commissioning:run", pk=panel.pk)
    context = {"panel": panel, "member": member, "form": form}
    return render_form(request, "commissioning/consent_form.html", context)


@login_required
@require_POST
def meeting_add(request, pk: int):
    return _posted(
        request,
        pk,
        MeetingForm,
        "meeting_form",
        lambda panel, data: services.meeting_add(by=request.user, panel=panel, **data),
        _("Meeting added."),
        form_kwargs=lambda panel: {"events": _events_for(request.user)},
    )


@login_required
@require_POST
def panel_recommend(request, pk: int):
    return _posted(
        request,
        pk,
        RecommendForm,
        "recommend_form",
        lambda panel, data: services.panel_recommend(by=request.user, panel=panel, **data),
        _("The panel's recommendation is published."),
        form_kwargs=lambda panel: {"bids": panel.bids.all()},
    )


@login_required
@require_POST
def panel_decide(request, pk: int):
    return _posted(
        request,
        pk,
        DecideForm,
        "decide_form",
        lambda panel, data: services.panel_decide(by=request.user, panel=panel, **data),
        _("The council's decision is published."),
    )


def _sheet_page(request, panel, *, bound_bid: int | None = None, bound_form=None):
    sheet = selectors.score_sheet(panel)
    for row in sheet.bids:
        moderated = row.moderated
        initial = {"total": moderated.total, "reason": moderated.reason} if moderated else None
        row.form = (
            bound_form
            if bound_bid == row.bid.pk
            else ModerateForm(initial=initial, prefix=f"bid{row.bid.pk}")
        )
    context = {"panel": panel, "sheet": sheet}
    status = 400 if bound_form is not None and bound_form.errors else 200
    return render(request, "commissioning/sheet.html", context, status=status)


@login_required
@require_GET
def score_sheet(request, pk: int):
    """The score sheet: submitted members' scores, reasons and weighted totals per bid."""
    return _sheet_page(request, run_panel(request, pk))


@login_required
@require_POST
def total_moderate(request, pk: int, bid_pk: int):
    panel = run_panel(request, pk)
    bid = get_object_or_404(Bid, pk=bid_pk, panel=panel)
    form = ModerateForm(request.POST, prefix=f"bid{bid.pk}")
    if form.is_valid():
        with refusal_to_form(form):
            services.moderated_total_set(by=request.user, bid=bid, **form.cleaned_data)
            messages.success(request, _("Moderated total recorded."))
            return redirect("commissioning:sheet", pk=panel.pk)
    return _sheet_page(request, panel, bound_bid=bid.pk, bound_form=form)
