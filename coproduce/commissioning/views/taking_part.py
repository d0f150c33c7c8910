"""Pages for residents: applying, answering an invitation, declaring interests, scoring,
submitting, and (only after submitting) seeing the other members' scores."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form

from .. import permissions, selectors, services
from ..forms import AcceptForm, ApplyForm, DeclareForm, ScoreForm
from ..models import Bid, Member
from .common import visible_panel


@login_required
@require_http_methods(["GET", "POST"])
def panel_apply(request, pk: int):
    panel = visible_panel(request, pk)
    form = ApplyForm(request.POST if request.method == "POST" else None, is_youth=panel.is_youth)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form, let_through=NotAllowed):
            services.member_apply(user=request.user, panel=panel, **form.cleaned_data)
            messages.success(request, _("Thank you. The officers running the panel will reply."))
            return redirect("commissioning:detail", pk=panel.pk)
    return render_form(request, "commissioning/apply.html", {"panel": panel, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def invitation_answer(request, pk: int):
    """Say yes or no to an invitation. Nothing changes until the person answers."""
    panel = _invited_panel(request, pk)
    member = selectors.member_of(panel, request.user)
    if member is None or member.status != Member.Status.INVITED:
        if member is not None and member.status == Member.Status.ACTIVE:
            return redirect("commissioning:score", pk=panel.pk)
        raise PermissionDenied(_("You have no invitation to this panel."))
    form = AcceptForm(request.POST if request.method == "POST" else None, is_youth=panel.is_youth)
    if request.method == "POST":
        if request.POST.get("answer") == "decline":
            services.member_decline(by=request.user, member=member)
            messages.success(request, _("You said no. You are not on the panel."))
            return redirect("commissioning:list")
        if form.is_valid():
            with refusal_to_form(form, let_through=NotAllowed):
                services.member_accept(by=request.user, member=member, **form.cleaned_data)
                messages.success(request, _("You have joined the panel."))
                if not panel.is_public:  # still being set up: scoring opens once published
                    return redirect("commissioning:list")
                return redirect("commissioning:score", pk=panel.pk)
    return render_form(request, "commissioning/join.html", {"panel": panel, "form": form})


def _invited_panel(request, pk: int):
    """An invitation can be to a panel still being set up, so it is found through it."""
    member = (
        Member.objects.select_related("panel")
        .filter(panel_id=pk, user=request.user)
        .exclude(status=Member.Status.DECLINED)
        .first()
    )
    if member is None:
        return visible_panel(request, pk)
    return member.panel


def _member(request, panel) -> Member:
    member = selectors.member_of(panel, request.user)
    if member is None or member.status != Member.Status.ACTIVE:
        raise PermissionDenied(_("Only the panel's members can see this page."))
    return member


def _score_page(request, panel, member, *, bound_bid=None, declare_form=None, score_form=None):
    criteria = list(panel.criteria.all())
    rows = selectors.my_bids(member)
    for row in rows:
        bid_pk = row.bid.pk
        if bound_bid == bid_pk and declare_form is not None:
            row.declare_form = declare_form
        else:
            initial = (
                {
                    "has_interest": "yes" if row.conflicted else "no",
                    "details": row.declaration.details,
                }
                if row.declaration
                else None
            )
            row.declare_form = DeclareForm(initial=initial, prefix=f"d{bid_pk}")
        if row.may_score:
            if bound_bid == bid_pk and score_form is not None:
                row.score_form = score_form
            else:
                initial = {}
                for criterion_id, score in row.scores.items():
                    initial[f"score_{criterion_id}"] = str(score.score)
                    initial[f"reason_{criterion_id}"] = score.reason
                row.score_form = ScoreForm(initial=initial, criteria=criteria, prefix=f"s{bid_pk}")
    context = {
        "panel": panel,
        "member": member,
        "criteria": criteria,
        "rows": rows,
        "takes_part": permissions.takes_part(member, timezone.localdate()),
        "others": selectors.others_scores(member),
    }
    errors = (declare_form is not None and declare_form.errors) or (
        score_form is not None and score_form.errors
    )
    return render(request, "commissioning/score.html", context, status=400 if errors else 200)


@login_required
@require_http_methods(["GET"])
def score_page(request, pk: int):
    """A member's own page: declare, score each bid, submit; others' scores only after."""
    panel = visible_panel(request, pk)
    return _score_page(request, panel, _member(request, panel))


@login_required
@require_POST
def interest_declare(request, pk: int, bid_pk: int):
    panel = visible_panel(request, pk)
    member = _member(request, panel)
    bid = get_object_or_404(Bid, pk=bid_pk, panel=panel)
    form = DeclareForm(request.POST, prefix=f"d{bid.pk}")
    if form.is_valid():
        with refusal_to_form(form, let_through=NotAllowed):
            services.interest_declare(user=request.user, bid=bid, **form.cleaned_data)
            messages.success(request, _("Declaration saved for %(bidder)s.") % {"bidder": bid})
            return redirect("commissioning:score", pk=panel.pk)
    return _score_page(request, panel, member, bound_bid=bid.pk, declare_form=form)


@login_required
@require_POST
def bid_score(request, pk: int, bid_pk: int):
    panel = visible_panel(request, pk)
    member = _member(request, panel)
    bid = get_object_or_404(Bid, pk=bid_pk, panel=panel)
    form = ScoreForm(request.POST, criteria=panel.criteria.all(), prefix=f"s{bid.pk}")
    if form.is_valid():
        with refusal_to_form(form, let_through=NotAllowed):
            services.score_bid(user=request.user, bid=bid, scores=form.scores())
            messages.success(request, _("Scores saved for %(bidder)s.") % {"bidder": bid})
            return redirect("commissioning:score", pk=panel.pk)
    return _score_page(request, panel, member, bound_bid=bid.pk, score_form=form)


@login_required
@require_POST
def scores_submit(request, pk: int):
    panel = visible_panel(request, pk)
    _member(request, panel)
    with refusal_to_message(request, let_through=NotAllowed):
        services.scores_submit(user=request.user, panel=panel)
        messages.success(request, _("Your scores are submitted. You can now see the others'."))
    return redirect("commissioning:score", pk=panel.pk)
