from django.utils.functional import Promise

from .models import User, normalise_email
from .roles import ROLE_LABELS, Role


def user_by_email(email: str) -> User | None:
    return User.objects.filter(email=normalise_email(email), is_active=True).first()


def role_labels_for(user: User) -> list[str | Promise]:
    names = set(user.groups.values_list("name", flat=True))
    return [ROLE_LABELS[role] for role in Role if role.value in names]
