"""GOV.UK components as template tags. The site's own navigation is in coproduce.site."""

from django import template
from django.core.paginator import Page
from django.forms import BaseForm, BoundField
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from coproduce.common.filters import TickGroup
from coproduce.common.govuk_forms import (
    error_summary_items,
    render_component,
    render_field,
    render_tick_group,
)

register = template.Library()


@register.simple_tag
def govuk_field(field: BoundField | TickGroup, **options) -> SafeString:
    if isinstance(field, TickGroup):
        return render_tick_group(field.legend, field.fields)
    return render_field(field, **options)


@register.simple_tag
def govuk_error_summary(form: BaseForm) -> SafeString:
    if not form.errors:
        return SafeString("")
    return render_component(
        "error-summary",
        "govukErrorSummary",
        {"titleText": _("There is a problem"), "errorList": error_summary_items(form)},
    )


@register.simple_tag
def skip_link() -> SafeString:
    return render_component(
        "skip-link", "govukSkipLink", {"text": _("Skip to main content"), "href": "#main-content"}
    )


@register.simple_tag(takes_context=True)
def phase_banner(context) -> SafeString:
    phase = context.get("service_phase") or ""
    if not phase:
        return SafeString("")
    feedback = context.get("feedback_email", "")
    return render_component(
        "phase-banner",
        "govukPhaseBanner",
        {
            "tag": {"text": phase.capitalize()},
            "html": format_html(
                _("This is a new service. Your {link} will help us to improve it."),
                link=format_html(
                    '<a class="govuk-link" href="mailto:{}">{}</a>', feedback, _("feedback")
                ),
            ),
        },
    )


@register.simple_tag
def notification_banner(message) -> SafeString:
    success = "success" in message.tags
    return render_component(
        "notification-banner",
        "govukNotificationBanner",
        {
            "type": "success" if success else None,
            "titleText": _("Success") if success else _("Important"),
            "text": str(message),
            "attributes": {"role": "alert" if success else "region"},
        },
    )


@register.simple_tag
def important_banner(text: str) -> SafeString:
    """A GOV.UK "Important" notification banner saying `text`, for a page's own notice."""
    return render_component(
        "notification-banner",
        "govukNotificationBanner",
        {"titleText": _("Important"), "text": str(text)},
    )


def _page_href(query: QueryDict, number: int) -> str:
    query = query.copy()
    query["page"] = number
    return f"?{query.urlencode()}"


@register.simple_tag(takes_context=True)
def govuk_pagination(context, page: Page, query: str | None = None) -> SafeString:
    """GOV.UK pagination for a Django page; nothing when everything fits on one page.

    Page links keep `query` (a filter form's `query_string`), or else the page's own query."""
    if page.paginator.num_pages < 2:
        return SafeString("")
    kept = QueryDict(query) if query is not None else context["request"].GET
    items = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=1, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            items.append({"ellipsis": True})
        else:
            items.append(
                {
                    "number": number,
                    "href": _page_href(kept, number),
                    "current": number == page.number,
                }
            )
    params = {
        "items": items,
        "landmarkLabel": _("Pages"),
        "previous": {
            "href": _page_href(kept, page.previous_page_number()),
            "text": _("Previous"),
        }
        if page.has_previous()
        else None,
        "next": {"href": _page_href(kept, page.next_page_number()), "text": _("Next")}
        if page.has_next()
        else None,
    }
    return render_component("pagination", "govukPagination", params)


@register.filter
def get_item(mapping: dict, key):
    """Look up a key in a dict from a template."""
    return mapping.get(key)
