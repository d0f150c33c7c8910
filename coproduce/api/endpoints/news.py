"""Council news, written and published by officers with a token. Nothing here reads news:
the published posts have their own pages and Atom feed."""

from datetime import datetime

from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Path, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import Field

from coproduce.common import limits
from coproduce.news import permissions, selectors
from coproduce.news import services as news_services
from coproduce.news.models import NewsPost

from ..auth import officer_token
from ..common import WRITE_ANSWERS, Body, Error, one_of

router = Router(tags=["News"])

# Publishing tells every subscriber: the same limit as the news pages' publish button.
PUBLISH_LIMIT = "news_publish"


class NewsIn(Body):
    """A post for everyone in the borough, started as a draft."""

    title: str = Field(min_length=1, max_length=150)
    summary: str = Field(min_length=1, max_length=300, description="The news in a sentence.")
    body: str = Field(
        min_length=1, max_length=50_000, description="The news, in the news pages' markup."
    )
    send_email: bool = Field(False, description="Email it to subscribers when published.")


class NewsOut(Schema):
    slug: str = Field(description="Its name in its web address, which never changes.")
    title: str
    summary: str
    status: one_of(NewsPost.Status)
    send_email: bool
    published_at: datetime | None
    url: str


def _out(post: NewsPost) -> dict:
    return {
        "slug": post.slug,
        "title": post.title,
        "summary": post.summary,
        "status": post.status,
        "send_email": post.send_email,
        "published_at": post.published_at,
        "url": reverse("news:post", args=[post.slug]),
    }


def _writer(request: HttpRequest) -> None:
    if not permissions.can_write_news(request.auth):
        raise HttpError(403, _("Only council officers who write news can do this."))


@router.post(
    "/news/",
    auth=officer_token,
    response={201: NewsOut, **WRITE_ANSWERS},
    summary="Write a news post",
)
def news_create(request: HttpRequest, payload: NewsIn):
    """Start a news post for everyone, as a draft. Publish it with its own address."""
    _writer(request)
    post = news_services.post_create(
        by=request.auth,
        title=payload.title,
        summary=payload.summary,
        body=payload.body,
        send_email=payload.send_email,
    )
    return Status(201, _out(post))


@router.post(
    "/news/{slug}/publish/",
    auth=officer_token,
    response={200: NewsOut, 404: Error, **WRITE_ANSWERS},
    summary="Publish a news post",
)
def news_publish(
    request: HttpRequest,
    slug: str = Path(..., max_length=80, description="The post's name in its web address."),
):
    """Publish a draft or scheduled post now: its page, its place in the subscribers'
    updates, and its email if it has one. A post already published is refused."""
    _writer(request)
    post = selectors.post_by_slug(slug)
    if post is None:
        raise HttpError(404, _("There is no news post with that address."))
    limits.check(request, PUBLISH_LIMIT, json=True)
    return Status(200, _out(news_services.post_publish(post=post, by=request.auth)))
