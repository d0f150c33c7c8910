"""A bucket's Atom feed (every item) and iCalendar feed (its events).

Atom (RFC 4287) through Django's Atom1Feed: the feed and each entry have an id, a title, an
updated time and a link, and the feed has an author (the council).
"""

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed

from coproduce.common import ical as ical_lib
from coproduce.common.email import absolute_url

from . import buckets, selectors

PRODUCT = "-//Coproduce//Buckets//EN"
KEEP_PAST = timedelta(days=365)
EPOCH = datetime(2000, 1, 1, tzinfo=UTC)


def _absolute(url: str) -> str:
    return absolute_url(url) if url.startswith("/") else url


def atom(key: str | None, *, request=None) -> str:
    url_topic = buckets.to_url(key)
    label = buckets.topic_label(key)
    items = list(selectors.bucket_items(key))
    page = absolute_url(reverse("subscriptions:bucket", args=[url_topic]))
    feed = Atom1Feed(
        title=f"{label} – {settings.SERVICE_NAME}",
        link=page,
        description=label,
        feed_url=absolute_url(reverse("subscriptions:atom", args=[url_topic])),
        feed_guid=page,
        author_name=settings.COUNCIL_NAME,
        language="en-gb",
    )
    for item in items:
        feed.add_item(
            title=item.title,
            link=_absolute(item.url),
            description=item.summary,
            unique_id=f"tag:{_host()},{item.published_at:%Y-%m-%d}:{item.source}",
            pubdate=item.published_at,
            updateddate=item.updated_at,
            categories=[item.get_thing_display()],
        )
    if not items:
        feed.latest_post_date = lambda: EPOCH  # an empty feed still needs <updated>
    return feed.writeString("utf-8")


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "coproduce"


def ical(key: str | None, *, now: datetime | None = None) -> str:
    """The bucket's events of the last year and all to come."""
    since = (now or timezone.now()) - KEEP_PAST
    stamp = timezone.now()
    host = _host()
    entries = [
        ical_lib.Event(
            uid=f"{item.source.replace(':', '-')}@{host}",
            start=item.starts_at,
            end=item.ends_at or item.starts_at + timedelta(hours=1),
            stamp=stamp,
            summary=item.title,
            description=item.summary,
            location=item.where,
            url=_absolute(item.url),
            last_modified=item.updated_at,
        )
        for item in selectors.bucket_events(key, since=since)
    ]
    return ical_lib.calendar(
        name=buckets.topic_label(key), product=PRODUCT, events=entries, local_times=True
    )
