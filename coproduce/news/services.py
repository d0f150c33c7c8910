"""Every write to council news: writing, scheduling, publishing, withdrawing, test sends.

Publishing is safe to run twice at once (a button pressed twice, or two schedulers): the
post moves to "published" in one conditional UPDATE, and only the run that moved it goes on
to announce it and make its mailing. Adding the recipients (400,000 for everyone) happens in
a task after the publishing commits, so a page never waits for it; that task is safe to run
twice as well (it locks the post and fills the mailing only while the mailing is a draft).
"""

from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django_tasks import task

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.groups.models import Organisation
from coproduce.mailing.models import Mailing
from coproduce.mailing.services import (
    mailing_cancel,
    mailing_create,
    mailing_recipients_add,
    mailing_send_test,
    mailing_start,
)
from coproduce.mailing.types import Recipient
from coproduce.places.models import Ward
from coproduce.subscriptions import keys
from coproduce.subscriptions.services import item_announce

from . import audience, emails, permissions
from .models import NewsPost

PURPOSE = "news"
SLUG_LENGTH = 60
# Words the news pages use in their own web addresses, so no post may take them.
RESERVED_SLUGS = frozenset({"write", "drafts", "feed", "new"})
# A published post's mailing still a draft this long after publishing was not filled (its
# task was lost or killed); `post_mailings_resume` fills it.
FILL_GRACE = timedelta(minutes=5)


def _check_writer(by) -> None:
    if not permissions.can_write_news(by):
        raise NotAllowed(_("Only council officers who write news can do this."))


def _source(post: NewsPost) -> str:
    return f"news.post:{post.pk}"


def _unique_slug(title: str) -> str:
    base = slugify(title)[:SLUG_LENGTH].strip("-") or "news"
    slug, number = base, 1
    while slug in RESERVED_SLUGS or NewsPost.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base[: SLUG_LENGTH - 6]}-{number}"
    return slug


def _clean(
    *,
    title: str,
    summary: str,
    body: str,
    audience_kind: str,
    topics: list[str],
    wards: list[Ward],
    groups: list[Organisation],
) -> dict:
    fields = {"title": title.strip(), "summary": summary.strip(), "body": body.strip()}
    for name, message in [
        ("title", _("Give the news a title.")),
        ("summary", _("Say in a sentence what the news is.")),
        ("body", _("Write the news.")),
    ]:
        if not fields[name]:
            raise Refusal(message, field=name)
    if audience_kind not in NewsPost.Audience.values:
        raise Refusal(_("Choose who the news is for."), field="audience")
    for key in topics:
        try:
            keys.parse(key)
        except keys.BadTopic:
            raise Refusal(_("Choose topics from the list."), field="topics") from None
    if audience_kind == NewsPost.Audience.CHOSEN and not (topics or wards or groups):
        raise Refusal(
            _("Choose at least one ward, group or topic, or send it to everyone."),
            field="audience",
        )
    if audience_kind == NewsPost.Audience.EVERYONE:
        topics, wards, groups = [], [], []
    return {
        **fields,
        "audience": audience_kind,
        "topics": sorted(set(topics)),
        "wards": wards,
        "groups": groups,
    }


@transaction.atomic
def post_create(
    *,
    by,
    title: str,
    summary: str,
    body: str,
    audience_kind: str = NewsPost.Audience.EVERYONE,
    topics: list[str] | None = None,
    wards: list[Ward] | None = None,
    groups: list[Organisation] | None = None,
    send_email: bool = False,
) -> NewsPost:
    """Start a post, as a draft. Only officers who write news may."""
    _check_writer(by)
    fields = _clean(
        title=title,
        summary=summary,
        body=body,
        audience_kind=audience_kind,
        topics=topics or [],
        wards=wards or [],
        groups=groups or [],
    )
    wards_, groups_ = fields.pop("wards"), fields.pop("groups")
    post = NewsPost.objects.create(
        **fields, slug=_unique_slug(fields["title"]), author=by, send_email=send_email
    )
    post.wards.set(wards_)
    post.groups.set(groups_)
    return post


