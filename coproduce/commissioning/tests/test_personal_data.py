"""A panel member's data: in their download, and what closing their account leaves."""

import json

import pytest

from coproduce.commissioning import services
from coproduce.commissioning.models import Declaration, GuardianConsent, Member, Panel, Score
from coproduce.personal_data.closing import account_close
from coproduce.personal_data.export import personal_data_gather

from .factories import MemberFactory, born_years_ago, consent_for, published_panel

pytestmark = pytest.mark.django_db


def _scored_member(**panel_kwargs):
    panel = published_panel(members=0, **panel_kwargs)
    member = MemberFactory(panel=panel, date_of_birth=born_years_ago(14), why_join="I go there")
    consent_for(member)
    for bid in panel.bids.all():
        services.interest_declare(user=member.user, bid=bid, has_interest=False)
        services.score_bid(
            user=member.user,
            bid=bid,
            scores={c.pk: (3, "Good reach") for c in panel.criteria.all()},
        )
    return panel, member


def test_the_download_has_scores_declarations_date_of_birth_and_consent():
    """Everything about the member; never a bid's commercial details."""
    _panel, member = _scored_member(is_youth=True, age_min=11, age_max=19)
    data = personal_data_gather(member.user)
    row = data["service_choice_panels_joined"][0]
    assert row["date_of_birth"] == member.date_of_birth.isoformat()
    assert len(row["scores"]) == 4 and row["scores"][0]["reason"] == "Good reach"
    assert len(row["declarations"]) == 2
    assert row["carer_consent"]["given_by"] == "Sam Parent"
    assert "PRICE-SECRET" not in json.dumps(data, default=str)


def test_closing_an_account_on_a_decided_panel_keeps_anonymised_scores():
    """The scores stay; the account, date of birth, reasons for joining and consent go."""
    panel, member = _scored_member(is_youth=True, age_min=11, age_max=19)
    Panel.objects.filter(pk=panel.pk).update(status=Panel.Status.DECIDED)
    account_close(user=member.user, remove_comments=False)
    member.refresh_from_db()
    assert member.user is None and member.date_of_birth is None and member.why_join == ""
    assert Score.objects.filter(member=member).count() == 4
    assert not GuardianConsent.objects.exists()


def test_closing_an_account_on_a_panel_still_at_work_removes_the_membership():
    """Nothing of theirs stays on an undecided panel."""
    _panel, member = _scored_member()
    account_close(user=member.user, remove_comments=False)
    assert not Member.objects.filter(pk=member.pk).exists()
    assert not Score.objects.exists() and not Declaration.objects.exists()
