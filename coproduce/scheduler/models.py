from django.db import models
from django.utils.translation import gettext_lazy as _


class JobLock(models.Model):
    """One row per job: who holds it and until when. Taken with a row lock before a run."""

    job = models.CharField(_("job"), max_length=80, unique=True)
    held_until = models.DateTimeField(_("held until"), null=True, blank=True)
    held_by = models.CharField(_("held by"), max_length=200, blank=True)

    def __str__(self) -> str:
        return self.job


class JobRun(models.Model):
    """A job run for one slot. The unique slot is what makes "run once" hold across machines."""

    job = models.CharField(_("job"), max_length=80)
    slot = models.DateTimeField(_("due at"))
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    succeeded = models.BooleanField(_("succeeded"), null=True)
    output = models.TextField(_("output"), blank=True)
    runner = models.CharField(_("run by"), max_length=200)

    class Meta:
        ordering = ["-slot", "job"]
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="scheduler_one_run_per_slot")
        ]
        indexes = [models.Index(fields=["started_at"], name="scheduler_run_started")]

    def __str__(self) -> str:
        return f"{self.job} at {self.slot:%Y-%m-%d %H:%M}"
