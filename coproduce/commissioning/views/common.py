"""What the panel views share: finding a panel this person may see or run."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from .. import permissions, selectors
from ..models import Panel


def visible_panel(request, pk: int) -> Panel:
    panel = selectors.panel_with_public_parts(pk)
    if panel is None or not permissions.can_see(request.user, panel):
        raise Http404(_("There is no such panel."))
    return panel


def run_panel(request, pk: int) -> Panel:
    panel = get_object_or_404(Panel, pk=pk)
    if not permissions.can_run(request.user, panel):
        if not permissions.can_see(request.user, panel):
            raise Http404(_("There is no such panel."))
        raise PermissionDenied(_("Only the officers running this panel can see this page."))
    return panel
