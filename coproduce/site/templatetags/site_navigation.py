"""The service navigation in the page header: it links every section and counts unread
notifications, so it lives in the site layer, above the apps it reaches."""

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from coproduce.common.govuk_forms import render_component
from coproduce.notifications.selectors import unread_count_for

register = template.Library()


@register.simple_tag(takes_context=True)
def service_navigation(context) -> SafeString:
    """The service's name and main sections; the current section is marked for screen readers."""
    request = context.get("request")
    path = request.path if request else ""
    items = [
        (_("Home"), reverse("site:home")),
        (_("Map"), reverse("maps:map")),
        (_("Projects"), reverse("projects:list")),
        (_("Groups"), reverse("groups:list")),
        (_("Services"), reverse("services:list")),
        (_("Events"), reverse("gatherings:list")),
        (_("Exchange"), reverse("site:exchange")),
        (_("Decide together"), reverse("site:decide")),
        (_("Keep in touch"), reverse("site:keep_in_touch")),
    ]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        if user.has_perm("accounts.run_group_or_project"):
            items.append((_("Find people"), reverse("matching:need_list")))
        if user.has_perm("accounts.moderate_content"):
            items.append((_("Moderation"), reverse("discussion:queue")))
        if user.has_perm("groups.verify_organisation"):
            items.append((_("Group checks"), reverse("groups:kind_requests")))
        if user.has_perm("staff.see_audit_log"):
            items.append((_("Audit log"), reverse("staff:audit_log")))
        items.insert(1, (_("Your page"), reverse("mypage:your_page")))
        # No count here: each new message is also a notification, counted just below.
        items.append((_("Messages"), reverse("messaging:inbox")))
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
            "serviceUrl": reverse("site:home"),
            "navigation": navigation,
            "navigationLabel": _("Main sections"),
            "menuButtonText": _("Menu"),
        },
    )
