from django import template

from coproduce.common.easy_read import picture

register = template.Library()


@register.simple_tag
def easy_picture(name: str, size: int = 80):
    """An easy-read picture, hidden from screen readers: the words beside it say the same."""
    return picture(name, size=size, hidden=True) if name else ""
