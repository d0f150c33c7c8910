"""Threads of messages between people about one thing: a project, an event, a shared item.

A thread is about one subject (any model, through contenttypes) and one member: the person
who asked. The subject's team (a project's owners, an event's organisers, an item's giver)
joins as participants. Only participants read it. Messages stay on the platform; an email
address is shown only between two participants who have both agreed to share theirs.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel


class Thread(TimeStampedModel):
    """One conversation about one thing, between one member and the thing's team."""

    topic = models.CharField(max_length=40)  # the registered topic's slug: "project", "event"
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    # Kept so the thread still reads well if the thing is renamed or removed.
    subject_title = models.CharField(max_length=200)
    subject_url = models.CharField(max_length=300, blank=True)
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="message_threads_started",
    )
    last_message_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-last_message_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["subject_type", "subject_id", "member"],
                condition=Q(member__isnull=False),
                name="messaging_one_thread_per_subject_and_member",
            )
        ]
        indexes = [models.Index(fields=["subject_type", "subject_id"], name="thread_subject")]

    def __str__(self) -> str:
        return self.subject_title


class Participant(TimeStampedModel):
    """A person in a thread: when they last read it, and whether they agreed to share email."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="message_participations",
    )
    last_read_at = models.DateTimeField(null=True, blank=True)
    # When this person agreed to show their email address to the others who agree too.
    email_shared_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["thread", "user"],
                condition=Q(user__isnull=False),
                name="messaging_participant_once",
            )
        ]
        indexes = [models.Index(fields=["user", "thread"], name="participant_user")]

    def __str__(self) -> str:
        return f"{self.user_id} in {self.thread_id}"


class Message(models.Model):
    """One message. Never edited; its sender becomes "a former member" if they leave."""

    thread = models.ForeignKey(Thread, on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="messages_sent",
    )
    body = models.TextField(_("message"))
    sent_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["sent_at", "pk"]

    def __str__(self) -> str:
        return f"Message {self.pk} in {self.thread_id}"


class ContactProtection(models.Model):
    """Nobody may start a thread with this person or bring them into one, and they are kept
    out of direct messages altogether (a young member of a youth panel, for instance).

    Set and lifted by the app that knows why (`source` says which rule set it, such as
    "commissioning.member:12"); messaging only asks whether any protection is in force.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_protections"
    )
    source = models.CharField(max_length=100)
    reason = models.CharField(max_length=300)
    # The first day it no longer applies (a young person's 18th birthday); none: until lifted.
    until = models.DateField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["user", "source"], name="messaging_protection_once")
        ]

    def __str__(self) -> str:
        return f"Protection of {self.user_id} ({self.source})"
