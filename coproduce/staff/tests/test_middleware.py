import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from coproduce.accounts.roles import ROLE_PERMISSIONS, Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.staff.permissions import SIGN_IN_AS_STAFF

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_factor_on")]

VERIFY = reverse("staff:two_factor_verify")


@pytest.fixture
def two_factor_on():
    with override_settings(STAFF_TWO_FACTOR_REQUIRED=True):
        yield


def _verify(client, user) -> None:
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    response = client.post(VERIFY, {"code": f"{TOTP(device.bin_key).token():06d}"})
    assert response.status_code == 302


@pytest.mark.parametrize("role", [Role.OFFICER, Role.MODERATOR, Role.ADMINISTRATOR])
def test_staff_roles_cannot_open_the_admin_unverified(client, role):
    """Officers, moderators and administrators are sent to verify before the admin opens."""
    client.force_login(UserFactory(roles=[role], is_staff=True))
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302 and response.url.startswith(VERIFY)


def test_an_officer_only_page_needs_a_second_factor(client):
    """An officer's own page opens only after verifying, and then at once."""
    officer = UserFactory(roles=[Role.OFFICER])
    client.force_login(officer)
    page = reverse("bookings:utilisation")
    assert client.get(page).url == f"{VERIFY}?next={page.replace('/', '%2F')}"
    _verify(client, officer)
    assert client.get(page).status_code == 200


def test_every_page_waits_not_only_staff_pages(client):
    """Unverified, a staff account cannot open even the home page, or post anywhere."""
    client.force_login(UserFactory(roles=[Role.MODERATOR]))
    assert client.get(reverse("site:home")).status_code == 302
    assert client.post(reverse("accounts:change_email"), {}).url == VERIFY


def test_admin_flags_alone_are_enough_to_need_it(client):
    """An is_staff or is_superuser account without a staff role must verify too."""
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse("admin:index")).url.startswith(VERIFY)
    client.force_login(UserFactory(is_superuser=True))
    assert client.get(reverse("site:home")).url.startswith(VERIFY)


def test_signing_out_and_the_two_factor_pages_stay_open(client):
    """An unverified staff account can reach the code pages and sign out."""
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    assert client.get(reverse("staff:two_factor_setup")).status_code == 200
    assert client.get(VERIFY).status_code == 302  # to set up: nothing set up yet
    assert client.post(reverse("accounts:sign_out")).status_code == 302
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("role", [Role.RESIDENT, Role.ORGANISER])
def test_residents_and_organisers_are_never_asked(client, role):
    """Accounts with no staff role open pages without a second factor."""
    client.force_login(UserFactory(roles=[role]))
    assert client.get(reverse("accounts:account")).status_code == 200


def test_visitors_are_never_asked(client):
    """Signed-out visitors see pages as before."""
    assert client.get(reverse("site:home")).status_code == 200


@override_settings(STAFF_TWO_FACTOR_REQUIRED=False)
def test_the_setting_turns_it_off(client):
    """With STAFF_TWO_FACTOR_REQUIRED off, staff open pages without a second factor."""
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    assert client.get(reverse("bookings:utilisation")).status_code == 200


def test_exactly_the_staff_roles_need_a_second_factor():
    """Officers, moderators and administrators hold the permission; no other role does."""
    holders = {
        role
        for role, codenames in ROLE_PERMISSIONS.items()
        if SIGN_IN_AS_STAFF in codenames or "*" in codenames
    }
    assert holders == {Role.OFFICER, Role.MODERATOR, Role.ADMINISTRATOR}
