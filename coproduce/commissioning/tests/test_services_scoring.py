"""Declarations, conflicts, sealed scores, submission and moderation."""

from decimal import Decimal

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.commissioning import selectors, services
from coproduce.commissioning.models import Score
from coproduce.common.errors import NotAllowed, Refusal

from .factories import MemberFactory, born_years_ago, consent_for, published_panel

pytestmark = pytest.mark.django_db


def _scores(panel, value=4):
    return {c.pk: (value, "Clear plan") for c in panel.criteria.all()}


def _score_everything(member, value=4):
    panel = member.panel
    for bid in panel.bids.all():
        services.interest_declare(user=member.user, bid=bid, has_interest=False)
        services.score_bid(user=member.user, bid=bid, scores=_scores(panel, value))


def test_a_member_declares_before_scoring():
    """Scoring a bid with no declaration is refused."""
    panel = published_panel()
    member = panel.members.first()
    with pytest.raises(Refusal, match="Declare"):
        services.score_bid(user=member.user, bid=panel.bids.first(), scores=_scores(panel))


def test_a_member_with_an_interest_cannot_score_that_bid():
    """A declared interest stops scoring that bid, but not the others."""
    panel = published_panel()
    member = panel.members.first()
    conflicted, other = list(panel.bids.all())
    services.interest_declare(
        user=member.user, bid=conflicted, has_interest=True, details="I work there"
    )
    with pytest.raises(NotAllowed):
        services.score_bid(user=member.user, bid=conflicted, scores=_scores(panel))
    services.interest_declare(user=member.user, bid=other, has_interest=False)
    services.score_bid(user=member.user, bid=other, scores=_scores(panel))
    assert not Score.objects.filter(bid=conflicted).exists()


def test_an_interest_needs_details():
    """Saying yes without saying what is refused."""
    panel = published_panel()
    member = panel.members.first()
    with pytest.raises(Refusal):
        services.interest_declare(user=member.user, bid=panel.bids.first(), has_interest=True)


def test_a_declaration_cannot_change_once_scoring_started():
    """No declaring an interest after scoring the bid."""
    panel = published_panel()
    member = panel.members.first()
    bid = panel.bids.first()
    services.interest_declare(user=member.user, bid=bid, has_interest=False)
    services.score_bid(user=member.user, bid=bid, scores=_scores(panel))
    with pytest.raises(Refusal):
        services.interest_declare(user=member.user, bid=bid, has_interest=True, details="x")


def test_every_criterion_needs_a_score_and_a_reason():
    """Missing criteria, scores out of range and empty reasons are refused."""
    panel = published_panel()
    member = panel.members.first()
    bid = panel.bids.first()
    services.interest_declare(user=member.user, bid=bid, has_interest=False)
    first, second = panel.criteria.all()
    with pytest.raises(Refusal):
        services.score_bid(user=member.user, bid=bid, scores={first.pk: (3, "ok")})
    with pytest.raises(Refusal):
        services.score_bid(
            user=member.user, bid=bid, scores={first.pk: (6, "ok"), second.pk: (3, "ok")}
        )
    with pytest.raises(Refusal):
        services.score_bid(
            user=member.user, bid=bid, scores={first.pk: (3, " "), second.pk: (3, "ok")}
        )


def test_non_members_and_invited_people_cannot_score():
    """Only active members take part."""
    panel = published_panel()
    invited = MemberFactory(panel=panel, status="invited")
    for user in (UserFactory(), invited.user):
        with pytest.raises(NotAllowed):
            services.interest_declare(user=user, bid=panel.bids.first(), has_interest=False)


def test_a_young_member_without_carer_consent_cannot_declare_or_score():
    """Under 16 with no consent recorded: refused; with it: allowed."""
    panel = published_panel(members=0, is_youth=True, age_min=11, age_max=19)
    member = MemberFactory(panel=panel, date_of_birth=born_years_ago(13))
    bid = panel.bids.first()
    with pytest.raises(NotAllowed):
        services.interest_declare(user=member.user, bid=bid, has_interest=False)
    consent_for(member)
    services.interest_declare(user=member.user, bid=bid, has_interest=False)


def test_submitting_needs_every_bid_declared_and_scored():
    """A member cannot submit half their scores; a conflicted bid needs no scores."""
    panel = published_panel()
    member = panel.members.first()
    first, second = panel.bids.all()
    services.interest_declare(user=member.user, bid=first, has_interest=False)
    services.score_bid(user=member.user, bid=first, scores=_scores(panel))
    with pytest.raises(Refusal):
        services.scores_submit(user=member.user, panel=panel)
    services.interest_declare(user=member.user, bid=second, has_interest=True, details="Family")
    member = services.scores_submit(user=member.user, panel=panel)
    assert member.submitted_at is not None


def test_scores_cannot_change_after_submitting():
    """Submitted is final."""
    panel = published_panel()
    member = panel.members.first()
    _score_everything(member)
    services.scores_submit(user=member.user, panel=panel)
    with pytest.raises(Refusal):
        services.score_bid(user=member.user, bid=panel.bids.first(), scores=_scores(panel, 1))


def test_scores_are_sealed_until_a_member_submits_their_own():
    """Before submitting, a member sees nobody else's scores; after, only submitted ones."""
    panel = published_panel(members=3)
    first, second, third = panel.members.all()
    _score_everything(first, 5)
    services.scores_submit(user=first.user, panel=panel)
    _score_everything(second, 2)  # scored, not submitted
    _score_everything(third, 3)
    assert selectors.others_scores(second) is None
    assert selectors.others_scores(third) is None
    services.scores_submit(user=third.user, panel=panel)
    third.refresh_from_db()
    seen = selectors.others_scores(third)
    assert {score.member_id for score in seen} == {first.pk}


def test_the_score_sheet_counts_only_submitted_members():
    """Weighted totals, mean and spread come from submitted members only."""
    panel = published_panel(members=3)
    first, second, third = panel.members.all()
    _score_everything(first, 5)
    _score_everything(second, 3)
    _score_everything(third, 0)
    services.scores_submit(user=first.user, panel=panel)
    services.scores_submit(user=second.user, panel=panel)
    sheet = selectors.score_sheet(panel)
    assert sheet.waiting == 1
    summary = sheet.bids[0].summary
    assert summary.totals == (100.0, 60.0)
    assert (summary.mean, summary.spread) == (80.0, 40.0)


def test_the_running_officer_records_a_moderated_total():
    """With a reason, from 0 to 100; nobody else may."""
    panel = published_panel()
    bid = panel.bids.first()
    with pytest.raises(NotAllowed):
        services.moderated_total_set(
            by=panel.members.first().user, bid=bid, total=Decimal(70), reason="x"
        )
    with pytest.raises(Refusal):
        services.moderated_total_set(by=panel.created_by, bid=bid, total=Decimal(101), reason="x")
    moderated = services.moderated_total_set(
        by=panel.created_by, bid=bid, total=Decimal("72.5"), reason="Agreed after discussion"
    )
    assert moderated.total == Decimal("72.5")


def test_no_bids_once_scoring_started():
    """A late bid would be judged on different terms."""
    panel = published_panel()
    _score_everything(panel.members.first())
    with pytest.raises(Refusal):
        services.bid_add(by=panel.created_by, panel=panel, bidder="Late", public_summary="x")
