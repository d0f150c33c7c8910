"""What the panel services share: checking the officer, locking the panel, the audit entry."""

from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed
from coproduce.staff.services import audit_record

from .. import permissions
from ..models import Panel


def locked_panel(panel: Panel) -> Panel:
    """The panel's row, locked until the transaction ends, so two writes queue."""
    return Panel.objects.select_for_update().get(pk=panel.pk)


def check_runs(by, panel: Panel) -> None:
    if not permissions.can_run(by, panel):
        raise NotAllowed(_("Only the officers running this panel can do that."))


def audit(by, action: str, panel: Panel, **detail) -> None:
    audit_record(
        actor=by,
        action=f"commissioning.{action}",
        target=f"Panel {panel.pk}",
        detail=detail,
    )
