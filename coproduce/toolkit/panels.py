"""A link to the matching guide on the pages of events and series of a kind the toolkit
explains (an action learning set, an Open Space, a hack day). Registered with common.panels
from ToolkitConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import render_to_string

from coproduce.gatherings.models import Event

from . import selectors
from .models import Topic

TOPIC_FOR_KIND = {
    Event.Kind.ACTION_LEARNING_SET: Topic.ACTION_LEARNING,
    Event.Kind.OPEN_SPACE: Topic.OPEN_SPACE,
    Event.Kind.HACK_DAY: Topic.GOOD_FOR_NOTHING,
}


def guide_panel(event_or_series, request: HttpRequest) -> str:
    topic = TOPIC_FOR_KIND.get(event_or_series.kind)
    guide = selectors.guide_for_topic(topic) if topic else None
    if guide is None:
        return ""
    return render_to_string("toolkit/_guide_panel.html", {"guide": guide}, request=request)
