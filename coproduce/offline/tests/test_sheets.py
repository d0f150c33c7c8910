"""Paper sheets typed in, and walk-ins counted."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.gatherings.models import Rsvp
from coproduce.gatherings.tests.factories import EventFactory, organiser
from coproduce.offline import selectors
from coproduce.offline.models import Act, Consent, OfflineResident, PaperSheet, StreetNote
from coproduce.offline.services.sheets import (
    SheetRow,
    sheet_create,
    sheet_rows_enter,
    walk_ins_set,
)
from coproduce.places.tests.factories import StreetFactory

from .factories import officer, offline_resident

pytestmark = pytest.mark.django_db


def test_a_ticked_row_registers_and_rsvps_with_paper_consent():
    """A new person with consent ticked is registered, consent naming the sheet and officer."""
    by = officer(display_name="Sam Officer")
    event = EventFactory()
    street = StreetFactory(name="Mill Lane", ward=event.place.ward)
    sheet = sheet_create(by=by, kind=PaperSheet.Kind.EVENT, event=event)
    rows = [SheetRow(name="Ada Brown", street="mill lane", consent=True, access_note="Ramp")]
    assert sheet_rows_enter(sheet=sheet, by=by, rows=rows) == 1
    resident = OfflineResident.objects.get()
    assert resident.street == street
    consent = resident.consents.get()
    assert consent.how == Consent.How.PAPER and consent.paper_sheet == sheet
    assert f"paper sheet {sheet.pk}, taken by Sam Officer" in consent.script
    assert Rsvp.objects.get(user=resident.user).access_note == "Ramp"


def test_a_row_without_consent_stops_the_sheet():
    """Nobody new is registered without the consent box ticked; nothing is saved."""
    by = officer()
    sheet = sheet_create(by=by, kind=PaperSheet.Kind.EVENT, event=EventFactory())
    rows = [SheetRow(name="Ada", street=""), SheetRow(name="Bo", consent=False)]
    with pytest.raises(Refusal, match="Line 1"):
        sheet_rows_enter(sheet=sheet, by=by, rows=rows)
    assert not OfflineResident.objects.exists()


def test_a_reference_matches_someone_already_registered():
    """A row with a reference takes a place for that person, not a new one."""
    by = officer()
    resident = offline_resident(by=by)
    sheet = sheet_create(by=by, kind=PaperSheet.Kind.EVENT, event=EventFactory())
    sheet_rows_enter(sheet=sheet, by=by, rows=[SheetRow(reference=resident.reference)])
    assert OfflineResident.objects.count() == 1
    assert resident.acts.filter(kind=Act.Kind.RSVP).exists()


def test_a_street_sheet_keeps_what_they_said_without_a_name():
    """A street conversation line with no name is a note with no person."""
    by = officer()
    street = StreetFactory()
    sheet = sheet_create(by=by, kind=PaperSheet.Kind.STREET, street=street)
    sheet_rows_enter(sheet=sheet, by=by, rows=[SheetRow(said="More bins please")])
    note = StreetNote.objects.get()
    assert note.person is None and note.street == street
    sheet.refresh_from_db()
    assert sheet.rows_typed_in == 1


def test_only_officers_type_in_sheets():
    """An organiser who is not an officer cannot type in a sheet."""
    sheet = sheet_create(by=officer(), kind=PaperSheet.Kind.STREET)
    with pytest.raises(NotAllowed):
        sheet_rows_enter(sheet=sheet, by=organiser(), rows=[SheetRow(said="Hi")])


def test_walk_ins_are_counted_by_organisers_after_the_start():
    """An organiser sets the count once the event has started; it can be changed."""
    person = organiser()
    event = EventFactory(organisers=[person], starts_at=timezone.now() - timedelta(hours=1))
    walk_ins_set(event=event, by=person, count=7)
    walk_ins_set(event=event, by=person, count=9)
    assert selectors.walk_ins(event) == 9


def test_walk_ins_wait_for_the_event():
    """Walk-ins cannot be counted before the event starts."""
    person = organiser()
    event = EventFactory(organisers=[person], starts_at=timezone.now() + timedelta(days=1))
    with pytest.raises(Refusal):
        walk_ins_set(event=event, by=person, count=3)
    assert selectors.walk_ins(event) == 0


def test_others_cannot_count_walk_ins():
    """Someone who does not run the event cannot change its count."""
    event = EventFactory(starts_at=timezone.now() - timedelta(hours=1))
    with pytest.raises(NotAllowed):
        walk_ins_set(event=event, by=organiser(), count=3)
