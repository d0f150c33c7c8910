"""Every route the URL resolver knows, with its path parameters filled from real rows.

For tests that open every page (no server errors, no writes on GET): a route is a string
such as `projects/<int:pk>/needs/<int:need_pk>/met/`; `url()` fills each `<converter:name>`
with the first row of the model the name (or the path part before it) stands for.
"""

import re
from collections.abc import Iterator

from django.apps import apps
from django.urls import URLPattern, URLResolver, get_resolver

# The model a path part names, for filling in `<int:pk>` after it (or `<int:x_pk>`).
MODEL_FOR = {
    "notifications": "notifications.Notification",
    "places": "places.Place",
    "people": "people.Profile",
    "services": "services.Service",
    "projects": "projects.Project",
    "contribution": "projects.Contribution",
    "contributions": "projects.Contribution",
    "owner": "projects.Owner",
    "need": "projects.Need",
    "document": "projects.Document",
    "outcome": "projects.OutcomeRecord",
    "measure": "projects.Measure",
    "needs": "projects.Need",
    "comments": "discussion.Comment",
    "reports": "discussion.Report",
    "invitations": "matching.Invitation",
    "accounts": "timebank.Account",
    "organisation": "groups.Organisation",
    "transfers": "timebank.Transfer",
    "offers": "timebank.Listing",
    "requests": "timebank.BuddyRequest",
    "pairings": "timebank.Pairing",
    "spaces": "bookings.BookableSpace",
    "rooms": "bookings.BookableRoom",
    "bookings": "bookings.Booking",
    "items": "sharing.Item",
    "photo": "sharing.ItemPhoto",
    "reply": "sharing.ItemReply",
    "funding": "sharing.FundingOpportunity",
    "applications": "sharing.FundingApplication",
    "events": "gatherings.Event",
    "agenda": "gatherings.AgendaItem",
    "treatments": "gatherings.Treatment",
    "barrier": "gatherings.Barrier",
    "wards": "places.Ward",
    "groups": "groups.Organisation",
    "series": "gatherings.Series",
    "barriers": "gatherings.BarrierTheme",
    "choices": "gatherings.Choice",
    "conversations": "conversations.Conversation",
    "statements": "conversations.Statement",
    "surveys": "surveys.Survey",
    "questions": "surveys.Question",
    "rounds": "budgets.Round",
    "proposals": "budgets.Proposal",
    "residents": "offline.OfflineResident",
    "sheets": "offline.PaperSheet",
    "application": "champions.ChampionApplication",
    "champion": "accounts.User",
    "mailing": "mailing.Mailing",
    "news": "news.NewsPost",
    "you-said-we-did": "yousaid.CouncilResponse",
    "answer": "feedback.Feedback",
    "mystery-shopping": "shopping.Programme",
    "visits": "shopping.Visit",
    "expense": "shopping.Expense",
    "service": "services.Service",
    "service-choice-panels": "commissioning.Panel",
    "bid": "commissioning.Bid",
    "seats": "councillors.Seat",
    "guides": "toolkit.Guide",
    "courses": "toolkit.Course",
    "days": "streettalk.StreetDay",
    "themes": "streettalk.Theme",
    "entries": "streettalk.StreetEntry",
    "stories": "stories.Story",
}
# Words a `<str:...>` part must be for the route to do anything.
WORDS = {"column": "actions", "answer": "accept", "action": "reserve"}
PARAMETER = re.compile(r"<(?:(\w+):)?(\w+)>")


def routes(patterns=None, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    """Every route as a string with its `<converter:name>` parts left in, and its pattern."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from routes(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            if not route.startswith("^") and "(?P" not in route:  # admin's catch-alls
                yield route, pattern


def _value(route: str, match: re.Match) -> str:
    """A real value for a route parameter, taken from the database where one exists."""
    converter, name = match.group(1) or "str", match.group(2)
    before = route[: match.start()].rstrip("/").rsplit("/", 1)[-1]
    label = MODEL_FOR.get(name.removesuffix("_pk")) or MODEL_FOR.get(before)
    row = apps.get_model(label).objects.order_by("pk").first() if label else None
    if converter == "slug":
        return getattr(row, "slug", "no-such-thing")
    if converter == "uuid":
        return str(getattr(row, "uuid", "00000000-0000-0000-0000-000000000000"))
    if converter == "int":
        return str(row.pk if row else 1)
    return WORDS.get(name, "nothing")


def url(route: str) -> str:
    """The route with every parameter filled in, as a path from the site's root."""
    return "/" + PARAMETER.sub(lambda match: _value(route, match), route)
