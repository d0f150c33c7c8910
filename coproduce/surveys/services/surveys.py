"""Making, changing, publishing and closing a survey."""

from datetime import datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.places.models import Ward

from .. import permissions
from ..models import Survey


@transaction.atomic
def survey_create(
    *,
    by,
    title: str,
    why: str,
    what_happens_next: str,
    ward: Ward | None,
    is_anonymous: bool,
    is_poll: bool,
    results_public: bool,
    opens_at: datetime,
    closes_at: datetime,
) -> Survey:
    """A new draft survey run by `by`, who must be an officer or an organiser."""
    if not permissions.can_create(by):
        raise NotAllowed(_("Only council officers and organisers can make surveys."))
    _check_dates(opens_at, closes_at)
    return Survey.objects.create(
        owner=by,
        title=title,
        why=why,
        what_happens_next=what_happens_next,
        ward=ward,
        is_anonymous=is_anonymous,
        is_poll=is_poll,
        results_public=results_public,
        opens_at=opens_at,
        closes_at=closes_at,
    )


def _check_dates(opens_at: datetime, closes_at: datetime) -> None:
    if closes_at <= opens_at:
        raise Refusal(_("The closing date must be after the opening date."), field="closes_on")


@transaction.atomic
def survey_update(*, survey: Survey, by, **fields: Any) -> Survey:
    """Change a survey's words, who it is for and its dates. Once it has answers, whether it
    is anonymous and who it is for stay as people were told."""
    permissions.check_manage(by, survey)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    allowed = {
        "title",
        "why",
        "what_happens_next",
        "ward",
        "is_anonymous",
        "is_poll",
        "results_public",
        "opens_at",
        "closes_at",
    }
    unknown = set(fields) - allowed
    if unknown:
        raise ValueError(f"survey_update cannot change {sorted(unknown)}")
    if survey.responses.exists():
        if "is_anonymous" in fields and fields["is_anonymous"] != survey.is_anonymous:
            raise Refusal(
                _("People have answered already, so you cannot change whether it is anonymous."),
                field="is_anonymous",
            )
        if "ward" in fields and fields["ward"] != survey.ward:
            raise Refusal(
                _("People have answered already, so you cannot change who it is for."),
                field="ward",
            )
    if fields.get("is_poll") and survey.questions.count() > 1:
        raise Refusal(_("A poll has one question. Remove the others first."), field="is_poll")
    _check_dates(fields.get("opens_at", survey.opens_at), fields.get("closes_at", survey.closes_at))
    for name, value in fields.items():
        setattr(survey, name, value)
    survey.save()
    return survey


@transaction.atomic
def survey_publish(*, survey: Survey, by) -> Survey:
    """Publish a draft: it opens on its opening date. Its questions cannot change after this."""
    permissions.check_manage(by, survey)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != Survey.Status.DRAFT:
        raise Refusal(_("This survey has been published already."))
    questions = list(survey.questions.prefetch_related("options"))
    if not questions:
        raise Refusal(_("Add at least one question before you publish."))
    if survey.is_poll and len(questions) != 1:
        raise Refusal(_("A poll must have exactly one question."))
    for question in questions:
        if question.has_options and len(question.options.all()) < 2:
            raise Refusal(
                _("The question “%(question)s” needs at least two options.")
                % {"question": question.text}
            )
    if survey.closes_at <= timezone.now():
        raise Refusal(_("The closing date has passed. Choose a later one first."))
    survey.status = Survey.Status.PUBLISHED
    survey.save(update_fields=["status", "updated_at"])
    return survey


@transaction.atomic
def survey_close(*, survey: Survey, by) -> Survey:
    """Close an open (or not yet open) survey now. Answers given so far are kept."""
    permissions.check_manage(by, survey)
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    now = timezone.now()
    if survey.state(now) not in (Survey.State.OPEN, Survey.State.NOT_YET_OPEN):
        raise Refusal(_("Only an open survey can be closed."))
    if survey.opens_at >= now:
        survey.opens_at = now - timedelta(seconds=1)
    survey.closes_at = now
    survey.save(update_fields=["opens_at", "closes_at", "updated_at"])
    return survey
