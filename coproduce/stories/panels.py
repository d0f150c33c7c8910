"""A few published stories on a project's, a group's and a place's page (their apps cannot
import this one): registered with common.panels from StoriesConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString

from . import selectors


def _panel(stories, request: HttpRequest, *, name: str, pk: int) -> SafeString:
    query = urlencode({name: pk})
    return render_to_string(
        "stories/_panel.html",
        {
            "stories": stories,
            "all_url": f"{reverse('stories:list')}?{query}",
            "tell_url": f"{reverse('stories:tell')}?{query}",
        },
        request=request,
    )


def project_panel(project, request: HttpRequest) -> SafeString:
    """Stories about this project: two queries."""
    return _panel(selectors.stories_for_project(project), request, name="project", pk=project.pk)


def group_panel(group, request: HttpRequest) -> SafeString:
    if not group.is_listed:
        return SafeString("")
    return _panel(selectors.stories_for_group(group), request, name="group", pk=group.pk)


def place_panel(place, request: HttpRequest) -> SafeString:
    return _panel(selectors.stories_for_place(place), request, name="place", pk=place.pk)
