from django import template
from django.utils.translation import gettext as _

from coproduce.common.counts import public_count as _public_count

register = template.Library()


@register.filter
def public_count(count) -> str:
    """`{{ n|public_count }}`: "fewer than 5" for 1 to 4 people, else the number."""
    return _public_count(int(count or 0), fewer_than=_("fewer than 5"))
