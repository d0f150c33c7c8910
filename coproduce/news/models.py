from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.groups.models import Organisation
from coproduce.places.models import Ward


class NewsPost(TimeStampedModel):
    """A piece of council news: a page on the site, an item in the buckets it is for, and,
    if the officer chose, an email to everyone it is aimed at (a mailing).

    Written by officers (the permission `news.publish_news`); residents see it once it is
    published. Every change goes through news/services.py.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SCHEDULED = "scheduled", _("Scheduled")
        PUBLISHED = "published", _("Published")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    class Audience(models.TextChoices):
        EVERYONE = "everyone", _("Everyone in the borough")
        CHOSEN = "chosen", _("Only people in the wards, groups or topics I choose")

    title = models.CharField(_("title"), max_length=150)
    # Set once, when the post is first saved, so links to it never break.
    slug = models.SlugField(_("web address"), max_length=80, unique=True)
    summary = models.CharField(_("summary"), max_length=300)
    body = models.TextField(_("the news"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="news_posts",
        verbose_name=_("written by"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    publish_at = models.DateTimeField(_("publish at"), null=True, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    audience = models.CharField(
        _("who it is for"), max_length=10, choices=Audience.choices, default=Audience.EVERYONE
    )
    # Buckets of information other than wards and groups, as subscription topic keys
    # ("theme:food"): see coproduce/subscriptions/buckets.py.
    topics = models.JSONField(_("topics"), default=list, blank=True)
    wards = models.ManyToManyField(Ward, blank=True, related_name="news_posts")
    groups = models.ManyToManyField(Organisation, blank=True, related_name="news_posts")
    send_email = models.BooleanField(_("also send by email"), default=False)
    mailing = models.ForeignKey(
        "mailing.Mailing",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("the email sent"),
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("news post")
        verbose_name_plural = _("news posts")
        permissions = [("publish_news", _("Can write and publish council news"))]
        indexes = [
            models.Index(fields=["status", "-published_at"], name="news_published"),
            models.Index(fields=["status", "publish_at"], name="news_due"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="scheduled") | models.Q(publish_at__isnull=False),
                name="news_scheduled_has_time",
            ),
            models.CheckConstraint(
                condition=~models.Q(status="published") | models.Q(published_at__isnull=False),
                name="news_published_has_time",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status == self.Status.PUBLISHED

    @property
    def can_change(self) -> bool:
        """Drafts and scheduled posts can be changed; published or withdrawn ones cannot."""
        return self.status in (self.Status.DRAFT, self.Status.SCHEDULED)
