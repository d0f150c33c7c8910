from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString

from coproduce.common.panels import panels_for

register = template.Library()


@register.simple_tag(takes_context=True)
def panels(context, page: str, thing) -> SafeString:
    """`{% panels "event" event %}`: the sections other apps add to this page, in order."""
    request = context.get("request")
    return format_html_join("", "{}", ((html,) for html in panels_for(page, thing, request)))
