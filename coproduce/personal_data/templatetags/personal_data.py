"""For pages of other apps (the privacy page) to show the retention schedule."""

from django import template

from ..retention import retention_rules

register = template.Library()


@register.simple_tag
def retention_schedule() -> list[dict]:
    """Every retention rule: what it removes, and after how many days."""
    return [{"what": rule.what, "days": rule.days} for rule in retention_rules()]
