"""The action learning sets a project came to, and the meetings that chose it, as sections
of the project's own page.

Registered with common.panels from GatheringsConfig.ready(): projects cannot import
gatherings, which is built on them."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from coproduce.common.panels import shown_if

from .selectors import (
    accepted_treatments_of,
    choices_won_by,
    choices_won_by_project,
    treatments_of_project,
)


@shown_if(accepted_treatments_of)
def treatments_panel(project, request: HttpRequest) -> SafeString | str:
    """Each session the project was brought to, with what came of it; "" if none."""
    treatments = list(treatments_of_project(project))
    if not treatments:
        return ""
    return render_to_string(
        "gatherings/_project_treatments.html", {"treatments": treatments}, request=request
    )


@shown_if(choices_won_by)
def chosen_panel(project, request: HttpRequest) -> SafeString | str:
    """Each meeting that chose the project, with when; "" if none."""
    chosen = choices_won_by_project(project)
    if not chosen:
        return ""
    return render_to_string("gatherings/_project_choices.html", {"chosen": chosen}, request=request)
