from django import template
from django.core.paginator import Page
from django.forms import BaseForm, BoundField
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from coproduce.common.govuk_forms import error_summary_items, render_component, render_field
from coproduce.notifications.selectors import unread_count_for

register = template.Library()


@register.simple_tag
def govuk_field(field: BoundField, **options) -> SafeString:
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


@register.simple_tag(takes_context=True)
def service_navigation(context) -> SafeString:
    """The service's name and main sections; the current section is marked for screen readers."""
    request = context.get("request")
    path = request.path if request else ""
    items = [
        (_("Home"), reverse("common:home")),
        (_("Map"), reverse("maps:map")),
        (_("Projects"), reverse("projects:list")),
        (_("Groups"), reverse("groups:list")),
        (_("Services"), reverse("services:list")),
        (_("Events"), reverse("gatherings:list")),
        (_("Exchange"), reverse("common:exchange")),
    ]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        if user.has_perm("accounts.run_group_or_project"):
            items.append((_("Find people"), reverse("matching:need_list")))
        items.append((_("Invitations"), reverse("matching:invitation_list")))
        if user.has_perm("accounts.moderate_content"):
            items.append((_("Moderation"), reverse("discussion:queue")))
        count = unread_count_for(user)
        label = _("Notifications")
        items.append((f"{label} ({count})" if count else label, reverse("notifications:list")))
        items.append((_("Your account"), reverse("accounts:account")))
    navigation = []
    for text, href in items:
        active = path == href if href == "/" else path.startswith(href)
        navigation.append({"text": text, "href": href, "active": active})
    return render_component(
        "service-navigation",
        "govukServiceNavigation",
        {
            "serviceName": context.get("service_name"),
            "serviceUrl": reverse("common:home"),
            "navigation": navigation,
            "navigationLabel": _("Main sections"),
            "menuButtonText": _("Menu"),
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


def _page_href(request, number: int) -> str:
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
                {
                    "number": number,
                    "href": _page_href(request, number),
                    "current": number == page.number,
                }
            )
    params = {
        "items": items,
        "landmarkLabel": _("Pages"),
        "previous": {
            "href": _page_href(request, page.previous_page_number()),
            "text": _("Previous"),
        }
        if page.has_previous()
        else None,
        "next": {"href": _page_href(request, page.next_page_number()), "text": _("Next")}
        if page.has_next()
        else None,
    }
    return render_component("pagination", "govukPagination", params)


@register.filter
def get_item(mapping: dict, key):
    """Look up a key in a dict from a template."""
    return mapping.get(key)