def _locked(post: NewsPost) -> NewsPost:
    return NewsPost.objects.select_for_update().get(pk=post.pk)


@transaction.atomic
def post_update(
    *,
    post: NewsPost,
    by,
    title: str,
    summary: str,
    body: str,
    audience_kind: str = NewsPost.Audience.EVERYONE,
    topics: list[str] | None = None,
    wards: list[Ward] | None = None,
    groups: list[Organisation] | None = None,
    send_email: bool = False,
) -> NewsPost:
    """Change a draft or scheduled post. Its web address stays the same."""
    _check_writer(by)
    post = _locked(post)
    if not post.can_change:
        raise Refusal(_("This news has been published, so it cannot be changed."))
    fields = _clean(
        title=title,
        summary=summary,
        body=body,
        audience_kind=audience_kind,
        topics=topics or [],
        wards=wards or [],
        groups=groups or [],
    )
    post.wards.set(fields.pop("wards"))
    post.groups.set(fields.pop("groups"))
    for name, value in fields.items():
        setattr(post, name, value)
    post.send_email = send_email
    post.save()
    return post


@transaction.atomic
def post_schedule(
    *, post: NewsPost, by, publish_at: datetime, now: datetime | None = None
) -> NewsPost:
    """Publish the post at a time to come (`news_publish_due` does it, every minute)."""
    _check_writer(by)
    post = _locked(post)
    if not post.can_change:
        raise Refusal(_("This news has already been published."))
    if publish_at <= (now or timezone.now()):
        raise Refusal(_("Choose a time in the future."), field="day")
    post.status = NewsPost.Status.SCHEDULED
    post.publish_at = publish_at
    post.save(update_fields=["status", "publish_at", "updated_at"])
    return post


@transaction.atomic
def post_unschedule(*, post: NewsPost, by) -> NewsPost:
    """Take a scheduled post back to a draft, so it is not published."""
    _check_writer(by)
    post = _locked(post)
    if post.status != NewsPost.Status.SCHEDULED:
        raise Refusal(_("This news is not waiting to be published."))
    post.status = NewsPost.Status.DRAFT
    post.publish_at = None
    post.save(update_fields=["status", "publish_at", "updated_at"])
    return post


def _publish(post_id: int, *, by, now: datetime, only_due: bool) -> NewsPost | None:
    """Move the post to published, then announce it and make its mailing; None if another
    run published it first (or it is no longer waiting)."""
    waiting = NewsPost.objects.filter(pk=post_id)
    if only_due:
        waiting = waiting.filter(status=NewsPost.Status.SCHEDULED, publish_at__lte=now)
    else:
        waiting = waiting.filter(status__in=[NewsPost.Status.DRAFT, NewsPost.Status.SCHEDULED])
    if not waiting.update(status=NewsPost.Status.PUBLISHED, published_at=now, updated_at=now):
        return None
    post = NewsPost.objects.prefetch_related("wards", "groups").get(pk=post_id)
    item_announce(
        source=_source(post),
        thing=audience.THING,
        title=post.title,
        summary=post.summary,
        url=emails.post_url(post),
        topics=audience.topics_of(post),
        # An emailed post reaches its subscribers in the newsletter; the bucket then only
        # lists it, so nobody gets it twice.
        deliver=not post.send_email,
    )
    if post.send_email:
        post.mailing = mailing_create(
            purpose=PURPOSE,
            template_base=emails.TEMPLATE_BASE,
            context=emails.context_for(post),
            label=post.title,
            created_by=by or post.author,
        )
        post.save(update_fields=["mailing"])
        transaction.on_commit(lambda: fill_news_mailing.enqueue(post.pk))
    return post


@transaction.atomic
def post_publish(*, post: NewsPost, by, now: datetime | None = None) -> NewsPost:
    """Publish a draft or scheduled post now: its page, its bucket item, and its email if
    chosen. Pressing the button twice publishes it once."""
    _check_writer(by)
    published = _publish(post.pk, by=by, now=now or timezone.now(), only_due=False)
    if published is None:
        raise Refusal(_("This news has already been published."))
    return published


