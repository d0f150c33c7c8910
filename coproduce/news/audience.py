"""Who a news post is emailed to, streamed: accounts and subscribers, each with the right
one-click unsubscribe link.

- Everyone: every active account with an email address that has not turned council news off
  (the notification kind "general" set to "never"), and every confirmed subscriber whose
  subscriptions want news.
- Chosen wards, groups and topics: the subscribers of those buckets who want news
  (subscriptions.selectors.recipients_for), accounts whose profile is in one of the wards,
  and members of the groups; accounts only if they have not turned council news off. (The
  groups app records no separate "may the group contact me" choice: joining a group is the
  consent, and the council-news choice is the way out.)

Nothing is held in memory: accounts come from the database in chunks and each becomes a
Recipient as it is read. An address may come twice (an account and a subscriber, or a member
of two groups): accounts come first, and the mailing keeps the first of each address.
"""

from collections.abc import Iterator

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.urls import reverse

from coproduce.common.email import absolute_url
from coproduce.mailing.types import Recipient
from coproduce.notifications import tokens
from coproduce.notifications.kinds import GENERAL, Frequency
from coproduce.notifications.models import NotificationPreference
from coproduce.subscriptions.models import Subscription
from coproduce.subscriptions.selectors import recipients_for

from .models import NewsPost

THING = "news"
CHUNK = 5_000
# Swapped for each person's own token in the reversed path (see `_unsubscribe_link`).
_MARKER = "TOKEN-MARKER"


def topics_of(post: NewsPost) -> list[str]:
    """The buckets a post goes into: its wards, groups and topics ([] for everyone)."""
    if post.audience == NewsPost.Audience.EVERYONE:
        return []
    ward_ids = sorted(ward.pk for ward in post.wards.all())
    group_ids = sorted(group.pk for group in post.groups.all())
    return [
        *(f"ward:{pk}" for pk in ward_ids),
        *(f"group:{pk}" for pk in group_ids),
        *post.topics,
    ]


def _accounts_with_email() -> QuerySet:
    opted_out = NotificationPreference.objects.filter(
        kind=GENERAL.slug, frequency=Frequency.NEVER
    ).values("user_id")
    return (
        get_user_model()
        .objects.filter(is_active=True, email__isnull=False)
        .exclude(email="")
        .exclude(email__endswith=".invalid")
        .exclude(pk__in=opted_out)
    )


def accounts_for(post: NewsPost) -> QuerySet:
    """(id, email) of the accounts a post is emailed to, once each, oldest account first."""
    accounts = _accounts_with_email()
    if post.audience != NewsPost.Audience.EVERYONE:
        ward_ids = [ward.pk for ward in post.wards.all()]
        group_ids = [group.pk for group in post.groups.all()]
        if not ward_ids and not group_ids:
            return accounts.none()
        reached = get_user_model().objects.filter(
            Q(profile__ward__in=ward_ids) | Q(memberships__organisation__in=group_ids)
        )
        accounts = accounts.filter(pk__in=reached.values("pk"))
    return accounts.order_by("pk").values_list("pk", "email")


class _UnsubscribeLinks:
    """The council-news unsubscribe link of each account; the path is reversed once."""

    def __init__(self) -> None:
        path = reverse("notifications:unsubscribe", args=[_MARKER])
        self.before, self.after = absolute_url(path).split(_MARKER)

    def __call__(self, user_id: int) -> str:
        return f"{self.before}{tokens.make(user_id=user_id, kind=GENERAL.slug)}{self.after}"


def unsubscribe_link(user_id: int) -> str:
    """One account's link to stop council news by email."""
    return _UnsubscribeLinks()(user_id)


def recipients(post: NewsPost) -> Iterator[Recipient]:
    """Everyone the post is emailed to, as mailing recipients, streamed."""
    link = _UnsubscribeLinks()
    for user_id, email in accounts_for(post).iterator(chunk_size=CHUNK):
        yield Recipient(address=email, user_id=user_id, unsubscribe_url=link(user_id))
    yield from subscribers_for(post)


def subscribers_for(post: NewsPost) -> Iterator[Recipient]:
    """Confirmed subscribers who want news in the post's buckets (any bucket for everyone)."""
    if post.audience == NewsPost.Audience.EVERYONE:
        # Every bucket anyone is subscribed to: a few thousand keys at most (themes, wards,
        # places, groups, series), so subscriptions' own matching query does the rest.
        buckets = (
            Subscription.objects.filter(confirmed=True)
            .order_by()
            .values_list("topic", flat=True)
            .distinct()
        )
        yield from recipients_for(topics=list(buckets), thing=THING)
    else:
        topics = topics_of(post)
        if topics:
            yield from recipients_for(topics=topics, thing=THING)
