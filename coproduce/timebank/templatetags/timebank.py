from django import template

from coproduce.timebank.hours import format_minutes

register = template.Library()


@register.filter
def hours(minutes: int | None) -> str:
    """Minutes in words: 90 -> "1 hour 30 minutes"."""
    return format_minutes(int(minutes or 0))
