"""Registering a resident who is not online, with their consent, and changing their record."""

from collections.abc import Iterable

from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.common.errors import Refusal
from coproduce.people.services import profile_create
from coproduce.places.models import Street, Ward

from .. import consent as consent_words
from .. import permissions
from ..models import Act, Consent, OfflineResident, PaperSheet
from .log import act_record


def _clean_contact(contact_by: str, postal_address: str, phone: str) -> tuple[str, str]:
    postal_address, phone = postal_address.strip(), phone.strip()
    if contact_by not in OfflineResident.Contact.values:
        raise Refusal(_("Choose how they want to be contacted."), field="contact_by")
    if contact_by == OfflineResident.Contact.POST and not postal_address:
        raise Refusal(
            _("Enter their postal address, to send them letters."), field="postal_address"
        )
    if contact_by == OfflineResident.Contact.PHONE and not phone:
        raise Refusal(_("Enter their phone number, to call them."), field="phone")
    if len(postal_address) > 500:
        raise Refusal(_("Write the address in 500 characters or fewer."), field="postal_address")
    if len(phone) > 40:
        raise Refusal(_("Enter a phone number of 40 characters or fewer."), field="phone")
    return postal_address, phone


def _check_agreed(agreed_to: Iterable[str]) -> list[str]:
    agreed = [code for code in dict.fromkeys(agreed_to) if code in consent_words.AGREEMENTS]
    if not all(code in agreed for code in consent_words.NEEDED):
        raise Refusal(
            _(
                "We can only register someone who agrees that we keep their details and act "
                "for them. Tick both when they have said yes."
            ),
            field="agreed_to",
        )
    return agreed


@transaction.atomic
def resident_register(
    *,
    by: User,
    name: str,
    street: Street | None,
    ward: Ward | None = None,
    contact_by: str,
    postal_address: str = "",
    phone: str = "",
    agreed_to: Iterable[str],
    consent_how: str = Consent.How.IN_PERSON,
    script: str | None = None,
    paper_sheet: PaperSheet | None = None,
) -> OfflineResident:
    """Make an account with no email address for a person who is not online, with a record
    of how to contact them and the consent they gave. Nothing is made without consent to
    keep the record and to act for them. Written in the log as the first two acts."""
    if not (name := name.strip()):
        raise Refusal(_("Enter their name, as they want it shown."), field="name")
    if len(name) > 150:
        raise Refusal(_("Enter a name of 150 characters or fewer."), field="name")
    if street is None and ward is None:
        raise Refusal(_("Choose their street or at least their ward."), field="street")
    permissions.check_register_on(by, street)
    if street is not None:
        ward = street.ward
    agreed = _check_agreed(agreed_to)
    postal_address, phone = _clean_contact(contact_by, postal_address, phone)
    if consent_how not in Consent.How.values:
        raise Refusal(_("Say how they gave their consent."), field="consent_how")
    user = User.objects.create_user(None, password=None, display_name=name)
    user.groups.add(Group.objects.get(name=Role.RESIDENT))
    profile_create(user=user, ward=ward, street=street)
    resident = OfflineResident.objects.create(
        user=user,
        street=street,
        ward=ward,
        contact_by=contact_by,
        postal_address=postal_address,
        phone=phone,
        registered_by=by,
        champion=None if permissions.is_officer(by) else by,
    )
    act_record(resident=resident, by=by, kind=Act.Kind.REGISTERED, thing=resident)
    consent = Consent.objects.create(
        resident=resident,
        taken_by=by,
        taken_at=timezone.now(),
        how=consent_how,
        script=script or consent_words.script(),
        agreed_to=agreed,
        paper_sheet=paper_sheet,
    )
    act_record(resident=resident, by=by, kind=Act.Kind.CONSENT, thing=consent)
    return resident


@transaction.atomic
def resident_contact_change(
    *, resident: OfflineResident, by: User, contact_by: str, postal_address: str, phone: str
) -> OfflineResident:
    """Change how an offline resident wants to be contacted."""
    permissions.check_act_for(by, resident)
    postal_address, phone = _clean_contact(contact_by, postal_address, phone)
    resident = OfflineResident.objects.select_for_update().get(pk=resident.pk)
    resident.contact_by, resident.postal_address, resident.phone = contact_by, postal_address, phone
    resident.save(update_fields=["contact_by", "postal_address", "phone", "updated_at"])
    act_record(
        resident=resident,
        by=by,
        kind=Act.Kind.CHANGED,
        summary=_("How to contact them: %(how)s") % {"how": resident.get_contact_by_display()},
        thing=resident,
    )
    return resident
