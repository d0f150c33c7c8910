"""A link to give time credits, on the pages of the projects and events people helped.
Only the project's owners or the event's organisers see it. Registered with common.panels
from CreditsConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import permissions


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
