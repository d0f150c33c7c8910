"""The "you said, we did" panels: on ward and service pages the latest responses there, and on
a survey's results, a conversation's page or the page answering a piece of feedback the
responses to it (with a link to record one
for those who may). Registered with common.panels from YousaidConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from . import permissions, selectors, sources

SHOWN = 3


def _render(request, responses, **context) -> str:
    context.update(responses=responses, today=timezone.localdate())
    return render_to_string("yousaid/_panel.html", context, request=request)


def ward_panel(ward, request: HttpRequest) -> str:
    responses = list(selectors.responses_listed(ward=ward)[:SHOWN])
    if not responses:
        return ""
    return _render(request, responses, more_url=reverse("yousaid:ward", args=[ward.slug]))


def service_panel(service, request: HttpRequest) -> str:
    responses = list(selectors.responses_listed(service=service)[:SHOWN])
    if not responses:
        return ""
    return _render(request, responses, more_url=reverse("yousaid:service", args=[service.uuid]))


def item_panel(key: str, item, request: HttpRequest) -> str:
    """The responses to one item of a source, and a link to record one for those who may;
    for the pages of apps above this one, which call it themselves."""
    source = sources.get(key)
    record_url = ""
    if source.is_ready(item) and permissions.may_respond(request.user, source, item):
        record_url = reverse("yousaid:record", args=[key, item.pk])
    return _render(
        request, selectors.responses_to(source=key, item_id=item.pk), record_url=record_url
    )


def survey_panel(survey, request: HttpRequest) -> str:
    return item_panel("survey", survey, request)


def conversation_panel(conversation, request: HttpRequest) -> str:
    return item_panel("conversation", conversation, request)


def feedback_panel(feedback, request: HttpRequest) -> str:
    """On the page where a service's owner answers one piece of feedback."""
    return item_panel("feedback", feedback, request)
