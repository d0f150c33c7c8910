"""Reads of council news: the public list and feed, a post's page, officers' drafts."""

from django.db.models import Prefetch, Q, QuerySet

from coproduce.places.models import Ward
from coproduce.places.selectors import wards_by_name

from .models import NewsPost

FEED_SIZE = 30


def _published() -> QuerySet[NewsPost]:
    return NewsPost.objects.filter(status=NewsPost.Status.PUBLISHED).order_by(
        "-published_at", "-pk"
    )


def _with_wards(posts: QuerySet[NewsPost]) -> QuerySet[NewsPost]:
    return posts.prefetch_related(Prefetch("wards", queryset=wards_by_name()))


def posts_published(*, ward: Ward | None = None) -> QuerySet[NewsPost]:
    """Published news, newest first; for a ward, the news aimed at it and news for everyone."""
    posts = _published()
    if ward is not None:
        posts = posts.filter(Q(audience=NewsPost.Audience.EVERYONE) | Q(wards=ward)).distinct()
    return _with_wards(posts)


def latest(limit: int = 3, ward: Ward | None = None) -> list[NewsPost]:
    """The newest published posts, for the home page or a ward's page."""
    return list(posts_published(ward=ward)[: max(limit, 0)])


def posts_for_feed() -> list[NewsPost]:
    return list(_published().select_related(None)[:FEED_SIZE])


def post_by_slug(slug: str) -> NewsPost | None:
    return (
        NewsPost.objects.filter(slug=slug)
        .select_related("mailing")
        .prefetch_related(
            Prefetch("wards", queryset=wards_by_name()),
            "groups",
        )
        .first()
    )


def is_withdrawn(slug: str) -> bool:
    return NewsPost.objects.filter(slug=slug, status=NewsPost.Status.WITHDRAWN).exists()


def posts_unpublished() -> QuerySet[NewsPost]:
    """Drafts and scheduled posts, for officers: scheduled first, soonest first."""
    return (
        NewsPost.objects.filter(status__in=[NewsPost.Status.DRAFT, NewsPost.Status.SCHEDULED])
        .order_by("-status", "publish_at", "-updated_at", "-pk")
        .prefetch_related("wards")
    )


def posts_sent_recently(limit: int = 20) -> QuerySet[NewsPost]:
    """Published and withdrawn posts, newest first, with their mailings: for officers."""
    return (
        NewsPost.objects.filter(status__in=[NewsPost.Status.PUBLISHED, NewsPost.Status.WITHDRAWN])
        .select_related("mailing")
        .order_by("-published_at", "-pk")[:limit]
    )
