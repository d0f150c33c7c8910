"""Who may act for which account, and who coordinates."""

from coproduce.groups.models import Membership

from .models import Account

COORDINATE = "timebank.coordinate"


def is_coordinator(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(COORDINATE))


def organised_group_ids(user) -> set[int]:
    if not user or not user.is_authenticated:
        return set()
    return set(
        Membership.objects.filter(user=user, role=Membership.Role.ORGANISER).values_list(
            "organisation_id", flat=True
        )
    )


def can_act_for(user, account: Account) -> bool:
    """The holder acts for a personal account; a group's organisers act for the group's."""
    if not user or not user.is_authenticated or not user.is_active:
        return False
    if account.user_id is not None:
        return account.user_id == user.pk
    return Membership.objects.filter(
        user=user, organisation_id=account.organisation_id, role=Membership.Role.ORGANISER
    ).exists()


def can_see(user, account: Account) -> bool:
    return can_act_for(user, account) or is_coordinator(user)
