"""`{% report_link obj %}`: a link to report a shared item, an event or a place photo, and for
moderators the link to hide or show it again. Nothing for kinds that cannot be reported."""

from django import template
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from .. import hiding, permissions, reporting
from ..models import HiddenThing

register = template.Library()

LINK = '<a class="govuk-link" href="{}">{}<span class="govuk-visually-hidden"> {}</span></a>'


@register.simple_tag(takes_context=True)
def report_link(context, obj) -> SafeString:
    request = context.get("request")
    user = getattr(request, "user", None)
    target = reporting.target_of(obj)
    if target is None or user is None or not user.is_authenticated:
        return SafeString("")
    hidden = hiding.is_hidden(obj)
    what = target.link_text or _("this")
    links = []
    if hidden:
        links.append(
            format_html(
                '<strong class="govuk-tag govuk-tag--grey">{}</strong> {}',
                _("Hidden by a moderator"),
                _("Reason: %(reason)s") % {"reason": hiding.hidden_reason(obj)},
            )
        )
    owns = any(person.pk == user.pk for person in target.owners(obj))
    if not hidden and not owns:
        url = reverse("discussion:report_thing", args=[target.slug, obj.pk])
        links.append(
            format_html(
                LINK,
                url,
                _("Report"),
                what,
            )
        )
    if permissions.can_moderate_comments(user):
        name = "discussion:thing_restore" if hidden else "discussion:thing_hide"
        back = urlencode({"next": request.get_full_path()})
        url = f"{reverse(name, args=[target.slug, obj.pk])}?{back}"
        links.append(
            format_html(
                LINK,
                url,
                _("Show again") if hidden else _("Hide"),
                what,
            )
        )
    if not links:
        return SafeString("")
    items = format_html_join("", "<li>{}</li>", ((link,) for link in links))
    return format_html('<ul class="govuk-list govuk-body-s coproduce-report-link">{}</ul>', items)


@register.simple_tag(takes_context=True)
def shown(context, things) -> list:
    """`{% shown place_photos as photos %}`: the things less those a moderator hid, unless
    the viewer owns them or moderates (for pages of apps that cannot import discussion)."""
    things = list(things)
    if not things:
        return things
    target = reporting.target_of(things[0])
    if target is None:
        return things
    hidden = set(
        HiddenThing.objects.filter(
            kind=target.slug, target_id__in=[t.pk for t in things]
        ).values_list("target_id", flat=True)
    )
    if not hidden:
        return things
    user = getattr(context.get("request"), "user", None)
    if permissions.can_moderate_comments(user):
        return things
    signed_in = user is not None and user.is_authenticated

    def owns(thing) -> bool:
        return signed_in and any(p.pk == user.pk for p in target.owners(thing))

    return [t for t in things if t.pk not in hidden or owns(t)]
