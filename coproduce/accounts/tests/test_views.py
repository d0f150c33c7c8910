import re

import pytest
from django.core import mail
from django.urls import reverse

from coproduce.accounts.models import User

from .factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SIGN_IN = reverse("accounts:sign_in")


def _link_in(message) -> str:
    return next(word for word in message.body.split() if word.startswith("http"))


def _path(link: str) -> str:
    return re.sub(r"^https?://[^/]+", "", link)


def _sign_in(client, email, password):
    return client.post(SIGN_IN, {"username": email, "password": password})


def test_sign_up_page_shows_form(client):
    """Anyone can open the sign-up page."""
    response = client.get(reverse("accounts:sign_up"))
    assert response.status_code == 200
    assert b'name="email"' in response.content


def test_malformed_sign_up_shows_each_problem_and_saves_nothing(client):
    """A sign-up with a blank name, bad email and weak password lists every problem."""
    response = client.post(
        reverse("accounts:sign_up"),
        {"display_name": "", "email": "not-an-email", "password": "12345"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "There is a problem" in body
    assert "Enter your name" in body
    assert "Enter an email address in the correct format" in body
    assert "too short" in body
    assert response.context["form"].errors
    assert User.objects.count() == 0


def test_sign_up_answers_the_same_for_a_taken_address(client, django_capture_on_commit_callbacks):
    """A taken address gets the same "Check your email" answer; its owner is emailed."""
    existing = UserFactory(email="ada@example.org")
    answers = []
    with django_capture_on_commit_callbacks(execute=True):
        for email in ["ADA@example.org", "new@example.org"]:
            response = client.post(
                reverse("accounts:sign_up"),
                {"display_name": "Someone", "email": email, "password": PASSWORD + "x"},
                follow=True,
            )
            answers.append((response.redirect_chain, response.status_code))
            assert "Check your email" in response.text
            assert "already" not in response.text
    assert answers[0] == answers[1]
    existing.refresh_from_db()
    assert existing.check_password(PASSWORD)
    assert User.objects.count() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "new@example.org"]
    to_owner = next(m for m in mail.outbox if m.to == ["ada@example.org"])
    assert "if it was you" in to_owner.body.lower()


def test_whole_sign_up_journey(client, django_capture_on_commit_callbacks):
    """Sign up, confirm by email, then sign in."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("accounts:sign_up"),
            {"display_name": "Ada", "email": "ada@example.org", "password": PASSWORD},
        )
    assert response.status_code == 302
    assert client.get(response.url).status_code == 200
    link = _path(_link_in(mail.outbox[0]))
    confirm = client.get(link)
    assert confirm.status_code == 200
    assert "Confirm your email address" in confirm.text
    assert not User.objects.get(email="ada@example.org").email_verified
    assert "You can now sign in" in client.post(link).text
    response = _sign_in(client, "ada@example.org", PASSWORD)
    assert response.status_code == 302
    assert client.get(reverse("accounts:account")).status_code == 200


def test_unconfirmed_account_cannot_sign_in_and_gets_new_link(
    client, django_capture_on_commit_callbacks
):
    """Someone who has not confirmed their address is told so and sent a new link."""
    UserFactory(email="ada@example.org", email_verified_at=None)
    with django_capture_on_commit_callbacks(execute=True):
        response = _sign_in(client, "ada@example.org", PASSWORD)
    assert response.status_code == 200
    assert "confirm your email address first" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert len(mail.outbox) == 1


def test_broken_confirmation_link_is_a_clear_400(client):
    """A broken confirmation link gives a plain message, not an error page."""
    response = client.get(reverse("accounts:verify_email", args=["broken"]))
    assert response.status_code == 400
    assert "This link is not right" in response.content.decode()


def test_wrong_password_is_a_form_error(client):
    """A wrong password shows a clear message and does not sign in."""
    UserFactory(email="ada@example.org")
    response = _sign_in(client, "ada@example.org", "wrong password")
    assert response.status_code == 200
    assert "The email address or password is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_ten_wrong_passwords_lock_sign_in(client):
    """After five wrong passwords, sign-in is paused, even for the right password."""
    UserFactory(email="ada@example.org")
    statuses = [_sign_in(client, "ada@example.org", f"wrong {n}").status_code for n in range(10)]
    assert statuses[:4] == [200] * 4
    assert statuses[-1] == 429
    response = _sign_in(client, "ada@example.org", PASSWORD)
    assert response.status_code == 429
    assert "Too many tries to sign in" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_for_that_account_only(client):
    """Locking one account does not stop another person signing in."""
    UserFactory(email="ada@example.org")
    UserFactory(email="grace@example.org")
    for n in range(6):
        _sign_in(client, "ada@example.org", f"wrong {n}")
    assert _sign_in(client, "grace@example.org", PASSWORD).status_code == 302


def test_sign_out_needs_post(client):
    """Signing out is a POST, so a link elsewhere cannot sign someone out."""
    client.force_login(UserFactory())
    assert client.get(reverse("accounts:sign_out")).status_code == 405
    assert client.post(reverse("accounts:sign_out")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_password_reset_link_works_once(client, django_capture_on_commit_callbacks):
    """A reset link sets a new password once; used again, it explains it cannot be used."""
    user = UserFactory(email="ada@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("accounts:password_reset"), {"email": "ADA@example.org"})
    link = _path(_link_in(mail.outbox[0]))
    form_page = client.get(link, follow=True)
    new = {"new_password1": "a brand new passphrase", "new_password2": "a brand new passphrase"}
    response = client.post(form_page.redirect_chain[-1][0], new)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a brand new passphrase")
    again = client.get(link, follow=True)
    assert "This link cannot be used" in again.content.decode()
    assert not again.context["validlink"]


def test_password_reset_for_unknown_address_looks_the_same(
    client, django_capture_on_commit_callbacks
):
    """Asking to reset an unknown address shows the same page and sends nothing."""
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response.url == reverse("accounts:password_reset_done")
    assert mail.outbox == []


def test_change_email_needs_the_password(client):
    """Changing email address asks for the current password."""
    user = UserFactory(email="ada@example.org")
    client.force_login(user)
    response = client.post(
        reverse("accounts:change_email"), {"new_email": "new@example.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "Your password is not right" in response.content.decode()
    assert mail.outbox == []


def test_change_email_never_says_an_address_has_an_account(
    client, django_capture_on_commit_callbacks
):
    """Asking for a taken address answers as for a free one; the address's owner is told."""
    UserFactory(email="taken@example.org", display_name="Grace Holder")
    user = UserFactory(email="ada@example.org")
    client.force_login(user)
    answers = []
    for address in ["taken@example.org", "free@example.org"]:
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("accounts:change_email"), {"new_email": address, "password": PASSWORD}
            )
        main = re.search(r"<main.*</main>", response.text, re.S).group(0)
        answers.append(main.replace(address, "ADDRESS"))
    assert answers[0] == answers[1]
    assert "already" not in answers[0]
    told, link = mail.outbox
    assert told.to == ["taken@example.org"] and "nothing has changed" in told.body
    assert "/email/confirm/" not in told.body  # no link that could move either account
    assert link.to == ["free@example.org"]
    user.refresh_from_db()
    assert user.email == "ada@example.org"


