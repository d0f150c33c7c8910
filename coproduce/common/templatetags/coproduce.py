"""GOV.UK components as template tags. The site's own navigation is in coproduce.site."""

from django import template
from django.core.paginator import Page
from django.forms import BaseForm, BaseFormSet, BoundField
from django.http import QueryDict
from django.utils.functional import LazyObject
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from coproduce.common.dates.text import clock, span, when
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


def _page_errors(context) -> list[dict[str, str]]:
    """Every error of every bound form and formset the page was given, once each, as error
    summary items. The base layout asks this, so a page says its errors in one summary
    whatever its forms are called (form, comment_form, choice_form...).

    A view that shows another view's page with its own failed form (a comment sent empty
    shows the project page) puts that form in `request.page_forms`."""
    items: list[dict[str, str]] = []
    seen: set[int] = set()
    request = context.get("request")
    values = [*getattr(request, "page_forms", []), *context.flatten().values()]
    for value in values:
        if issubclass(type(value), LazyObject):
            # Never a form (the context's csrf_token and user), and reading the token would
            # give every visitor a CSRF cookie, which keeps their page from being kept.
            continue
        if isinstance(value, BaseFormSet) and value.is_bound:
            items.extend({"text": str(e)} for e in value.non_form_errors())
            forms = list(value.forms)
        else:
            forms = [value]
        for form in forms:
            if isinstance(form, BaseForm) and form.is_bound and id(form) not in seen:
                seen.add(id(form))
                items.extend(error_summary_items(form))
    return items


@register.simple_tag(takes_context=True)
def page_error_summary(context) -> SafeString:
    """The one error summary of a page, linked to the fields. Rendered by base.html only."""
    items = _page_errors(context)
    if not items:
        return SafeString("")
    return render_component(
        "error-summary",
        "govukErrorSummary",
        {"titleText": _("There is a problem"), "errorList": items},
    )


@register.simple_tag(takes_context=True)
def page_has_errors(context) -> bool:
    """Whether the title starts "Error:" (the GOV.UK pattern), asked once, by base.html."""
    return bool(_page_errors(context))


@register.simple_tag
def when_span(starts_at, ends_at) -> str:
    """{% when_span event.starts_at event.ends_at %}: "Tuesday 3 March 2026, 6pm to 8pm"."""
    return span(starts_at, ends_at)


@register.filter(name="clock")
def clock_filter(value) -> str:
    """{{ event.starts_at|clock }}: "6:09pm", "6pm", "midday" (GOV.UK style, local time)."""
    return clock(value) if value else ""


@register.filter(name="when")
def when_filter(value) -> str:
    """{{ event.starts_at|when }}: "Tuesday 3 March 2026, 6pm" (local time)."""
    return when(value) if value else ""


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
