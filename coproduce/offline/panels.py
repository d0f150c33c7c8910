"""People who came to an event without giving a name, shown on the event's page.
Registered with common.panels from OfflineConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from coproduce.gatherings import permissions as event_permissions

from . import permissions, selectors


def walk_ins_panel(event, request: HttpRequest) -> str:
    """The count (small ones shown as "fewer than 5") and, for organisers, a link to set it."""
    user = request.user
    can_count = event.starts_at <= timezone.now() and (
        event_permissions.can_manage(user, event) or permissions.is_officer(user)
    )
    count = selectors.walk_ins(event)
    if not count and not can_count:
        return ""
    return render_to_string(
        "offline/_walk_ins_panel.html",
        {"event": event, "walk_ins": count, "can_count": can_count},
        request=request,
    )
