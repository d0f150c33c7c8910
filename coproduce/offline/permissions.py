"""Who may register people who are not online, see their record and act for them.

Officers (with `offline.register_offline`) may do all of it for anyone. An approved street
champion may register people on their streets, and see and act for the people they registered
and the people on their streets. Nobody else sees the record: it holds contact details.
"""

from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed

from . import reach

REGISTER_OFFLINE = "offline.register_offline"


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def is_officer(user) -> bool:
    return _signed_in(user) and user.has_perm(REGISTER_OFFLINE)


def can_register(user) -> bool:
    """Officers, and approved champions (for people on their streets)."""
    if not _signed_in(user):
        return False
    return is_officer(user) or reach.streets_of_champion(user).exists()


def can_register_on(user, street) -> bool:
    return is_officer(user) or reach.is_champion_for(user, street)


def can_act_for(user, resident) -> bool:
    """Officers; the champion who registered them; a champion for their street."""
    if not _signed_in(user) or resident.taken_over_at is not None:
        return False
    if is_officer(user):
        return True
    if resident.champion_id == user.pk:
        return True
    return reach.is_champion_for(user, resident.street)


def can_see(user, resident) -> bool:
    """The record, with its log, stays visible after a takeover to those who could act."""
    if not _signed_in(user):
        return False
    if is_officer(user) or resident.champion_id == user.pk:
        return True
    return reach.is_champion_for(user, resident.street)


def check_act_for(user, resident) -> None:
    if not can_act_for(user, resident):
        if resident.taken_over_at is not None:
            raise NotAllowed(_("This person now uses their own account."))
        raise NotAllowed(_("Only council officers and their street champion can do this."))


def check_register_on(user, street) -> None:
    if not can_register_on(user, street):
        raise NotAllowed(
            _("You can register people only on streets you are the champion for."),
        )
