from django.utils.functional import Promise

from .models import User, normalise_email
from .roles import ROLE_LABELS, Role
from .tokens import CHANGE_SALT, VERIFY_SALT, TokenError, read_token


def user_by_email(email: str) -> User | None:
    return User.objects.filter(email=normalise_email(email), is_active=True).first()


def role_labels_for(user: User) -> list[str | Promise]:
    names = set(user.groups.values_list("name", flat=True))
    return [ROLE_LABELS[role] for role in Role if role.value in names]


def user_to_verify(*, token: str) -> User:
    """Whose address a confirmation link confirms. Raises TokenError if it cannot be used."""
    data = read_token(token, salt=VERIFY_SALT)
    user = User.objects.filter(pk=data.user_id, is_active=True).first()
    if user is None or user.email != data.email:
        raise TokenError("invalid")
    return user


def new_email_in_link(*, user: User, token: str) -> str:
    """The address a change-of-email link would move this account to, changing nothing.

    Raises TokenError if the link is broken, has expired or no longer applies.
    """
    data = read_token(token, salt=CHANGE_SALT)
    if data.user_id != user.pk or data.current_email != user.email:
        raise TokenError("used")  # already used, or the address has changed since
    return data.email
