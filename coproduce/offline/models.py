"""People who are not online: their record, their consent, and everything done for them.

An offline resident has an ordinary account (with no email address) so that they can take
part like anyone else: places at events, answers to polls, time in the time bank. This app
holds what only offline residents need: how they want to be contacted, the consent they gave,
and the log of every act an officer or champion did for them.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel


class AppendOnly(Exception):
    """The acting log is never changed or removed, only anonymised by its one service."""


class OfflineResident(TimeStampedModel):
    """A resident registered by an officer or a street champion, with their consent."""

    class Contact(models.TextChoices):
        POST = "post", _("By post")
        PHONE = "phone", _("By phone")
        CHAMPION = "champion", _("Through their street champion")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="offline_record"
    )
    street = models.ForeignKey(
        "places.Street", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    ward = models.ForeignKey(
        "places.Ward", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    contact_by = models.CharField(_("how to contact them"), max_length=10, choices=Contact.choices)
    postal_address = models.TextField(_("postal address"), blank=True)
    phone = models.CharField(_("phone number"), max_length=40, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offline_registered",
    )
    # The champion who looks after them: the champion who registered them, if one did.
    champion = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offline_championed",
    )
    taken_over_at = models.DateTimeField(_("taken over by them"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("offline resident")
        verbose_name_plural = _("offline residents")
        permissions = [
            ("register_offline", _("Can register and act for residents who are not online")),
        ]

    def __str__(self) -> str:
        return f"Offline resident {self.pk}"

    @property
    def reference(self) -> str:
        """The number written on paper to find this record again."""
        return f"R{self.pk}"


class Consent(models.Model):
    """Consent to hold the record and act for the person: who took it, when, and the words."""

    class Agreement(models.TextChoices):
        RECORD = "record", _("We keep their name, street and how to contact them")
        ACT = "act", _("Officers and their champion may do things for them on the platform")
        CONTACT = "contact", _("We may contact them in the way they chose")

    class How(models.TextChoices):
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("On the phone")
        PAPER = "paper", _("On a paper sheet")

    resident = models.ForeignKey(OfflineResident, on_delete=models.CASCADE, related_name="consents")
    taken_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    taken_at = models.DateTimeField(_("when"), default=timezone.now)
    how = models.CharField(_("how"), max_length=10, choices=How.choices)
    script = models.TextField(_("what was read to them"))
    agreed_to = models.JSONField(_("what they agreed to"), default=list)
    paper_sheet = models.ForeignKey(
        "PaperSheet", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-taken_at", "-pk"]

    def __str__(self) -> str:
        return f"Consent {self.pk}"


class ActQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AppendOnly("The acting log cannot be changed.")

    def delete(self):
        raise AppendOnly("The acting log cannot be removed.")

    def _anonymise(self, **kwargs) -> int:
        """Only for closing an account (services.acts_anonymise): the rows stay."""
        return super().update(**kwargs)


class Act(models.Model):
    """One thing done for an offline resident: who did it, for whom, what, when, on what."""

    class Kind(models.TextChoices):
        REGISTERED = "registered", _("Registered them")
        CONSENT = "consent", _("Recorded their consent")
        CHANGED = "changed", _("Changed their details")
        RSVP = "rsvp", _("Took a place at an event")
        CAME = "came", _("Recorded they came to an event")
        SUBSCRIBED = "subscribed", _("Subscribed them by post")
        TIME = "time", _("Recorded time in the time bank")
        TIME_CONFIRMED = "time_confirmed", _("Confirmed time in the time bank")
        POLL = "poll", _("Entered their answers to a poll")
        NOTE = "note", _("Typed in what they said")
        TAKEOVER_ASKED = "takeover_asked", _("Sent a link to take over the account")
        TAKEN_OVER = "taken_over", _("They took over their account")

    resident = models.ForeignKey(
        OfflineResident, on_delete=models.SET_NULL, null=True, blank=True, related_name="acts"
    )
    for_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offline_acts_for_me",
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offline_acts_done",
    )
    kind = models.CharField(_("what"), max_length=20, choices=Kind.choices)
    summary = models.CharField(_("details"), max_length=300, blank=True)
    target = models.CharField(_("on what"), max_length=60, blank=True)  # "gatherings.rsvp:12"
    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)

    objects = ActQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["resident", "-at"], name="offline_act_resident")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind} {self.target}"

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            raise AppendOnly("The acting log cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnly("The acting log cannot be removed.")


class PaperSheet(TimeStampedModel):
    """A printed sign-up sheet, numbered so that what is typed in from it can say so."""

    class Kind(models.TextChoices):
        EVENT = "event", _("Sign-up sheet for an event")
        STREET = "street", _("Street conversation sheet")

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    event = models.ForeignKey(
        "gatherings.Event", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    street = models.ForeignKey(
        "places.Street", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offline_sheets",
    )
    rows_typed_in = models.PositiveIntegerField(_("rows typed in"), default=0)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind="event", event__isnull=False)
                | models.Q(kind="street", event__isnull=True),
                name="offline_sheet_event_for_event_sheets",
            )
        ]

    def __str__(self) -> str:
        return f"Sheet {self.pk}"


class StreetNote(TimeStampedModel):
    """What someone said in a street conversation, typed in from a sheet. Name optional."""

    sheet = models.ForeignKey(PaperSheet, on_delete=models.CASCADE, related_name="notes")
    street = models.ForeignKey(
        "places.Street", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="offline_street_notes",
    )
    said = models.TextField(_("what they said"))
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Street note {self.pk}"


class WalkIns(TimeStampedModel):
    """People who came to an event without a place or a name: one count per event."""

    event = models.OneToOneField(
        "gatherings.Event", on_delete=models.CASCADE, related_name="walk_ins"
    )
    count = models.PositiveIntegerField(_("people who walked in"), default=0)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("walk-ins")
        verbose_name_plural = _("walk-ins")

    def __str__(self) -> str:
        return f"Walk-ins at event {self.event_id}: {self.count}"
