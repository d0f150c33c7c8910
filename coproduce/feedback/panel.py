"""The panel on a service's page: how to give feedback, and the summary once there are
enough responses to show it without pointing to anyone (common/counts.py)."""

from django.template.loader import render_to_string

from . import selectors
from .permissions import may_manage_feedback


def service_panel(service, request) -> str:
    summary = selectors.summary_of(service)
    return render_to_string(
        "feedback/_service_panel.html",
        {
            "service": service,
            "summary": summary,
            "may_manage": may_manage_feedback(request.user, service),
        },
        request=request,
    )
