"""The Atom feed of published news (RFC 4287): id, title, updated, author and link on the feed
and on every entry, so any feed reader, and the W3C validator, takes it."""

from django.conf import settings
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from coproduce.common.email import absolute_url

from . import emails
from .models import NewsPost


def atom(posts: list[NewsPost]) -> str:
    list_url = absolute_url(reverse("news:list"))
    feed = Atom1Feed(
        title=_("News from %(council)s") % {"council": settings.COUNCIL_NAME},
        link=list_url,
        description=_("Council news for everyone in the borough."),
        language="en-gb",
        feed_url=absolute_url(reverse("news:feed")),
        feed_guid=absolute_url(reverse("news:feed")),
        author_name=settings.COUNCIL_NAME,
        author_link=settings.SITE_URL,
    )
    for post in posts:
        url = emails.post_url(post)
        feed.add_item(
            title=post.title,
            link=url,
            description=post.summary,
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=post.published_at,
            updateddate=post.updated_at,
            author_name=settings.COUNCIL_NAME,
        )
    return feed.writeString("utf-8")
