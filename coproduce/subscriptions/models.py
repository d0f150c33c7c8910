"""Buckets of information: who subscribes to what, the items that go into buckets, and what is
waiting for each person's summary email or letter."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel

from . import keys


class Frequency(models.IntegerChoices):
    # Numbers, so "the most often of several" is MIN() in SQL.
    NOW = 0, _("Straight away")
    DAILY = 1, _("Once a day")
    WEEKLY = 2, _("Once a week")


class Channel(models.TextChoices):
    EMAIL = "email", _("By email")
    POST = "post", _("By post")


class Thing(models.TextChoices):
    PROJECTS = "projects", _("New projects")
    EVENTS = "events", _("Events")
    FUNDING = "funding", _("Funding")
    ITEMS = "items", _("Things to give, lend and borrow")
    DECISIONS = "decisions", _("Decisions and results")
    NEWS = "news", _("Council news")


assert tuple(Thing.values) == keys.THINGS


class Subscriber(TimeStampedModel):
    """Someone who gets buckets: an account, or a confirmed email address with no account.

    An account's email is read from the account when sending, so a change of address follows.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="subscriber",
    )
    # Only for people without an account; stripped and lower case.
    email = models.EmailField(_("email address"), null=True, blank=True, unique=True)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(user__isnull=False, email__isnull=True)
                | Q(user__isnull=True, email__isnull=False),
                name="subscriber_is_an_account_or_an_address",
            )
        ]

    def __str__(self) -> str:
        return f"subscriber {self.pk}"

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None

    @property
    def address(self) -> str | None:
        """Where email goes, or None when there is nowhere (an account with no email)."""
        if self.user_id is None:
            return self.email
        user = self.user
        if not user.is_active or not user.has_email:
            return None
        return user.email


class Subscription(TimeStampedModel):
    """One bucket a subscriber gets: a topic ("" for the whole borough), things, how often, how."""

    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="subscriptions"
    )
    topic = models.CharField(_("bucket"), max_length=keys.MAX_KEY, blank=True)
    things = models.PositiveSmallIntegerField(_("things"), default=keys.ALL_THINGS)
    frequency = models.PositiveSmallIntegerField(
        _("how often"), choices=Frequency.choices, default=Frequency.WEEKLY
    )
    channel = models.CharField(
        _("how"), max_length=10, choices=Channel.choices, default=Channel.EMAIL
    )
    # A copy of the subscriber's confirmation, so matching needs no join.
    confirmed = models.BooleanField(default=False, editable=False)
    # Who set it up for the person (an officer or champion acting for them), if not themselves.
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        ordering = ["topic", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "topic"], name="subscription_one_per_bucket"
            ),
        ]
        indexes = [
            # Matching: topic IN (...) among confirmed subscriptions, then the thing's bit.
            models.Index(
                fields=["topic", "frequency", "channel", "things", "subscriber"],
                name="subscription_match",
                condition=Q(confirmed=True),
            ),
        ]
        permissions = [
            ("run_letters", _("Can print and send letters to people subscribed by post")),
        ]

    def __str__(self) -> str:
        return f"{self.subscriber_id}: {self.topic or 'borough'}"

    @property
    def topic_key(self) -> str | None:
        return self.topic or None

    @property
    def thing_list(self) -> list[str]:
        return keys.things_of(self.things)


class Item(TimeStampedModel):
    """Something that goes into buckets: a new project, an event, funding, a decision, news."""

    source = models.CharField(max_length=100, unique=True)  # "projects.project:12"
    thing = models.CharField(_("what it is"), max_length=20, choices=Thing.choices)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    url = models.CharField(_("link"), max_length=500)
    topics = models.JSONField(default=list)  # the keys, as given; ItemTopic rows for queries
    starts_at = models.DateTimeField(null=True, blank=True)
    ends_at = models.DateTimeField(null=True, blank=True)
    where = models.CharField(_("where"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published"))
    delivered = models.BooleanField(default=False, editable=False)

    class Meta:
        ordering = ["-published_at", "-pk"]
        indexes = [models.Index(fields=["-published_at", "-id"], name="item_newest")]

    def __str__(self) -> str:
        return self.title


class ItemTopic(models.Model):
    """One topic of an item: a row each, so a bucket's page and feeds are one indexed query."""

    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="topic_rows")
    topic = models.CharField(max_length=keys.MAX_KEY)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["topic", "item"], name="item_topic_once"),
        ]

    def __str__(self) -> str:
        return self.topic


class Waiting(models.Model):
    """An item waiting for one person's summary email (daily or weekly) or letter.

    A row per person, item and channel; a run claims rows by locking and deleting them in the
    transaction that sends, so two runs never send the same item twice and none is lost.
    """

    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="waiting")
    item = models.ForeignKey(Item, on_delete=models.CASCADE, related_name="+")
    channel = models.CharField(max_length=10, choices=Channel.choices)
    frequency = models.PositiveSmallIntegerField(choices=Frequency.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    # Postal items claimed by a letter run that has not been marked printed yet.
    letter_run = models.ForeignKey(
        "LetterRun", on_delete=models.SET_NULL, null=True, blank=True, related_name="waiting"
    )
    # Set by the summary run that took the row, in the transaction that sends and deletes it.
    claim = models.CharField(max_length=32, blank=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["subscriber", "item", "channel"], name="waiting_once_per_person"
            ),
        ]
        indexes = [
            models.Index(fields=["channel", "frequency", "subscriber"], name="waiting_run"),
        ]

    def __str__(self) -> str:
        return f"{self.subscriber_id} {self.item_id} {self.channel}"


class LetterRun(TimeStampedModel):
    """A batch of letters for people subscribed by post: prepared, printed, then marked printed.

    Preparing claims every waiting postal item at that moment; items that arrive later wait for
    the next run, so none is lost, and a run marked printed never prints again.
    """

    prepared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    printed_at = models.DateTimeField(_("printed"), null=True, blank=True)
    printed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    letters = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"letter run {self.pk}"
