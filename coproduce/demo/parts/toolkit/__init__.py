"""The demo toolkit: five guides and two short courses (coproduce/demo/parts/).

The guides' words are in guides.py and the courses' in courses.py, drawn from the council's
own notes and written for a reading age of 9. Each guide has a first version saved by the
demo officer some months ago; one has a later edit, so its history shows a change. Rows go
in directly, bypassing the services on purpose: nobody is told about made-up saves.
`build(ctx)` after accounts; `clear()` before them.
"""

from datetime import timedelta

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.toolkit.models import Course, Guide, GuideVersion, Option, Step

from ...context import DemoContext, dated, forget, keeping_dates, remembered
from ..accounts import email_for
from .courses import COURSES
from .guides import GUIDES

FIRST_SAVED_DAYS_AGO = 200
EDITED_DAYS_AGO = 40


def build(ctx: DemoContext) -> None:
    officer = User.objects.filter(email=email_for(Role.OFFICER)).first()
    with keeping_dates(Guide, Course):
        for slug, topic, title, summary, body, edit in GUIDES:
            _guide(ctx, officer, slug, topic, title, summary, body, edit)
        for position, (slug, title, summary, steps) in enumerate(COURSES):
            _course(ctx, position, slug, title, summary, steps)
    ctx.counts["guides"] = len(GUIDES)
    ctx.counts["courses"] = len(COURSES)


def _guide(ctx, officer, slug, topic, title, summary, body, edit) -> None:
    first = ctx.now - timedelta(days=FIRST_SAVED_DAYS_AGO)
    versions = [(first, "First version.", body)]
    if edit is not None:
        note, edited = edit
        versions.append((ctx.now - timedelta(days=EDITED_DAYS_AGO), note, edited))
    last_at, _note, last_body = versions[-1]
    guide = Guide(slug=slug, topic=topic, title=title, summary=summary, body=last_body, version=0)
    guide.version = len(versions)
    dated(guide, first).save()
    guide.updated_at = last_at
    Guide.objects.filter(pk=guide.pk).update(updated_at=last_at)
    made = GuideVersion.objects.bulk_create(
        GuideVersion(
            guide=guide,
            number=number,
            title=title,
            summary=summary,
            body=text,
            note=note,
            saved_by=officer,
            saved_at=when,
        )
        for number, (when, note, text) in enumerate(versions, start=1)
    )
    ctx.remember([guide, *made])


def _course(ctx, position, slug, title, summary, steps) -> None:
    course = dated(
        Course(slug=slug, title=title, summary=summary, position=position),
        ctx.now - timedelta(days=FIRST_SAVED_DAYS_AGO),
    )
    course.save()
    ctx.remember([course])
    for number, (step_title, body, question, options) in enumerate(steps, start=1):
        step = Step.objects.create(
            course=course, number=number, title=step_title, body=body, question=question
        )
        Option.objects.bulk_create(
            Option(step=step, position=i, text=text, is_right=right, feedback=feedback)
            for i, (text, right, feedback) in enumerate(options)
        )


def clear() -> None:
    # Steps, options, versions and answers go with their guide or course.
    Guide.objects.filter(pk__in=remembered(Guide)).delete()
    Course.objects.filter(pk__in=remembered(Course)).delete()
    for model in (Guide, GuideVersion, Course):
        forget(model)
