"""Finding the record a page is about, for someone allowed to see it or act for it."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .. import permissions, selectors
from ..models import OfflineResident


def resident_seen(request, pk: int) -> OfflineResident:
    resident = selectors.resident_or_none(pk)
    if resident is None:
        raise Http404
    if not permissions.can_see(request.user, resident):
        raise PermissionDenied
    return resident


def resident_acted_for(request, pk: int) -> OfflineResident:
    resident = resident_seen(request, pk)
    if not permissions.can_act_for(request.user, resident):
        raise PermissionDenied
    return resident