def test_change_email_journey(client, django_capture_on_commit_callbacks):
    """Change email: link to the new address, confirm while signed in, old address told."""
    user = UserFactory(email="ada@example.org")
    client.force_login(user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("accounts:change_email"), {"new_email": "new@example.org", "password": PASSWORD}
        )
    link = _path(_link_in(mail.outbox[0]))
    page = client.get(link)
    assert page.status_code == 200
    assert "Confirm your new email address" in page.text and "new@example.org" in page.text
    user.refresh_from_db()
    assert user.email == "ada@example.org"  # opening the link changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(link)
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.email == "new@example.org"
    assert mail.outbox[-1].to == ["ada@example.org"]
    used = client.get(link)
    assert used.status_code == 400 and "already been used" in used.text
    assert client.post(link).status_code == 400


@pytest.mark.parametrize(
    "name",
    ["account", "change_email", "password_change"],
)
def test_account_pages_need_sign_in(client, name):
    """Account pages send visitors who are not signed in to the sign-in page."""
    response = client.get(reverse(f"accounts:{name}"))
    assert response.status_code == 302
    assert response.url.startswith(SIGN_IN)


@pytest.mark.parametrize(
    "name",
    [
        "sign_in",
        "sign_up",
        "sign_up_done",
        "resend_verification",
        "password_reset",
        "password_reset_done",
        "password_reset_complete",
    ],
)
def test_public_account_pages_open_for_anyone(client, name):
    """Pages for signing in and up are open to visitors."""
    assert client.get(reverse(f"accounts:{name}")).status_code == 200


def test_account_page_shows_roles(client):
    """The account page shows the person's roles in words."""
    user = UserFactory(roles=["organiser"])
    client.force_login(user)
    body = client.get(reverse("accounts:account")).content.decode()
    assert "Organiser (runs a group or project)" in body


def test_admin_site_for_officers_only(client):
    """Officers can open the admin site; residents cannot."""
    from coproduce.accounts.roles import Role
    from coproduce.accounts.services import user_set_roles

    resident = UserFactory()
    client.force_login(resident)
    assert client.get(reverse("admin:index")).status_code == 302
    officer = user_set_roles(user=UserFactory(), roles=[Role.OFFICER])
    client.force_login(officer)
    assert client.get(reverse("admin:index")).status_code == 200
