"""Declarations of interest, sealed scores, submission, and moderated totals (ADR 0024)."""

from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal

from .. import permissions
from ..models import SCORE_MAX, Bid, Criterion, Declaration, Member, ModeratedTotal, Score
from .common import audit, check_runs, locked_panel


def _member_for(user, bid: Bid) -> Member:
    member = Member.objects.select_related("panel").filter(panel=bid.panel, user=user).first()
    if not permissions.signed_in(user) or member is None:
        raise NotAllowed(_("Only the panel's members can do that."))
    if not permissions.takes_part(member, timezone.localdate()):
        raise NotAllowed(
            _("You can take part once you have joined, and a parent or carer has agreed.")
        )
    if not member.panel.is_scoring:
        raise Refusal(_("The panel is not scoring just now."))
    if member.submitted_at is not None:
        raise Refusal(_("You have submitted your scores, so they cannot change now."))
    return member


@transaction.atomic
def interest_declare(*, user, bid: Bid, has_interest: bool, details: str = "") -> Declaration:
    """Say whether you have an interest in a bid (you work for the bidder, a relative does,
    you gain from it). Made before scoring it; someone with an interest cannot score it."""
    locked_panel(bid.panel)
    member = _member_for(user, bid)
    if has_interest and not details.strip():
        raise Refusal(_("Say what your interest is."), field="details")
    if Score.objects.filter(member=member, bid=bid).exists():
        raise Refusal(_("You have started scoring this bid, so the declaration cannot change."))
    declaration, _created = Declaration.objects.update_or_create(
        member=member,
        bid=bid,
        defaults={"has_interest": has_interest, "details": details.strip() if has_interest else ""},
    )
    audit(user, "interest_declared", bid.panel, member=member.pk, bid=bid.pk, has=has_interest)
    return declaration


@transaction.atomic
def score_bid(*, user, bid: Bid, scores: dict[int, tuple[int, str]]) -> list[Score]:
    """Score every criterion of one bid (0 to 5), each with a reason. Only after declaring
    no interest in it; a member who declared an interest is refused."""
    locked_panel(bid.panel)
    member = _member_for(user, bid)
    declaration = Declaration.objects.filter(member=member, bid=bid).first()
    if declaration is None:
        raise Refusal(_("Declare any interest in this bid before you score it."))
    if declaration.has_interest:
        raise NotAllowed(_("You declared an interest in this bid, so you cannot score it."))
    criteria = {c.pk: c for c in Criterion.objects.filter(panel_id=bid.panel_id)}
    if set(scores) != set(criteria):
        raise Refusal(_("Score every criterion."))
    saved = []
    for criterion_id, (value, reason) in scores.items():
        if not 0 <= value <= SCORE_MAX:
            raise Refusal(_("Give a score from 0 to %(max)d.") % {"max": SCORE_MAX})
        if not reason.strip():
            raise Refusal(
                _("Give a reason for your score for “%(title)s”.")
                % {"title": criteria[criterion_id].title}
            )
        score, _created = Score.objects.update_or_create(
            member=member,
            bid=bid,
            criterion_id=criterion_id,
            defaults={"score": value, "reason": reason.strip()},
        )
        saved.append(score)
    return saved


@transaction.atomic
def scores_submit(*, user, panel) -> Member:
    """Submit your scores. Every bid must be declared on, and every bid you have no interest
    in scored on every criterion. Only then do you see the other members' scores."""
    panel = locked_panel(panel)
    bid = Bid.objects.filter(panel=panel).first()
    if bid is None:
        raise Refusal(_("There are no bids to score yet."))
    member = _member_for(user, bid)
    bids = list(panel.bids.values_list("pk", flat=True))
    criteria = panel.criteria.count()
    declared = dict(Declaration.objects.filter(member=member).values_list("bid_id", "has_interest"))
    if set(declared) != set(bids):
        raise Refusal(_("Declare any interest in every bid first."))
    scored: dict[int, int] = {}
    for bid_id in Score.objects.filter(member=member).values_list("bid_id", flat=True):
        scored[bid_id] = scored.get(bid_id, 0) + 1
    for bid_id in bids:
        if not declared[bid_id] and scored.get(bid_id, 0) != criteria:
            raise Refusal(_("Score every bid you have no interest in first."))
    member.submitted_at = timezone.now()
    member.save(update_fields=["submitted_at", "updated_at"])
    audit(user, "scores_submitted", panel, member=member.pk)
    return member


@transaction.atomic
def moderated_total_set(*, by, bid: Bid, total: Decimal, reason: str) -> ModeratedTotal:
    """Record the total the panel agreed for a bid after moderation, with the reason."""
    panel = locked_panel(bid.panel)
    check_runs(by, panel)
    if panel.status != panel.Status.PUBLISHED:
        raise Refusal(_("Totals can be moderated only while the panel is at work."))
    if not Decimal(0) <= total <= Decimal(100):
        raise Refusal(_("Enter a total from 0 to 100."), field="total")
    if not reason.strip():
        raise Refusal(_("Say why the total was moderated."), field="reason")
    moderated, _created = ModeratedTotal.objects.update_or_create(
        bid=bid, defaults={"total": total, "reason": reason.strip(), "by": by}
    )
    audit(by, "total_moderated", panel, bid=bid.pk, total=str(total))
    return moderated
