""" "Get updates" on the pages of the things people can subscribe to: a ward, a place, a
group and an event series. Registered with common.panels from SubscriptionsConfig.ready()."""

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString

# The page name in common.panels -> the kind of topic its object is (keys.NUMBERED).
PAGE_TOPICS = {"ward": "ward", "place": "place", "group": "group", "series": "series"}


def _follow_panel(kind: str):
    def panel(thing, request: HttpRequest) -> SafeString:
        topic = f"{kind}:{thing.pk}"
        return render_to_string(
            "subscriptions/_follow_panel.html",
            {
                "subscribe_url": f"{reverse('subscriptions:start')}?{urlencode({'topic': topic})}",
                "bucket_url": reverse("subscriptions:bucket", args=[topic]),
                "atom_url": reverse("subscriptions:atom", args=[topic]),
                "ical_url": reverse("subscriptions:ical", args=[topic]),
                "name": str(thing),
            },
            request=request,
        )

    panel.__name__ = f"follow_{kind}_panel"
    return panel


PANELS = {page: _follow_panel(kind) for page, kind in PAGE_TOPICS.items()}
