"""The action learning sets a project came to, as a section of the project's own page.

Registered with projects.panels from GatheringsConfig.ready(): projects cannot import
gatherings, which is built on them."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from .selectors import treatments_of_project


def treatments_panel(project, request: HttpRequest) -> SafeString | str:
    """Each session the project was brought to, with what came of it; "" if none."""
    treatments = list(treatments_of_project(project))
    if not treatments:
        return ""
    return render_to_string(
        "gatherings/_project_treatments.html", {"treatments": treatments}, request=request
    )
