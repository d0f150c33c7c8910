"""Which projects come to which session of the learning set, and who brings them."""

from dataclasses import dataclass

from coproduce.demo.context import remembered
from coproduce.gatherings.models import Treatment
from coproduce.projects.models import Owner, Project

from .cast import Cast
from .gathering import Gathering
from .set_words import DESCRIBED, OFFICERS_PROJECT


@dataclass
class Brought:
    """A project someone brings to the set: one on the platform, or described in a few lines."""

    title: str
    summary: str
    presenter: int
    project_id: int | None = None

    @property
    def key(self) -> tuple:
        """The same project: by its id, or by name when it is not on the platform."""
        return ("project", self.project_id) if self.project_id else ("title", self.title.lower())


def plan_treatments(ctx, rng, cast: Cast, learning: list[Gathering]):
    """Which projects come to which session, and who brings them.

    Returns, per session, a list of (what is brought, status). Past sessions have two or
    three projects (one may be coming again) and sometimes one declined; the next session
    has one coming again and one put forward; later sessions have none yet."""
    leads = list(
        Owner.objects.filter(
            project__in=remembered(Project),
            project__status__in=[
                Project.Status.FORMING,
                Project.Status.ACTIVE,
                Project.Status.PAUSED,
            ],
            role=Owner.Role.LEAD,
            user__is_active=True,
        )
        .order_by("project_id")
        .values_list("project_id", "user_id", "project__title", "project__summary")[:300]
    )
    # One project of each name: many demo projects share a name, which would read oddly.
    by_name: dict[str, tuple] = {}
    for row in leads:
        by_name.setdefault(row[2], row)
    leads = list(by_name.values())
    brought = [
        Brought(title=title, summary=summary, presenter=user_id, project_id=project_id)
        for project_id, user_id, title, summary in rng.sample(leads, min(6, len(leads)))
    ]
    presenters = cast.practitioners or cast.engaged
    for title, summary in DESCRIBED:
        presenter = cast.officer if title == OFFICERS_PROJECT and cast.officer else None
        brought.append(Brought(title, summary, presenter or rng.choice(presenters)))
    queue: list[Brought] = []
    plan: list[list[tuple[Brought, str]]] = []
    previous: list[Brought] = []
    next_planned = False
    for g in learning:
        chosen: list[tuple[Brought, str]] = []
        if g.event.ends_at <= ctx.now:
            if previous and rng.random() < 0.6:
                chosen.append((rng.choice(previous), Treatment.Status.ACCEPTED))
            for _n in range(rng.choice([2, 3]) - len(chosen)):
                new = _next(rng, queue, brought, [b for b, _s in chosen])
                chosen.append((new, Treatment.Status.ACCEPTED))
            if rng.random() < 0.25:
                declined = _next(rng, queue, brought, [b for b, _s in chosen])
                chosen.append((declined, Treatment.Status.DECLINED))
            previous = [b for b, s in chosen if s == Treatment.Status.ACCEPTED]
        elif not next_planned:
            # The next session: a project coming again to report back, and one put forward.
            next_planned = True
            if previous:
                chosen.append((rng.choice(previous), Treatment.Status.ACCEPTED))
            new = _next(rng, queue, brought, [b for b, _s in chosen])
            chosen.append((new, Treatment.Status.PROPOSED))
        plan.append(chosen)
        g.must = cast.named(*(b.presenter for b, s in chosen if s != Treatment.Status.DECLINED))
    past = [g for g in learning if g.event.ends_at <= ctx.now]
    for g in past[-1:] + [g for g in learning if g.event.ends_at > ctx.now][:1]:
        g.must = cast.named(*g.must, cast.resident)
    return plan


def _next(rng, queue: list[Brought], brought: list[Brought], taken: list[Brought]):
    """The next project in line not already at this session; when the line runs out,
    everyone joins it again in a new order."""
    while True:
        for index, candidate in enumerate(queue):
            if all(candidate is not other for other in taken):
                return queue.pop(index)
        queue.extend(rng.sample(brought, len(brought)))
