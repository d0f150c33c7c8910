"""The letter run for people subscribed by post: claim, print, mark as printed."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal

from .models import Channel, LetterRun, Waiting

# Letters -------------------------------------------------------------------------------


@transaction.atomic
def letter_run_prepare(*, by) -> LetterRun:
    """Claim every postal item waiting now into a new run of letters."""
    if not by.has_perm("subscriptions.run_letters"):
        raise NotAllowed(_("You cannot print letters."))
    unclaimed = Waiting.objects.filter(channel=Channel.POST, letter_run__isnull=True)
    if not unclaimed.exists():
        raise Refusal(_("No letters are waiting."))
    run = LetterRun.objects.create(prepared_by=by)
    unclaimed.update(letter_run=run)
    run.letters = Waiting.objects.filter(letter_run=run).values("subscriber_id").distinct().count()
    run.save(update_fields=["letters", "updated_at"])
    return run


@transaction.atomic
def letter_run_mark_printed(*, run: LetterRun, by) -> LetterRun:
    """Record that a run's letters are printed: its items leave the waiting list for good."""
    if not by.has_perm("subscriptions.run_letters"):
        raise NotAllowed(_("You cannot print letters."))
    run = LetterRun.objects.select_for_update().get(pk=run.pk)
    if run.printed_at is not None:
        raise Refusal(_("These letters were already marked as printed."))
    Waiting.objects.filter(letter_run=run).delete()
    run.printed_at = timezone.now()
    run.printed_by = by
    run.save(update_fields=["printed_at", "printed_by", "updated_at"])
    return run
