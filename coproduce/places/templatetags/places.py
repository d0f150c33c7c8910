from django import template
from django.core.paginator import Page
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from coproduce.common.govuk_forms import render_component

register = template.Library()


def _href(request, number: int) -> str:
    query = request.GET.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


@register.simple_tag(takes_context=True)
def govuk_pagination(context, page: Page) -> SafeString:
    """GOV.UK pagination for a Django page; nothing when everything fits on one page."""
    if page.paginator.num_pages < 2:
        return SafeString("")
    request = context["request"]
    items = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append(
                {"number": number, "href": _href(request, number), "current": number == page.number}
            )
    params = {
        "items": items,
        "landmarkLabel": _("Pages"),
        "previous": {"href": _href(request, page.previous_page_number()), "text": _("Previous")}
        if page.has_previous()
        else None,
        "next": {"href": _href(request, page.next_page_number()), "text": _("Next")}
        if page.has_next()
        else None,
    }
    return render_component("pagination", "govukPagination", params)
