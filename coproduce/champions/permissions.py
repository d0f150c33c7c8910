"""Who may do what with street champions. Officers hold `champions.approve_champion`."""

from django.conf import settings

APPROVE = "champions.approve_champion"
DEFAULT_MOST_STREETS = 20


def most_streets() -> int:
    """How many streets one person may champion at once (settings.CHAMPION_MOST_STREETS)."""
    return int(getattr(settings, "CHAMPION_MOST_STREETS", DEFAULT_MOST_STREETS))


def signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def may_apply(user) -> bool:
    """Signed in with a confirmed email, or registered offline (no email at all)."""
    return signed_in(user) and (user.email_verified or user.email is None)


def is_officer(user) -> bool:
    return signed_in(user) and user.has_perm(APPROVE)


def may_see_pack(user, champion) -> bool:
    """The champion's own street pack, and any champion's for officers."""
    return signed_in(user) and (user.pk == champion.pk or user.has_perm(APPROVE))
