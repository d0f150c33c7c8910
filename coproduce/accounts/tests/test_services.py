import pytest
from django.contrib.auth.models import Group
from django.core import mail

from coproduce.accounts import services
from coproduce.accounts.models import User
from coproduce.accounts.roles import ROLE_PERMISSIONS, Role
from coproduce.accounts.tokens import CHANGE_SALT, EmailToken, TokenError, make_token

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _link_in(message) -> str:
    return next(word for word in message.body.split() if word.startswith("http"))


def test_sign_up_creates_unconfirmed_resident(django_capture_on_commit_callbacks):
    """A new account is a resident whose email address is not yet confirmed."""
    with django_capture_on_commit_callbacks(execute=True):
        user = services.user_sign_up(
            email=" Ada@Example.org ", display_name="Ada", password=PASSWORD
        )
    assert user.email == "ada@example.org"
    assert not user.email_verified
    assert list(user.groups.values_list("name", flat=True)) == ["resident"]


def test_sign_up_sends_confirmation_link(django_capture_on_commit_callbacks):
    """Signing up sends one email, in text and HTML, with a link to confirm the address."""
    with django_capture_on_commit_callbacks(execute=True):
        services.user_sign_up(email="ada@example.org", display_name="Ada", password=PASSWORD)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["ada@example.org"]
    assert "/account/confirm-email/" in _link_in(message)
    assert message.alternatives[0][1] == "text/html"


def test_sign_up_with_a_taken_address_creates_nothing_and_tells_its_owner(
    django_capture_on_commit_callbacks,
):
    """An address already used, in any mix of capitals, makes no account; its owner is told."""
    existing = UserFactory(email="ada@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        result = services.user_sign_up(
            email="ADA@example.org", display_name="Mallory", password=PASSWORD + "x"
        )
    assert result is None
    assert User.objects.count() == 1
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)
    assert [m.to for m in mail.outbox] == [["ada@example.org"]]
    message = mail.outbox[0]
    assert "Someone tried to sign up" in message.subject
    assert "/sign-in/" in message.body and "/password-reset/" in message.body
    assert "Mallory" not in message.body


def test_email_verify_confirms_and_is_harmless_twice(django_capture_on_commit_callbacks):
    """The confirmation link confirms the address; using it again changes nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        services.user_sign_up(email="ada@example.org", display_name="Ada", password=PASSWORD)
    token = _link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    first = services.email_verify(token=token).email_verified_at
    second = services.email_verify(token=token).email_verified_at
    assert first is not None
    assert first == second


def test_email_verify_rejects_tampered_token():
    """A token that was altered is refused."""
    with pytest.raises(TokenError):
        services.email_verify(token="not-a-real-token")


def test_email_change_needs_confirmation_from_new_address(django_capture_on_commit_callbacks):
    """Asking to change address only sends a link to the new address; nothing changes yet."""
    user = UserFactory(email="old@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        services.email_change_request(user=user, new_email="New@Example.org")
    user.refresh_from_db()
    assert user.email == "old@example.org"
    assert mail.outbox[0].to == ["new@example.org"]


def test_email_change_confirm_moves_address_and_tells_old_one(django_capture_on_commit_callbacks):
    """Confirming moves the account to the new address and emails the old address."""
    user = UserFactory(email="old@example.org")
    token = make_token(
        EmailToken(user_id=user.pk, email="new@example.org", current_email="old@example.org"),
        salt=CHANGE_SALT,
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.email_change_confirm(user=user, token=token)
    user.refresh_from_db()
    assert user.email == "new@example.org"
    assert mail.outbox[0].to == ["old@example.org"]


def test_email_change_link_works_once():
    """A change link cannot be used a second time."""
    user = UserFactory(email="old@example.org")
    token = make_token(
        EmailToken(user_id=user.pk, email="new@example.org", current_email="old@example.org"),
        salt=CHANGE_SALT,
    )
    services.email_change_confirm(user=user, token=token)
    with pytest.raises(TokenError):
        services.email_change_confirm(user=user, token=token)


def test_email_change_link_is_personal():
    """Someone else cannot use another person's change link."""
    owner = UserFactory(email="old@example.org")
    other = UserFactory()
    token = make_token(
        EmailToken(user_id=owner.pk, email="new@example.org", current_email="old@example.org"),
        salt=CHANGE_SALT,
    )
    with pytest.raises(TokenError):
        services.email_change_confirm(user=other, token=token)
    other.refresh_from_db()
    assert other.email != "new@example.org"


def test_set_roles_gives_officers_the_admin_site():
    """Officers and administrators may use the admin site; other roles may not."""
    user = UserFactory()
    services.user_set_roles(user=user, roles=[Role.OFFICER])
    assert user.is_staff
    assert set(user.groups.values_list("name", flat=True)) == {"resident", "officer"}
    services.user_set_roles(user=user, roles=[Role.MODERATOR])
    assert not user.is_staff


def test_every_role_exists_as_a_group_with_its_permissions():
    """Each role is a group holding exactly the permissions defined for it."""
    for role, codenames in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=role.value)
        held = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        if "*" in codenames:
            assert len(held) > 50
        else:
            assert held == codenames


def test_an_account_may_have_no_email_address():
    """People registered by an officer need no address; several such accounts can exist."""
    first = User.objects.create_user(None, display_name="Mrs P")
    second = User.objects.create_user(None, display_name="Mr Q")
    assert first.email is None and second.email is None
    assert not first.has_email
    assert User.objects.create_user("Ada@Example.org").has_email


def test_a_closed_account_has_no_email_to_send_to():
    """The placeholder address of a closed account is never mailed."""
    from coproduce.accounts.personal_data import closed_email

    user = UserFactory(email=closed_email(7))
    assert not user.has_email
