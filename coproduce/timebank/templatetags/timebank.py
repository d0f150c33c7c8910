from django import template

from coproduce.timebank.hours import format_minutes

register = template.Library()


@register.filter
def hours(minutes: int | None) -> str:
    """Minutes in words: 90 -> "1 hour 30 minutes"."""
    return format_minutes(int(minutes or 0))


@register.simple_tag(takes_context=True)
def holder(context, account) -> str:
    """An account holder's name as the signed-in viewer may see it (people/naming.py)."""
    request = context.get("request")
    viewer = request.user if request is not None else context.get("user")
    return account.holder_name_for(viewer)
