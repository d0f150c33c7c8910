"""Paper sign-up sheets, typing them in, and people who walked in without a name."""

from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.gatherings import permissions as event_permissions
from coproduce.gatherings.models import Event, Rsvp
from coproduce.gatherings.services.common import lock_event
from coproduce.gatherings.services.rsvps import attendance_record
from coproduce.people.naming import name_for
from coproduce.places.models import Street

from .. import consent, permissions, selectors
from ..models import Act, Consent, OfflineResident, PaperSheet, StreetNote, WalkIns
from .acting import rsvp_for
from .log import act_record
from .residents import resident_register

MAX_WALK_INS = 100_000


@dataclass
class SheetRow:
    """One filled-in line of a paper sheet, as typed in."""

    name: str = ""
    reference: str = ""  # "R12": the person is already registered
    street: str = ""
    contact_by: str = ""
    postal_address: str = ""
    phone: str = ""
    consent: bool = False
    access_note: str = ""
    came: bool = False
    said: str = ""
    problems: list[str] = field(default_factory=list)

    @property
    def is_blank(self) -> bool:
        return not any((self.name, self.reference, self.street, self.said))


@transaction.atomic
def sheet_create(*, by: User, kind: str, event: Event | None = None, street: Street | None = None):
    """Number a new sheet to print: what is typed in from it will say which sheet it was."""
    if not permissions.is_officer(by):
        raise NotAllowed(_("Only council officers can print sign-up sheets."))
    if kind == PaperSheet.Kind.EVENT:
        if event is None:
            raise Refusal(_("Choose the event for the sheet."))
        street = None
    elif kind == PaperSheet.Kind.STREET:
        event = None
    else:
        raise Refusal(_("Choose the kind of sheet."))
    return PaperSheet.objects.create(kind=kind, event=event, street=street, created_by=by)


def _ward_of(sheet: PaperSheet):
    if sheet.street_id:
        return sheet.street.ward
    if sheet.event_id and sheet.event.place_id:
        return sheet.event.place.ward
    return None


def _match(row: SheetRow, by: User, street: Street | None) -> OfflineResident | None:
    if row.reference:
        number = row.reference.strip().upper().removeprefix("R")
        if not number.isascii() or not number.isdigit() or len(number) > 12:
            raise Refusal(_("A reference is R and a number, like R12."))
        resident = OfflineResident.objects.select_related("user", "street").filter(pk=int(number))
        found = resident.first()
        if found is None or not permissions.can_act_for(by, found):
            raise Refusal(
                _("There is nobody you can act for with the reference %(r)s.")
                % {"r": row.reference}
            )
        return found
    if not row.name.strip():
        return None
    return (
        OfflineResident.objects.select_related("user", "street")
        .filter(
            user__display_name__iexact=row.name.strip(),
            street=street,
            taken_over_at__isnull=True,
        )
        .order_by("pk")
        .first()
    )


def _person_for(row: SheetRow, sheet: PaperSheet, by: User, street) -> OfflineResident | None:
    resident = _match(row, by, street)
    if resident is not None:
        permissions.check_act_for(by, resident)
        return resident
    if not row.name.strip():
        return None
    if not row.consent:
        raise Refusal(_("The consent box is not ticked, so we cannot register this person."))
    return resident_register(
        by=by,
        name=row.name,
        street=street,
        ward=None if street else _ward_of(sheet),
        contact_by=row.contact_by or OfflineResident.Contact.CHAMPION,
        postal_address=row.postal_address,
        phone=row.phone,
        agreed_to=list(consent.AGREEMENTS),
        consent_how=Consent.How.PAPER,
        script=consent.paper_words(sheet.pk, name_for(by, by)),
        paper_sheet=sheet,
    )


def _came(event: Event, rsvp: Rsvp, by: User) -> None:
    attended = set(
        event.rsvps.filter(status=Rsvp.Status.CONFIRMED, attended=True).values_list("pk", flat=True)
    )
    attendance_record(event=event, by=by, came=attended | {rsvp.pk})


def _place_for(resident: OfflineResident, event: Event, by: User, row: SheetRow) -> Rsvp:
    """A place for them: taken now before the event starts; after it, only one they had."""
    if event.starts_at > timezone.now():
        return rsvp_for(resident=resident, by=by, event=event, access_note=row.access_note)
    had = event.rsvps.filter(user_id=resident.user_id, status=Rsvp.Status.CONFIRMED).first()
    if had is None:
        raise Refusal(
            _("The event has started, so they cannot get a place now. Count them as walk-ins.")
        )
    return had


def _enter_row(row: SheetRow, sheet: PaperSheet, by: User) -> OfflineResident | None:
    street = selectors.street_find(row.street, ward=_ward_of(sheet)) or sheet.street
    resident = _person_for(row, sheet, by, street)
    if sheet.kind == PaperSheet.Kind.EVENT:
        if resident is None:
            raise Refusal(_("Write the person's name or their reference."))
        rsvp = _place_for(resident, sheet.event, by, row)
        if row.came:
            if rsvp.status != Rsvp.Status.CONFIRMED:
                raise Refusal(_("They are on the waiting list, so they cannot be marked as came."))
            _came(sheet.event, rsvp, by)
            act_record(
                resident=resident,
                by=by,
                kind=Act.Kind.CAME,
                summary=_("Came to %(event)s") % {"event": sheet.event.title},
                thing=rsvp,
            )
        return resident
    said = row.said.strip()
    if not said:
        raise Refusal(_("Write what they said."))
    note = StreetNote.objects.create(
        sheet=sheet,
        street=street,
        person=resident.user if resident else None,
        said=said[:5000],
        entered_by=by,
    )
    if resident is not None:
        act_record(resident=resident, by=by, kind=Act.Kind.NOTE, thing=note)
    return resident


@transaction.atomic
def sheet_rows_enter(*, sheet: PaperSheet, by: User, rows: list[SheetRow]) -> int:
    """Type in the filled-in lines of a sheet, all or none: a line with a problem stops the
    lot and says which line. Returns how many lines were typed in."""
    if not permissions.is_officer(by):
        raise NotAllowed(_("Only council officers can type in sign-up sheets."))
    sheet = PaperSheet.objects.select_for_update().get(pk=sheet.pk)
    entered = 0
    for number, row in enumerate(rows, start=1):
        if row.is_blank:
            continue
        try:
            _enter_row(row, sheet, by)
        except NotAllowed:
            raise
        except Refusal as refusal:
            raise Refusal(
                _("Line %(n)s: %(problem)s") % {"n": number, "problem": str(refusal)}
            ) from refusal
        entered += 1
    if not entered:
        raise Refusal(_("Fill in at least one line."))
    PaperSheet.objects.filter(pk=sheet.pk).update(
        rows_typed_in=sheet.rows_typed_in + entered, updated_at=timezone.now()
    )
    return entered


@transaction.atomic
def walk_ins_set(*, event: Event, by: User, count: int) -> WalkIns:
    """Set how many people walked in without a name. Organisers and officers may change it."""
    event = lock_event(event.pk)
    if not (event_permissions.can_manage(by, event) or permissions.is_officer(by)):
        raise NotAllowed(_("Only the event's organisers can count walk-ins."))
    if not isinstance(count, int) or count < 0 or count > MAX_WALK_INS:
        raise Refusal(_("Enter a whole number of people, 0 or more."), field="count")
    if event.starts_at > timezone.now():
        raise Refusal(_("You can count walk-ins once the event has started."), field="count")
    walk_ins, _created = WalkIns.objects.update_or_create(
        event=event, defaults={"count": count, "changed_by": by}
    )
    return walk_ins
