"""Factories for the offline app. Residents are registered through the service, so each has
its account, profile, consent and first acts, as in real use."""

from django.contrib.auth.models import Permission

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.offline import consent
from coproduce.offline.models import OfflineResident
from coproduce.offline.services.residents import resident_register
from coproduce.places.tests.factories import StreetFactory


def officer(**kwargs):
    """A council officer who may register people who are not online."""
    user = UserFactory(roles=[Role.OFFICER], **kwargs)
    user.user_permissions.add(
        Permission.objects.get(codename="register_offline", content_type__app_label="offline")
    )
    return user


def offline_resident(*, by=None, street=None, name="Edna Price", **kwargs) -> OfflineResident:
    """A resident with no email address, registered by an officer with their consent."""
    return resident_register(
        by=by or officer(),
        name=name,
        street=street or StreetFactory(),
        contact_by=kwargs.pop("contact_by", OfflineResident.Contact.POST),
        postal_address=kwargs.pop("postal_address", "12 Mill Lane\nNorthbrook NB1 2AB"),
        phone=kwargs.pop("phone", ""),
        agreed_to=kwargs.pop("agreed_to", list(consent.AGREEMENTS)),
        **kwargs,
    )
