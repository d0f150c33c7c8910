"""Setting up a panel: who may, criteria locked on publication, bids, and the outcome."""

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.commissioning import services
from coproduce.commissioning.models import Panel
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.staff.models import AuditEntry

from .factories import BidFactory, PanelFactory, officer, published_panel

pytestmark = pytest.mark.django_db

DETAILS = {
    "title": "Youth clubs",
    "why": "Contracts end.",
    "budget": "About £450,000 a year.",
    "timetable": "Decided in May.",
}


def _draft(by=None):
    by = by or officer()
    return services.panel_create(by=by, **DETAILS), by


def test_an_officer_sets_up_a_draft_panel_and_runs_it():
    """The officer's role carries commissioning.run_panels; they run what they set up."""
    panel, by = _draft()
    assert panel.status == Panel.Status.DRAFT
    assert list(panel.officers.all()) == [by]
    assert AuditEntry.objects.filter(action="commissioning.panel_created").exists()


def test_a_resident_cannot_set_up_a_panel():
    """Without the permission, refused."""
    with pytest.raises(NotAllowed):
        services.panel_create(by=UserFactory(), **DETAILS)


def test_a_youth_panel_needs_an_age_range():
    """Youngest and oldest ages are required, in order."""
    with pytest.raises(Refusal):
        services.panel_create(by=officer(), is_youth=True, **DETAILS)
    with pytest.raises(Refusal):
        services.panel_create(by=officer(), is_youth=True, age_min=18, age_max=11, **DETAILS)


def test_publishing_needs_weights_adding_up_to_one_hundred():
    """60 + 30 is refused; 60 + 40 publishes."""
    panel, by = _draft()
    services.criterion_add(by=by, panel=panel, title="Reach", weight=60)
    services.criterion_add(by=by, panel=panel, title="Cost", weight=30)
    with pytest.raises(Refusal, match="add up to 100"):
        services.panel_publish(by=by, panel=panel)
    services.criterion_add(by=by, panel=panel, title="Safety", weight=10)
    panel = services.panel_publish(by=by, panel=panel)
    assert panel.status == Panel.Status.PUBLISHED and panel.criteria_locked


def test_weights_cannot_go_over_one_hundred():
    """Adding a criterion that would pass 100 is refused."""
    panel, by = _draft()
    services.criterion_add(by=by, panel=panel, title="Reach", weight=80)
    with pytest.raises(Refusal):
        services.criterion_add(by=by, panel=panel, title="Cost", weight=30)


def test_criteria_are_locked_once_published():
    """No criterion can be added or removed after publication."""
    panel = published_panel()
    by = panel.created_by
    with pytest.raises(Refusal, match="cannot change"):
        services.criterion_add(by=by, panel=panel, title="Late", weight=1)
    with pytest.raises(Refusal, match="cannot change"):
        services.criterion_remove(by=by, criterion=panel.criteria.first())
    assert panel.criteria.count() == 2


def test_only_the_running_officers_change_a_panel():
    """Another officer who does not run it is refused."""
    panel, _by = _draft()
    with pytest.raises(NotAllowed):
        services.criterion_add(by=officer(), panel=panel, title="Reach", weight=60)


def test_bids_keep_commercial_details_and_are_audited():
    """A bid is recorded with its private details, and the audit log says so."""
    panel = published_panel(bids=0)
    bid = services.bid_add(
        by=panel.created_by,
        panel=panel,
        bidder="Youth Trust",
        public_summary="Clubs.",
        commercial_details="£1",
    )
    assert bid.commercial_details == "£1"
    assert AuditEntry.objects.filter(action="commissioning.bid_recorded").exists()


def test_recommendation_then_decision():
    """The panel recommends (scoring ends), then the council decides, each with reasons."""
    panel = published_panel()
    bid = panel.bids.first()
    by = panel.created_by
    with pytest.raises(Refusal):
        services.panel_decide(by=by, panel=panel, decision="Yes", reasons="Because")
    services.panel_recommend(by=by, panel=panel, recommendation="Bid A", reasons="Best", bid=bid)
    panel = services.panel_decide(by=by, panel=panel, decision="Award", reasons="As advised")
    assert panel.status == Panel.Status.DECIDED and panel.recommended_bid == bid
    assert AuditEntry.objects.filter(action="commissioning.panel_decided").exists()


def test_a_recommendation_names_only_this_panels_bid():
    """A bid of another panel is refused."""
    panel = published_panel()
    with pytest.raises(Refusal):
        services.panel_recommend(
            by=panel.created_by,
            panel=panel,
            recommendation="x",
            reasons="y",
            bid=BidFactory(panel=PanelFactory()),
        )
