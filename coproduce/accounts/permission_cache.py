"""A signed-in person's permissions, kept in the shared cache between requests (ADR 0037).

Django's ModelBackend reads a person's permissions with two queries on every request that
asks `has_perm`, and the staff second-factor check asks on every signed-in request. Here they
are read with one query; where app processes share a cache (CACHE_URL),
`PERMISSIONS_CACHE_SECONDS` keeps them there, so most requests make none.

Every entry's key carries a version. Any change that can change anyone's permissions (a
person's roles or own permissions, a role's permissions, a role, permission or person
removed) moves the version on, at once and again when the change commits, so the next
request anywhere reads them afresh. A change made behind Django's back (raw SQL, a
queryset's update) is seen once the entry expires. Whether a person is active or a superuser
is read from their own row on every request, as before, and the superuser flag is part of
the key.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from .selectors import permission_names_of

VERSION_KEY = "permissions:version"


def _seconds() -> int:
    return getattr(settings, "PERMISSIONS_CACHE_SECONDS", 0)


def _cache():
    return caches["default"]


def _version() -> int:
    version = _cache().get(VERSION_KEY)
    if version is None:
        # add() so two processes starting at once agree on one version.
        _cache().add(VERSION_KEY, 1, timeout=None)
        version = _cache().get(VERSION_KEY, 1)
    return version


def permissions_changed() -> None:
    """Forget everyone's kept permissions: now, and once the change that called it commits."""
    if not _seconds():
        return
    _bump()
    transaction.on_commit(_bump)


def _bump() -> None:
    try:
        _cache().incr(VERSION_KEY)
    except ValueError:  # not set yet, or evicted: any new version forgets the old entries
        _cache().set(VERSION_KEY, _version() + 1, timeout=None)


def permissions_load(user) -> None:
    """Give this signed-in person's request their permissions in one query, or none when
    they are kept. ModelBackend answers `has_perm` from `_perm_cache`, its own store for a
    request, so it makes no query of its own after this."""
    if not user.is_active or hasattr(user, "_perm_cache"):
        return
    seconds = _seconds()
    key = f"permissions:{_version()}:{user.pk}:{int(user.is_superuser)}" if seconds else None
    kept = _cache().get(key) if key else None
    if kept is None:
        # A superuser holds every permission: ModelBackend says so its own way.
        kept = (
            ModelBackend().get_all_permissions(user)
            if user.is_superuser
            else permission_names_of(user)
        )
        if key:
            _cache().set(key, kept, timeout=seconds)
    user._perm_cache = kept


class KeptPermissionsMiddleware:
    """After AuthenticationMiddleware: a signed-in person's permissions, read once."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            permissions_load(request.user)
        return self.get_response(request)


def _on_membership_change(sender, action, **kwargs) -> None:
    if action in {"post_add", "post_remove", "post_clear"}:
        permissions_changed()


def _on_row_change(sender, **kwargs) -> None:
    permissions_changed()


def connect() -> None:
    """Called from AccountsConfig.ready()."""
    user_model = get_user_model()
    for through in (
        user_model.groups.through,
        user_model.user_permissions.through,
        Group.permissions.through,
    ):
        m2m_changed.connect(
            _on_membership_change, sender=through, dispatch_uid=f"permissions-{through}"
        )
    for model in (Group, Permission):
        for signal in (post_save, post_delete):
            signal.connect(_on_row_change, sender=model, dispatch_uid=f"permissions-{model}")
    # Deleting a person removes their memberships without m2m signals, and SQLite may give
    # their id to the next person made.
    post_delete.connect(_on_row_change, sender=user_model, dispatch_uid="permissions-user")
