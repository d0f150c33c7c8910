"""What the offline app holds about a person (see coproduce/personal_data/registry.py).

The person's download has their record, the consent they gave, and everything done for them
with who did it. Closing the account removes the record and the consent; the acting log
stays, with nothing left that says whom it was for.
"""

from coproduce.people.naming import name_for
from coproduce.personal_data.registry import ClosingChoices, Erasure, declare

from .models import Act, Consent, OfflineResident
from .services.log import acts_anonymise


def _export_record(user):
    for record in OfflineResident.objects.filter(user=user).select_related("street", "ward"):
        yield {
            "reference": record.reference,
            "street": record.street.name if record.street else "",
            "ward": record.ward.name if record.ward else "",
            "how_to_contact_you": record.get_contact_by_display(),
            "postal_address": record.postal_address,
            "phone": record.phone,
            "registered_by": name_for(record.registered_by, user),
            "champion": name_for(record.champion, user) if record.champion_id else "",
            "registered_at": record.created_at.isoformat(),
            "taken_over_at": record.taken_over_at.isoformat() if record.taken_over_at else "",
        }


def _export_consents(user):
    for consent in Consent.objects.filter(resident__user=user).select_related("taken_by__profile"):
        yield {
            "taken_by": name_for(consent.taken_by, user),
            "taken_at": consent.taken_at.isoformat(),
            "how": consent.get_how_display(),
            "what_was_said": consent.script,
            "what_you_agreed_to": consent.agreed_to,
            "paper_sheet": consent.paper_sheet_id or "",
        }


def _export_acts_for_me(user):
    for act in Act.objects.filter(for_user=user).select_related("by__profile").order_by("at"):
        yield {
            "when": act.at.isoformat(),
            "who_did_it": name_for(act.by, user),
            "what": act.get_kind_display(),
            "details": act.summary,
            "on_what": act.target,
        }


def _export_acts_done(user):
    for act in Act.objects.filter(by=user).order_by("at"):
        yield {
            "when": act.at.isoformat(),
            "what": act.get_kind_display(),
            "on_what": act.target,
            "for_person": act.for_user_id or "",
        }


def _remove_record(user, choices: ClosingChoices) -> None:
    acts_anonymise(user=user)
    OfflineResident.objects.filter(user=user).delete()


def _anonymise_acts(user, choices: ClosingChoices) -> None:
    acts_anonymise(user=user)


declare(
    "offline.OfflineResident",
    field="user",
    kind="offline_record",
    erase=Erasure.CUSTOM,
    erase_with=_remove_record,
    export_with=_export_record,
)
declare(
    "offline.OfflineResident",
    field="registered_by",
    kind="offline_people_registered",
    erase=Erasure.ANONYMISE,
)
declare(
    "offline.OfflineResident",
    field="champion",
    kind="offline_people_championed",
    erase=Erasure.ANONYMISE,
)
declare(
    "offline.Consent",
    field="resident__user",
    kind="offline_consent",
    erase=Erasure.DELETE,
    export_with=_export_consents,
)
declare("offline.Consent", field="taken_by", kind="offline_consents_taken", erase=Erasure.ANONYMISE)
declare(
    "offline.Act",
    field="for_user",
    kind="offline_done_for_you",
    erase=Erasure.CUSTOM,
    erase_with=_anonymise_acts,
    export_with=_export_acts_for_me,
    reason="The log of acts is kept, with nothing that says whom it was for.",
)
declare(
    "offline.Act",
    field="by",
    kind="offline_done_for_others",
    erase=Erasure.CUSTOM,
    erase_with=_anonymise_acts,
    export_with=_export_acts_done,
    reason="The log of acts is kept, with nothing that says who did them.",
)
declare("offline.PaperSheet", field="created_by", kind="paper_sheets", erase=Erasure.ANONYMISE)
declare("offline.StreetNote", field="person", kind="street_conversations", erase=Erasure.DELETE)
declare(
    "offline.StreetNote", field="entered_by", kind="street_notes_typed", erase=Erasure.ANONYMISE
)
declare("offline.WalkIns", field="changed_by", kind="walk_ins_counted", erase=Erasure.ANONYMISE)
