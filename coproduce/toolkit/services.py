"""The only writers of the toolkit: guides and their versions, and answers to courses'
checks."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal

from . import permissions
from .models import Answer, Guide, GuideVersion, Option, Step, Topic


def _check_words(*, title: str, summary: str, body: str) -> None:
    for value, field, message in (
        (title, "title", _("Give the guide a title.")),
        (summary, "summary", _("Say in a sentence what the guide is for.")),
        (body, "body", _("Write the guide.")),
    ):
        if not value.strip():
            raise Refusal(message, field=field)


def _free_slug(title: str) -> str:
    base = slugify(title)[:150] or "guide"
    slug, n = base, 2
    while Guide.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def _new_version(
    guide: Guide, *, by, title: str, summary: str, body: str, note: str, restored_from=None
) -> GuideVersion:
    # Lock the guide's row so two saves at once cannot take the same number.
    guide = Guide.objects.select_for_update().get(pk=guide.pk)
    number = guide.version + 1
    version = GuideVersion.objects.create(
        guide=guide,
        number=number,
        title=title,
        summary=summary,
        body=body,
        note=note,
        saved_by=by,
        saved_at=timezone.now(),
        restored_from=restored_from,
    )
    Guide.objects.filter(pk=guide.pk).update(
        title=title, summary=summary, body=body, version=number, updated_at=timezone.now()
    )
    return version


@transaction.atomic
def guide_create(
    *, by, topic: str, title: str, summary: str, body: str, note: str = "", slug: str = ""
) -> Guide:
    """A new guide with its first version. Only officers who may edit guides."""
    if not permissions.can_edit_guides(by):
        raise NotAllowed(_("Only officers who look after the toolkit can write guides."))
    title, summary, body = title.strip(), summary.strip(), body.strip()
    _check_words(title=title, summary=summary, body=body)
    if topic not in Topic.values:
        raise Refusal(_("Choose what the guide is about."), field="topic")
    guide = Guide.objects.create(
        slug=slug or _free_slug(title), topic=topic, title=title, summary=summary, body=body
    )
    _new_version(
        guide, by=by, title=title, summary=summary, body=body, note=note or _("First version.")
    )
    guide.refresh_from_db()
    return guide


@transaction.atomic
def guide_update(
    *, guide: Guide, by, title: str, summary: str, body: str, note: str
) -> GuideVersion | None:
    """Save the guide's words as a new version, with who, when and what changed. Saving the
    same words again makes no new version (None)."""
    if not permissions.can_edit_guides(by):
        raise NotAllowed(_("Only officers who look after the toolkit can change guides."))
    title, summary, body, note = title.strip(), summary.strip(), body.strip(), note.strip()
    _check_words(title=title, summary=summary, body=body)
    if not note:
        raise Refusal(_("Say in a few words what you changed."), field="note")
    if (title, summary, body) == (guide.title, guide.summary, guide.body):
        return None
    return _new_version(guide, by=by, title=title, summary=summary, body=body, note=note)


@transaction.atomic
def guide_restore(*, guide: Guide, version: GuideVersion, by) -> GuideVersion:
    """Bring back an old version's words as the newest version. History is never lost: the
    versions in between stay."""
    if not permissions.can_edit_guides(by):
        raise NotAllowed(_("Only officers who look after the toolkit can change guides."))
    if version.guide_id != guide.pk:
        raise Refusal(_("That version belongs to another guide."))
    guide.refresh_from_db()
    if version.number == guide.version:
        raise Refusal(_("This is already the version people see."))
    return _new_version(
        guide,
        by=by,
        title=version.title,
        summary=version.summary,
        body=version.body,
        note=_("Brought back version %(number)s.") % {"number": version.number},
        restored_from=version.number,
    )


@transaction.atomic
def answer_record(*, user, step: Step, option: Option) -> Answer:
    """Keep this person's answer to the step's check. The step is done once they choose the
    right answer; a wrong answer later never undoes that."""
    if not permissions.can_keep_progress(user):
        raise NotAllowed(_("Sign in to save your progress."))
    if option.step_id != step.pk:
        raise Refusal(_("Choose one of the answers."), field="option")
    now = timezone.now()
    answer = Answer.objects.select_for_update().filter(user=user, step=step).first()
    if answer is None:
        return Answer.objects.create(
            user=user,
            step=step,
            option=option,
            is_right=option.is_right,
            answered_at=now,
            done_at=now if option.is_right else None,
        )
    answer.option = option
    answer.is_right = option.is_right
    answer.tries += 1
    answer.answered_at = now
    if option.is_right and answer.done_at is None:
        answer.done_at = now
    answer.save(update_fields=["option", "is_right", "tries", "answered_at", "done_at"])
    return answer


@transaction.atomic
def progress_reset(*, user, course) -> int:
    """Forget this person's answers in a course, to take it again. Gives how many went."""
    if not permissions.can_keep_progress(user):
        raise NotAllowed(_("Sign in to save your progress."))
    deleted, _counts = Answer.objects.filter(user=user, step__course=course).delete()
    return deleted
