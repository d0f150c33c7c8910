"""Reads of the toolkit: guides and their history, courses with a person's progress, and
the practice stories a guide's page shows."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet

from coproduce.gatherings import selectors as gatherings
from coproduce.projects import selectors as projects

from .models import Answer, Course, Guide, GuideVersion, Option, Step, Topic

STORIES_SHOWN = 3


def guides() -> QuerySet[Guide]:
    return Guide.objects.only("slug", "topic", "title", "summary", "version", "updated_at")


def guide_by_slug(slug: str) -> Guide | None:
    return Guide.objects.filter(slug=slug).first()


def versions_of(guide: Guide) -> QuerySet[GuideVersion]:
    """Every version of the guide, newest first, with who saved it."""
    return guide.versions.select_related("saved_by__profile").order_by("-number")


def version_of(guide: Guide, number: int) -> GuideVersion | None:
    return guide.versions.select_related("saved_by__profile").filter(number=number).first()


def courses() -> QuerySet[Course]:
    return Course.objects.annotate(step_count=Count("steps"))


def course_by_slug(slug: str) -> Course | None:
    return (
        Course.objects.filter(slug=slug)
        .prefetch_related(Prefetch("steps", queryset=Step.objects.order_by("number")))
        .first()
    )


def step_of(course: Course, number: int) -> Step | None:
    return (
        course.steps.filter(number=number)
        .prefetch_related(Prefetch("options", queryset=Option.objects.order_by("position", "pk")))
        .first()
    )


@dataclass
class Progress:
    """How far a person has got through a course."""

    total: int
    answers: dict[int, Answer] = field(default_factory=dict)  # step id -> latest answer

    @property
    def done(self) -> int:
        return sum(1 for answer in self.answers.values() if answer.done_at is not None)

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.done >= self.total

    def is_done(self, step: Step) -> bool:
        answer = self.answers.get(step.pk)
        return answer is not None and answer.done_at is not None


def progress_in(course: Course, user) -> Progress:
    """This person's answers in the course (none for a visitor)."""
    steps = list(course.steps.all())
    if user is None or not user.is_authenticated:
        return Progress(total=len(steps))
    answers = Answer.objects.filter(user=user, step__course=course).select_related("option")
    return Progress(total=len(steps), answers={a.step_id: a for a in answers})


def progress_by_course(user) -> dict[int, int]:
    """How many steps this person has done in each course they started: course id -> count."""
    if user is None or not user.is_authenticated:
        return {}
    rows = (
        Answer.objects.filter(user=user, done_at__isnull=False)
        .values("step__course")
        .annotate(n=Count("pk"))
    )
    return {row["step__course"]: row["n"] for row in rows}


def next_step(course: Course, progress: Progress) -> Step | None:
    """Where to carry on: the first step not done yet (None when all are done)."""
    for step in course.steps.all():
        if not progress.is_done(step):
            return step
    return None


@dataclass
class Stories:
    """Practice stories for a guide's page: what sets busted, and what projects achieved."""

    barriers: list = field(default_factory=list)
    projects: list = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.barriers or self.projects)


def stories_for(guide: Guide, limit: int = STORIES_SHOWN) -> Stories:
    """Public stories only, read through the apps that hold them. An action learning set guide
    shows barriers sets busted; every guide shows completed projects' outcomes."""
    barriers = (
        gatherings.barriers_busted_recently(limit) if guide.topic == Topic.ACTION_LEARNING else []
    )
    return Stories(barriers=barriers, projects=projects.projects_completed_recently(limit))


def guide_for_topic(topic: str) -> Guide | None:
    """The guide on this topic (the oldest, when there are several)."""
    return Guide.objects.filter(topic=topic).order_by("pk").only("slug", "title").first()
