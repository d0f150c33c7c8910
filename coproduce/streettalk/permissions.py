"""Who may run a street conversation day and see what was said."""

from .models import StreetDay

#: Officers see and manage every day.
MANAGE_ANY_STREET_DAY = "streettalk.manage_any_street_day"
#: Organisers, officers and councillors may start a day.
START_DAY = "accounts.run_group_or_project"


def _active(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def manages_any_day(user) -> bool:
    return _active(user) and user.has_perm(MANAGE_ANY_STREET_DAY)


def may_start_day(user) -> bool:
    return _active(user) and (user.has_perm(START_DAY) or manages_any_day(user))


def may_facilitate(user, day: StreetDay) -> bool:
    """The day's facilitator or an officer: they see the entries and work on the themes."""
    if not _active(user):
        return False
    return day.facilitator_id == user.pk or manages_any_day(user)


def may_see_public(day: StreetDay) -> bool:
    """Anyone, once the facilitator has published the day's named themes."""
    return day.themes_published
