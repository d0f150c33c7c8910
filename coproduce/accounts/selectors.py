from functools import cache

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
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


@cache
def _permission_names_sql() -> str:
    # Only the models' own table and column names go in, never input.
    groups = User.groups.through._meta
    own = User.user_permissions.through._meta
    granted = Group.permissions.through._meta
    names = {
        "app_label": "app_label",
        "codename": "codename",
        "id": "id",
        "content_type_id": Permission._meta.get_field("content_type").column,
        "permission": Permission._meta.db_table,
        "content_type": ContentType._meta.db_table,
        "own": own.db_table,
        "own_permission": own.get_field("permission").column,
        "own_user": own.get_field("user").column,
        "granted": granted.db_table,
        "granted_permission": granted.get_field("permission").column,
        "granted_group": granted.get_field("group").column,
        "groups": groups.db_table,
        "groups_group": groups.get_field("group").column,
        "groups_user": groups.get_field("user").column,
    }
    return (  # noqa: S608
        "SELECT ct.{app_label}, p.{codename} FROM {permission} p "
        "JOIN {content_type} ct ON ct.{id} = p.{content_type_id} WHERE p.{id} IN ("
        "SELECT o.{own_permission} FROM {own} o WHERE o.{own_user} = %s "
        "UNION SELECT g.{granted_permission} FROM {granted} g "
        "JOIN {groups} m ON m.{groups_group} = g.{granted_group} WHERE m.{groups_user} = %s)"
    ).format(**{key: connection.ops.quote_name(name) for key, name in names.items()})


def permission_names_of(user: User) -> set[str]:
    """What ModelBackend's get_all_permissions gives an active person who is not a superuser
    ("app_label.codename"), in one query instead of its two. Every signed-in request asks
    (the staff second-factor check), and compiling the ORM's two joins cost more than running
    them, so this is written out."""
    with connection.cursor() as cursor:
        cursor.execute(_permission_names_sql(), [user.pk, user.pk])
        return {f"{app_label}.{codename}" for app_label, codename in cursor.fetchall()}
