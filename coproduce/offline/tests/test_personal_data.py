"""What a person's download holds, and what closing their account leaves."""

import pytest

from coproduce.gatherings.tests.factories import EventFactory
from coproduce.offline.models import Act, Consent, OfflineResident
from coproduce.offline.services.acting import rsvp_for
from coproduce.personal_data.export import personal_data_gather
from coproduce.personal_data.services import account_close

from .factories import officer, offline_resident

pytestmark = pytest.mark.django_db


def test_the_download_has_everything_done_for_them_and_who_did_it():
    """Their record, their consent, and each act with the name of who did it."""
    by = officer(display_name="Sam Officer")
    resident = offline_resident(by=by)
    rsvp_for(resident=resident, by=by, event=EventFactory())
    data = personal_data_gather(resident.user)
    assert data["offline_record"][0]["postal_address"].startswith("12 Mill Lane")
    assert "Is that all right?" in data["offline_consent"][0]["what_was_said"]
    done = data["offline_done_for_you"]
    assert [row["what"] for row in done][-1] == "Took a place at an event"
    assert {row["who_did_it"] for row in done} == {"Sam Officer"}


def test_closing_removes_the_record_and_keeps_the_log_anonymised():
    """The record and consent go; the acts stay, with nothing saying whom they were for."""
    by = officer()
    resident = offline_resident(by=by)
    user = resident.user
    account_close(user=user, remove_comments=False)
    assert not OfflineResident.objects.filter(pk=resident.pk).exists()
    assert not Consent.objects.exists()
    acts = Act.objects.all()
    assert acts.count() == 2
    assert all(act.for_user_id is None and act.resident_id is None for act in acts)
    assert all(act.by == by for act in acts)
    user.refresh_from_db()
    assert not user.is_active and not user.has_email
