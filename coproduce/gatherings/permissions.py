"""Who may do what with gatherings. Officers organise any event; organisers run their own."""

from coproduce.groups.models import Membership

MANAGE_ANY_EVENT = "gatherings.manage_any_event"
# Organisers of groups and projects (and officers) may set up events and series.
RUN_EVENTS = "accounts.run_group_or_project"


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_create_events(user) -> bool:
    return _signed_in(user) and user.has_perm(RUN_EVENTS)


def _organises_group(user, group_id: int | None) -> bool:
    return (
        group_id is not None
        and Membership.objects.filter(
            organisation_id=group_id, user=user, role=Membership.Role.ORGANISER
        ).exists()
    )


def can_manage_series(user, series) -> bool:
    if not _signed_in(user):
        return False
    if user.has_perm(MANAGE_ANY_EVENT):
        return True
    if series.organisers.filter(pk=user.pk).exists():
        return True
    return _organises_group(user, series.group_id)


def can_manage(user, event) -> bool:
    """The event's organisers and facilitators, organisers of its group or series, officers."""
    if not _signed_in(user):
        return False
    if user.has_perm(MANAGE_ANY_EVENT):
        return True
    if any(person.pk == user.pk for person in event.organisers.all()):
        return True
    if _organises_group(user, event.group_id):
        return True
    return event.series_id is not None and can_manage_series(user, event.series)


def can_take_part(user) -> bool:
    return _signed_in(user)
