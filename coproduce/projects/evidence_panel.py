"""The evidence section of a project's page: its documents and the figures that count now.

Registered with common.panels from ProjectsConfig.ready(), like the place panel, so the
project page's view stays as it was."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .permissions import can_manage, can_manage_measures
from .selectors import current_outcomes, documents_for


def evidence_panel(project, request: HttpRequest) -> SafeString:
    """Documents the viewer may see and the current outcome figures; links for the owners.
    Shown to everyone when there is something in it, and always to the owners."""
    manages = can_manage(request.user, project)
    documents = list(documents_for(project, team=manages))
    outcomes = list(current_outcomes(project))
    if not documents and not outcomes and not manages:
        return SafeString("")
    return render_to_string(
        "projects/evidence/_panel.html",
        {
            "project": project,
            "documents": documents,
            "outcomes": outcomes,
            "can_manage": manages,
            "officer": can_manage_measures(request.user),
        },
        request=request,
    )
