"""Feedback on a service from the people who used it, and the service's answers."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from coproduce.common.models import TimeStampedModel
from coproduce.directory.models import Service


class Rating(models.IntegerChoices):
    """How it went, on five points, worst first."""

    VERY_BAD = 1, _("Very bad")
    BAD = 2, _("Bad")
    OKAY = 3, _("Okay")
    GOOD = 4, _("Good")
    VERY_GOOD = 5, _("Very good")


class Feedback(TimeStampedModel):
    """One person's feedback on one service.

    `person` is who gave it when they were signed in: it lets them see, download and erase
    it, and lets an answer reach them in the site. The service sees their name only when
    `show_name` is on; otherwise it is anonymous to the service and to everyone else.
    """

    class ContactBy(models.TextChoices):
        NONE = "", _("Do not contact me")
        ACCOUNT = "account", _("Through my account on this website")
        EMAIL = "email", _("By email")

    class Via(models.TextChoices):
        STANDARD = "standard", _("Standard form")
        EASY_READ = "easy_read", _("Easy read")

    service = models.ForeignKey(
        Service, on_delete=models.CASCADE, related_name="feedback", verbose_name=_("service")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="service_feedback",
    )
    show_name = models.BooleanField(_("the service may see their name"), default=False)
    rating = models.PositiveSmallIntegerField(
        _("how it went"),
        choices=Rating.choices,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    went_well = models.TextField(_("what was good"), blank=True)
    could_be_better = models.TextField(_("what could be better"), blank=True)
    contact_by = models.CharField(
        _("may we contact them"), max_length=10, choices=ContactBy.choices, blank=True
    )
    # Only when they chose "by email"; never shown in public.
    contact_email = models.EmailField(_("email to contact them"), blank=True)
    words_public = models.BooleanField(_("their words may be shown without a name"), default=False)
    via = models.CharField(_("given with"), max_length=10, choices=Via.choices)
    answer = models.TextField(_("answer"), blank=True)
    answer_is_public = models.BooleanField(_("answer shown in public"), default=False)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("feedback")
        verbose_name_plural = _("feedback")
        indexes = [
            # The summary and the owner's newest-first list, per service.
            models.Index(fields=["service", "created_at"], name="feedback_service_created"),
            models.Index(fields=["service", "rating"], name="feedback_service_rating"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            )
        ]
        permissions = [("manage_any_feedback", "Manage feedback on any service")]

    def __str__(self) -> str:
        return f"Feedback {self.pk} on {self.service_id}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