def posts_publish_due(*, now: datetime | None = None) -> int:
    """Publish every scheduled post whose time has come; how many this run published.

    Each post in its own transaction; two runs at once publish each post once.
    """
    now = now or timezone.now()
    due = NewsPost.objects.filter(status=NewsPost.Status.SCHEDULED, publish_at__lte=now)
    published = 0
    with transaction.atomic():
        due_ids = list(due.order_by("publish_at", "pk").values_list("pk", flat=True))
    for post_id in due_ids:
        with transaction.atomic():
            if _publish(post_id, by=None, now=now, only_due=True) is not None:
                published += 1
    return published


@transaction.atomic
def post_mailing_fill(*, post_id: int) -> int:
    """Add everyone the post is for to its mailing, and start sending; how many were added.

    Runs in a task after publishing. Safe to run twice: it holds the post's row, and fills
    the mailing only while it is a draft (a second run finds it sending and does nothing).
    """
    post = (
        NewsPost.objects.select_for_update()
        .filter(pk=post_id, status=NewsPost.Status.PUBLISHED, mailing__isnull=False)
        .first()
    )
    if post is None:
        return 0
    mailing = Mailing.objects.select_for_update().get(pk=post.mailing_id)
    if mailing.status != Mailing.Status.DRAFT:
        return 0
    added = mailing_recipients_add(mailing=mailing, recipients=audience.recipients(post))
    mailing_start(mailing=mailing)
    return added


# The task lives beside the service it runs, so publishing can queue it without a cycle
# between this module and tasks.py.
@task()
def fill_news_mailing(post_id: int) -> int:
    """Add everyone a published post is for to its mailing and start sending it."""
    return post_mailing_fill(post_id=post_id)


def post_mailings_resume(*, now: datetime | None = None) -> int:
    """Fill the mailings of posts published a while ago whose filling task never finished."""
    before = (now or timezone.now()) - FILL_GRACE
    stuck = NewsPost.objects.filter(
        status=NewsPost.Status.PUBLISHED,
        published_at__lte=before,
        mailing__status=Mailing.Status.DRAFT,
    ).values_list("pk", flat=True)
    resumed = 0
    for post_id in list(stuck):
        post_mailing_fill(post_id=post_id)
        resumed += 1
    return resumed


@transaction.atomic
def post_withdraw(*, post: NewsPost, by) -> NewsPost:
    """Take published news down: its page goes, and emails not yet sent are not sent."""
    _check_writer(by)
    post = _locked(post)
    if post.status != NewsPost.Status.PUBLISHED:
        raise Refusal(_("Only published news can be withdrawn."))
    post.status = NewsPost.Status.WITHDRAWN
    post.withdrawn_at = timezone.now()
    post.save(update_fields=["status", "withdrawn_at", "updated_at"])
    # The bucket item stays (subscriptions keeps what it listed) but says it was withdrawn.
    item_announce(
        source=_source(post),
        thing=audience.THING,
        title=_("Withdrawn: %(title)s") % {"title": post.title},
        summary=_("This news was withdrawn."),
        url=emails.post_url(post),
        topics=audience.topics_of(post),
        deliver=False,
    )
    if post.mailing_id is not None:
        mailing = Mailing.objects.get(pk=post.mailing_id)
        if mailing.status not in (Mailing.Status.SENT, Mailing.Status.CANCELLED):
            mailing_cancel(mailing=mailing, by=by)
    return post


def post_send_test(*, post: NewsPost, by) -> None:
    """Email one copy of the post, as residents will get it, to the officer's own address."""
    _check_writer(by)
    if not by.has_email:
        raise Refusal(_("Your account has no email address to send a test to."))
    mailing_send_test(
        template_base=emails.TEMPLATE_BASE,
        context=emails.context_for(post),
        recipient=Recipient(
            address=by.email,
            user_id=by.pk,
            unsubscribe_url=audience.unsubscribe_link(by.pk),
        ),
    )
