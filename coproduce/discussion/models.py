from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.projects.models import Project

MAX_BODY = 5000


class Comment(TimeStampedModel):
    """Something said on a project's page. A reply hangs under one top-level comment."""

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="comments",
    )
    # One level of replies: a reply's parent is always a top-level comment.
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    body = models.TextField(_("comment"), max_length=MAX_BODY)
    is_hidden = models.BooleanField(default=False)  # by a moderator, with a reason logged
    hidden_reason = models.CharField(max_length=500, blank=True)
    # Set when its author last changed the text; each earlier text is kept in CommentEdit.
    edited_at = models.DateTimeField(null=True, blank=True)
    # Set when its author deleted it. The row stays (for moderators, and so replies keep
    # their place); the thread shows "Comment deleted by its author" or nothing.
    deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # The thread: newest top-level comments of a project, then their replies.
            models.Index(fields=["project", "parent", "id"], name="comment_thread"),
        ]

    def __str__(self) -> str:
        return f"{self.author} on {self.project_id}: {self.body[:40]}"

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class CommentEdit(models.Model):
    """The text a comment had before its author changed it, kept for moderators."""

    comment = models.ForeignKey(Comment, on_delete=models.CASCADE, related_name="edits")
    body = models.TextField(max_length=MAX_BODY)
    # When this text was replaced.
    replaced_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["replaced_at", "pk"]

    def __str__(self) -> str:
        return f"Earlier text of comment {self.comment_id}"


class HiddenThing(models.Model):
    """Something of a registered kind (discussion/reporting.py) a moderator has hidden.

    The apps that own those things keep no flag of their own: they ask
    discussion.hiding whether one is hidden. Restoring deletes the row.
    """

    kind = models.CharField(max_length=10)  # a ReportTarget slug
    target_id = models.BigIntegerField()
    reason = models.CharField(max_length=500)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "target_id"], name="hidden_once_per_thing")
        ]

    def __str__(self) -> str:
        return f"Hidden {self.kind} {self.target_id}"


class Report(TimeStampedModel):
    """Someone telling the moderators that a comment, a project, or a thing of a kind
    registered in discussion/reporting.py (`target_kind`, `target_id`) breaks the rules."""

    class Reason(models.TextChoices):
        ABUSIVE = "abusive", _("It is rude, abusive or hateful")
        PERSONAL = "personal", _("It shares someone's personal details")
        SPAM = "spam", _("It is spam or advertising")
        UNTRUE = "untrue", _("It is misleading or untrue")
        OTHER = "other", _("Something else")

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        RESOLVED = "resolved", _("Resolved")

    comment = models.ForeignKey(
        Comment, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    project = models.ForeignKey(
        Project, on_delete=models.CASCADE, null=True, blank=True, related_name="reports"
    )
    # Anything else that can be reported, by its ReportTarget slug and its id.
    target_kind = models.CharField(max_length=10, blank=True)
    target_id = models.BigIntegerField(null=True, blank=True)
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reports_made"
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    details = models.TextField(_("more about it"), max_length=1000, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            models.Index(fields=["status", "created_at"], name="report_queue"),
            models.Index(fields=["target_kind", "target_id"], name="report_target"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(comment__isnull=False, project__isnull=True, target_id__isnull=True)
                | Q(comment__isnull=True, project__isnull=False, target_id__isnull=True)
                | Q(
                    comment__isnull=True,
                    project__isnull=True,
                    target_id__isnull=False,
                    target_kind__gt="",
                ),
                name="report_is_of_one_thing",
            ),
            models.UniqueConstraint(
                fields=["comment", "reporter"],
                condition=Q(status="open"),
                name="one_open_report_per_person_per_comment",
            ),
            models.UniqueConstraint(
                fields=["project", "reporter"],
                condition=Q(status="open"),
                name="one_open_report_per_person_per_project",
            ),
            models.UniqueConstraint(
                fields=["target_kind", "target_id", "reporter"],
                condition=Q(status="open", target_id__isnull=False),
                name="one_open_report_per_person_per_thing",
            ),
        ]

    def __str__(self) -> str:
        return f"Report of {self.kind} ({self.status})"

    @property
    def kind(self) -> str:
        """ "comment", "project", or the slug of the reported thing's kind."""
        if self.comment_id:
            return "comment"
        return "project" if self.project_id else self.target_kind


class ModerationAction(models.Model):
    """What a moderator did, to what, and why. Written once, never edited.

    The item is recorded by kind and id, with a copy of its text, rather than by foreign
    key, so that deleting the item later neither changes nor removes the record.
    """

    class Action(models.TextChoices):
        HIDE = "hide", _("Hidden")
        RESTORE = "restore", _("Restored")
        DISMISS = "dismiss", _("Report dismissed")
        APPROVE = "approve", _("Approved")
        REJECT = "reject", _("Not approved")

    class Target(models.TextChoices):
        COMMENT = "comment", _("Comment")
        PROJECT = "project", _("Project")
        # Kinds of things waiting for moderation (discussion/waiting.py) are logged by slug.
        STATEMENT = "statement", _("Statement")
        # Kinds of things that can be reported (discussion/reporting.py), logged by slug.
        ITEM = "item", _("Shared item")
        EVENT = "event", _("Event")
        PHOTO = "photo", _("Place photo")

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=10, choices=Action.choices)
    target = models.CharField(max_length=10, choices=Target.choices)
    target_id = models.BigIntegerField()
    target_text = models.TextField(blank=True)
    report_id = models.BigIntegerField(null=True, blank=True)
    reason = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["target", "target_id"], name="moderation_target")]

    def __str__(self) -> str:
        return f"{self.action} {self.target} {self.target_id}"

    def save(self, *args, **kwargs) -> None:
        # A log that can be rewritten is not a log.
        if self.pk is not None:
            raise ValueError("Moderation actions are never edited.")
        super().save(*args, **kwargs)
