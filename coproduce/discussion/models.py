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

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [
            # The thread: newest top-level comments of a project, then their replies.
            models.Index(fields=["project", "parent", "id"], name="comment_thread"),
        ]

    def __str__(self) -> str:
        return f"{self.author} on {self.project_id}: {self.body[:40]}"


class Report(TimeStampedModel):
    """Someone telling the moderators that a comment or a project breaks the rules."""

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
        indexes = [models.Index(fields=["status", "created_at"], name="report_queue")]
        constraints = [
            models.CheckConstraint(
                condition=Q(comment__isnull=False, project__isnull=True)
                | Q(comment__isnull=True, project__isnull=False),
                name="report_is_of_a_comment_or_a_project",
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
        ]

    def __str__(self) -> str:
        return f"Report of {'comment' if self.comment_id else 'project'} ({self.status})"


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
