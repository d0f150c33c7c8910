"""The email of a news post: its templates and the context every copy shares.

The context is plain JSON (a mailing keeps it in the database until the last copy is sent),
so the body travels as the pieces `body.paragraphs` makes, not as a model.
"""

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from coproduce.common.email import absolute_url, render_email

from . import body
from .models import NewsPost

TEMPLATE_BASE = "news/email/post"


def post_url(post: NewsPost) -> str:
    return absolute_url(reverse("news:post", args=[post.slug]))


def context_for(post: NewsPost) -> dict:
    """What every copy of the post's email shows: JSON-serialisable."""
    when = post.published_at or post.publish_at or timezone.now()
    return {
        "title": post.title,
        "summary": post.summary,
        "paragraphs": body.paragraphs(post.body),
        "text_body": post.body.strip(),
        "url": post_url(post),
        "date": date_format(timezone.localtime(when), "j F Y"),
    }


def rendered(post: NewsPost, *, unsubscribe_url: str = "") -> tuple[str, str, str]:
    """(subject, text, html) as a resident gets it: for the preview page."""
    return render_email(TEMPLATE_BASE, {**context_for(post), "unsubscribe_url": unsubscribe_url})
