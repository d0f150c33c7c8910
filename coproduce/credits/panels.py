"""A link to give time credits, on the pages of the projects and events people helped.
Only the project's owners or the event's organisers see it. Registered with common.panels
from CreditsConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import permissions, selectors


def project_panel(project, request: HttpRequest) -> str:
    if not permissions.can_confirm_for_project(request.user, project):
        return ""
    return render_to_string(
        "credits/_panel.html",
        {"url": reverse("credits:project", args=[project.pk])},
        request=request,
    )


def event_panel(event, request: HttpRequest) -> str:
    started = event.starts_at <= timezone.now()
    if not started or not permissions.can_confirm_for_event(request.user, event):
        return ""
    return render_to_string(
        "credits/_panel.html", {"url": reverse("credits:event", args=[event.pk])}, request=request
    )


def shopping_visit_panel(visit, request: HttpRequest) -> str:
    """On a recorded mystery-shopping visit: give the programme's time credits, once."""
    if not permissions.can_confirm_for_shopping_visit(request.user, visit):
        return ""
    credit = selectors.credit_for_thing(visit.shopper.person, f"shopping_visit:{visit.pk}")
    return render_to_string(
        "credits/_shopping_visit_panel.html",
        {"visit": visit, "credit": credit},
        request=request,
    )
