"""What the shopping pages share: finding a programme or a visit the viewer may see."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from .. import permissions, selectors
from ..models import Programme, Visit


def visible_programme(request, pk: int) -> Programme:
    programme = selectors.programme_detail(pk)
    if programme is None or not permissions.can_see(request.user, programme):
        raise Http404
    return programme


def run_programme(request, pk: int) -> Programme:
    programme = visible_programme(request, pk)
    if not permissions.can_run(request.user):
        raise PermissionDenied(_("Only council officers who run mystery shopping can do this."))
    return programme


def own_visit(request, pk: int) -> Visit:
    """A visit the viewer may record or read: the shopper's own, or any for an officer."""
    visit = selectors.visit_detail(pk)
    if visit is None or not permissions.can_see_visit(request.user, visit):
        raise Http404
    return visit
