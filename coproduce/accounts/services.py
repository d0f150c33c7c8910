"""Every write to accounts goes through here."""

from collections.abc import Iterable

from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from coproduce.common.email import absolute_url, email_queue
from coproduce.staff.services import audit_record

from .models import User, normalise_email
from .roles import STAFF_ROLES, Role
from .signals import email_confirmed
from .tokens import CHANGE_SALT, VERIFY_SALT, EmailToken, TokenError, make_token, read_token


class EmailInUse(ValueError):
    pass


@transaction.atomic
def user_sign_up(*, email: str, display_name: str, password: str) -> User | None:
    """Create a resident's account and send them a link to confirm their email address.

    They cannot sign in until they confirm it. If the address already has an account,
    nothing is created and its owner is emailed instead; the caller answers the same either
    way, so sign-up cannot be used to test who has an account. Returns the new account, or
    None when the address was taken.
    """
    email = normalise_email(email)
    existing = User.objects.filter(email=email).first()
    if existing is None:
        try:
            with transaction.atomic():
                user = User.objects.create_user(
                    email=email, password=password, display_name=display_name
                )
        except IntegrityError:  # someone signed up with it a moment ago
            existing = User.objects.filter(email=email).first()
        else:
            user.groups.add(Group.objects.get(name=Role.RESIDENT))
            email_verification_send(user=user)
            return user
    make_password(password)  # the same work as a new account, so timing tells nothing
    if existing is not None and existing.is_active:
        email_queue(
            to=existing.email,
            template_base="accounts/email/sign_up_taken",
            context={
                "user": existing,
                "sign_in_link": absolute_url(reverse("accounts:sign_in")),
                "reset_link": absolute_url(reverse("accounts:password_reset")),
            },
        )
    return None


def email_verification_send(*, user: User) -> None:
    """Send (again) the link that confirms this person's email address."""
    if user.email_verified or not user.has_email:
        return
    token = make_token(EmailToken(user_id=user.pk, email=user.email), salt=VERIFY_SALT)
    email_queue(
        to=user.email,
        template_base="accounts/email/verify_email",
        context={
            "user": user,
            "link": absolute_url(reverse("accounts:verify_email", args=[token])),
        },
    )


@transaction.atomic
def email_verify(*, token: str) -> User:
    """Mark the address in the token as confirmed. Using the link twice is harmless."""
    data = read_token(token, salt=VERIFY_SALT)
    user = User.objects.select_for_update().filter(pk=data.user_id, is_active=True).first()
    if user is None or user.email != data.email:
        raise TokenError("invalid")
    if not user.email_verified:
        user.email_verified_at = timezone.now()
        user.save(update_fields=["email_verified_at"])
        email_confirmed.send(sender=User, user=user, email=user.email)
    return user


def email_change_request(*, user: User, new_email: str) -> None:
    """Send a confirmation link to the new address. Nothing changes until it is used.

    If another account already uses the address, its owner is told someone asked instead,
    and the caller answers the same either way: changing an email address cannot be used to
    test who has an account.
    """
    new_email = normalise_email(new_email)
    holder = User.objects.filter(email=new_email).exclude(pk=user.pk).first()
    if holder is not None:
        email_queue(
            to=holder.email,
            template_base="accounts/email/change_email_taken",
            context={
                "user": holder,
                "sign_in_link": absolute_url(reverse("accounts:sign_in")),
                "reset_link": absolute_url(reverse("accounts:password_reset")),
            },
        )
        return
    token = make_token(
        EmailToken(user_id=user.pk, email=new_email, current_email=user.email), salt=CHANGE_SALT
    )
    email_queue(
        to=new_email,
        template_base="accounts/email/change_email",
        context={
            "user": user,
            "new_email": new_email,
            "link": absolute_url(reverse("accounts:change_email_confirm", args=[token])),
        },
    )


@transaction.atomic
def email_change_confirm(*, user: User, token: str) -> User:
    """Move the account to the new address and tell the old address it happened."""
    data = read_token(token, salt=CHANGE_SALT)
    locked = User.objects.select_for_update().get(pk=user.pk)
    if data.user_id != locked.pk or data.current_email != locked.email:
        # Already used, or the address has changed since: the link no longer applies.
        raise TokenError("used")
    if User.objects.filter(email=data.email).exclude(pk=locked.pk).exists():
        raise EmailInUse(data.email)
    old_email = locked.email
    locked.email = data.email
    locked.email_verified_at = timezone.now()
    locked.save(update_fields=["email", "email_verified_at"])
    email_confirmed.send(sender=User, user=locked, email=locked.email)
    email_queue(
        to=old_email,
        template_base="accounts/email/email_changed",
        context={"user": locked, "old_email": old_email, "new_email": data.email},
    )
    return locked


@transaction.atomic
def user_set_roles(*, user: User, roles: Iterable[Role], by: User | None = None) -> User:
    """Give a person exactly these roles. Officers and administrators may use the admin site."""
    roles = set(roles) | {Role.RESIDENT}
    user.groups.set(Group.objects.filter(name__in=[r.value for r in roles]))
    user.is_staff = bool(roles & STAFF_ROLES)
    user.save(update_fields=["is_staff"])
    audit_record(
        actor=by, action="roles.changed", target=f"user {user.pk}", detail={"roles": sorted(roles)}
    )
    return user
