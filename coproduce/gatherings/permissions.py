"""Who may do what with gatherings. Officers organise any event; organisers run their own."""

from django.contrib.auth import get_user_model
from django.db.models import Exists, Q

from coproduce.groups.models import Membership

from .models import Series

MANAGE_ANY_EVENT = "gatherings.manage_any_event"
# Organisers of groups and projects (and officers) may set up events and series.
RUN_EVENTS = "accounts.run_group_or_project"


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_create_events(user) -> bool:
    return _signed_in(user) and user.has_perm(RUN_EVENTS)


def _organises(user, *, group_id: int | None, series_id: int | None) -> bool:
    """Whether the person organises this group, this series or the series' group, in one
    query: an event's page asks for each of its panels."""
    if group_id is None and series_id is None:
        return False
    series_group = Series.objects.filter(pk=series_id).values("group_id")
    memberships = Membership.objects.filter(user=user, role=Membership.Role.ORGANISER).filter(
        Q(organisation_id=group_id) | Q(organisation_id__in=series_group)
    )
    series_organisers = Series.organisers.through.objects.filter(
        series_id=series_id, user_id=user.pk
    )
    return (
        get_user_model()
        .objects.filter(pk=user.pk)
        .filter(Exists(memberships) | Exists(series_organisers))
        .exists()
    )


def can_manage_series(user, series) -> bool:
    if not _signed_in(user):
        return False
    if user.has_perm(MANAGE_ANY_EVENT):
        return True
    return _organises(user, group_id=series.group_id, series_id=series.pk)


def can_manage(user, event) -> bool:
    """The event's organisers and facilitators, organisers of its group or series, officers."""
    if not _signed_in(user):
        return False
    if user.has_perm(MANAGE_ANY_EVENT):
        return True
    if any(person.pk == user.pk for person in event.organisers.all()):
        return True
    return _organises(user, group_id=event.group_id, series_id=event.series_id)


def can_take_part(user) -> bool:
    return _signed_in(user)
