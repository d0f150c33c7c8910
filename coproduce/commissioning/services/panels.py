"""Setting a panel up: criteria (locked once published), bids, and the outcome."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal

from .. import permissions
from ..models import Bid, Criterion, Panel
from ..sums import weights_problem
from .common import audit, check_runs, locked_panel


@transaction.atomic
def panel_create(
    *,
    by,
    title: str,
    why: str,
    budget: str,
    timetable: str,
    is_youth: bool = False,
    age_min: int | None = None,
    age_max: int | None = None,
) -> Panel:
    """Set up a panel (a draft nobody else sees); the officer who sets it up runs it."""
    if not permissions.can_set_up(by):
        raise NotAllowed(_("Only council officers can set up a service choice panel."))
    if is_youth and (age_min is None or age_max is None):
        raise Refusal(_("Enter the youngest and oldest age for a youth panel."), field="age_min")
    if age_min is not None and age_max is not None and age_min > age_max:
        raise Refusal(_("The youngest age must not be more than the oldest."), field="age_min")
    panel = Panel.objects.create(
        title=title,
        why=why,
        budget=budget,
        timetable=timetable,
        is_youth=is_youth,
        age_min=age_min if is_youth else None,
        age_max=age_max if is_youth else None,
        created_by=by,
    )
    panel.officers.add(by)
    audit(by, "panel_created", panel, title=title)
    return panel


def _check_criteria_open(panel: Panel) -> None:
    if panel.criteria_locked:
        raise Refusal(_("The criteria were published, so they cannot change now."))


@transaction.atomic
def criterion_add(*, by, panel: Panel, title: str, weight: int, description: str = "") -> Criterion:
    """Add a criterion with its weight, before the criteria are published."""
    panel = locked_panel(panel)
    check_runs(by, panel)
    _check_criteria_open(panel)
    if weight <= 0 or weight > 100:
        raise Refusal(_("Enter a weight from 1 to 100."), field="weight")
    used = sum(panel.criteria.values_list("weight", flat=True))
    if used + weight > 100:
        raise Refusal(
            _("The weights would add up to more than 100. %(left)d is left.")
            % {"left": 100 - used},
            field="weight",
        )
    return Criterion.objects.create(
        panel=panel,
        title=title,
        description=description,
        weight=weight,
        position=panel.criteria.count() + 1,
    )


@transaction.atomic
def criterion_remove(*, by, criterion: Criterion) -> None:
    panel = locked_panel(criterion.panel)
    check_runs(by, panel)
    _check_criteria_open(panel)
    criterion.delete()


@transaction.atomic
def panel_publish(*, by, panel: Panel) -> Panel:
    """Publish the panel and its criteria. From now on the criteria and weights never
    change, so every bid is judged on what was published first."""
    panel = locked_panel(panel)
    check_runs(by, panel)
    if panel.status != Panel.Status.DRAFT:
        raise Refusal(_("This panel is already published."))
    weights = list(panel.criteria.values_list("weight", flat=True))
    problem = weights_problem(weights)
    if problem == "none":
        raise Refusal(_("Add the criteria before you publish."))
    if problem:
        raise Refusal(
            _("The weights must add up to 100. Now they add up to %(n)d.") % {"n": sum(weights)}
        )
    panel.status = Panel.Status.PUBLISHED
    panel.published_at = timezone.now()
    panel.save(update_fields=["status", "published_at", "updated_at"])
    audit(by, "panel_published", panel, weights=weights)
    return panel


@transaction.atomic
def bid_add(
    *, by, panel: Panel, bidder: str, public_summary: str, commercial_details: str = ""
) -> Bid:
    """Record a bid. Its commercial details are seen only by the officers running the panel.
    Bids come in before scoring starts: none once any member has scored."""
    panel = locked_panel(panel)
    check_runs(by, panel)
    if panel.status not in (Panel.Status.DRAFT, Panel.Status.PUBLISHED):
        raise Refusal(_("The panel has finished, so no more bids can be added."))
    if Bid.objects.filter(panel=panel, scores__isnull=False).exists():
        raise Refusal(_("Members have started scoring, so no more bids can be added."))
    bid = Bid.objects.create(
        panel=panel,
        bidder=bidder,
        public_summary=public_summary,
        commercial_details=commercial_details,
        recorded_by=by,
    )
    audit(by, "bid_recorded", panel, bid=bid.pk, bidder=bidder)
    return bid


@transaction.atomic
def panel_recommend(*, by, panel: Panel, recommendation: str, reasons: str, bid: Bid | None):
    """Publish the panel's recommendation with its reasons. Scoring ends."""
    panel = locked_panel(panel)
    check_runs(by, panel)
    if panel.status != Panel.Status.PUBLISHED:
        raise Refusal(_("A panel recommends once, after its criteria are published."))
    if bid is not None and bid.panel_id != panel.pk:
        raise Refusal(_("Choose one of this panel's bids."), field="bid")
    panel.recommendation = recommendation
    panel.recommendation_reasons = reasons
    panel.recommended_bid = bid
    panel.recommended_at = timezone.now()
    panel.status = Panel.Status.RECOMMENDED
    panel.save()
    audit(by, "panel_recommended", panel, bid=bid.pk if bid else None)
    return panel


@transaction.atomic
def panel_decide(*, by, panel: Panel, decision: str, reasons: str) -> Panel:
    """Publish the council's decision with its reasons, after the panel's recommendation."""
    panel = locked_panel(panel)
    check_runs(by, panel)
    if panel.status != Panel.Status.RECOMMENDED:
        raise Refusal(_("The council decides once the panel has recommended."))
    panel.decision = decision
    panel.decision_reasons = reasons
    panel.decided_at = timezone.now()
    panel.status = Panel.Status.DECIDED
    panel.save()
    audit(by, "panel_decided", panel)
    return panel
