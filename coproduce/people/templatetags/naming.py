"""Naming people in templates, always through the one rule in people/naming.py.

{% load naming %}
{% name_for comment.author %}          the viewer is the signed-in user of the request
{{ person|name_to:recipient }}         an explicit viewer (emails, feeds, files)
{{ person|name_to:None }}              as an anonymous visitor sees it
"""

from django import template

from coproduce.people import naming

register = template.Library()


def _viewer(context):
    request = context.get("request")
    if request is not None and hasattr(request, "user"):
        return request.user
    return context.get("user")


@register.simple_tag(takes_context=True)
def name_for(context, person) -> str:
    return naming.name_for(person, _viewer(context))


@register.filter
def name_to(person, viewer) -> str:
    return naming.name_for(person, viewer or None)


@register.simple_tag
def shown_as(person) -> str:
    return naming.shown_as(person)
