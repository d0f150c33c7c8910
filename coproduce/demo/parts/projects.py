"""Projects and ideas across the borough, at places and in wards, with owners and fans.

One project for every ten people (10,000 on the large borough), with about a hundred
interactions each (appreciations, follows, offers, proposals, volunteers: a million on the
large borough). Rows go in with bulk_create; each status change is recorded as the services
would, so the history reads true.
"""

import random
from datetime import timedelta

from coproduce.accounts.models import User
from coproduce.common.webmercator import to_unit
from coproduce.places.models import Place
from coproduce.projects.models import (
    Appreciation,
    Contribution,
    Follow,
    Owner,
    Project,
    StatusChange,
)
from coproduce.projects.themes import Theme

from ..context import BATCH_SIZE, DemoContext, forget, remembered

IDEAS = [
    ("Community orchard on {street}", Theme.FOOD, "Plant fruit trees everyone can pick from."),
    ("Repair café at {place}", Theme.MONEY, "Bring broken things; fix them together."),
    ("Saturday litter pick on {street}", Theme.ENVIRONMENT, "An hour a week to tidy up."),
    ("Lunch club for older neighbours", Theme.OLDER_PEOPLE, "A hot meal and a chat."),
    ("Youth football after school", Theme.YOUNG_PEOPLE, "Free coaching for 11 to 16s."),
    ("Open up {place} in the evenings", Theme.SPACES, "Use the building when it is empty."),
    ("Street party on {street}", Theme.HOUSING, "Close the road for an afternoon."),
    ("Walking group for new mums", Theme.HEALTH, "Gentle walks with prams, then tea."),
    ("Mural for the underpass", Theme.ARTS, "Local artists and children paint it."),
    ("Safer crossing by the school", Theme.SAFETY, "Ask for a zebra crossing."),
    ("Bike lending library", Theme.TRANSPORT, "Borrow a bike, learn to fix it."),
    ("English conversation café", Theme.LEARNING, "Practise English over tea."),
    ("Food share fridge at {place}", Theme.FOOD, "Share food that would go to waste."),
    ("Wildflower verges on {street}", Theme.ENVIRONMENT, "Let the verges grow for bees."),
    ("Homework club at {place}", Theme.YOUNG_PEOPLE, "Quiet space and help with homework."),
]
STATUSES = (
    ["idea", "forming", "active", "paused", "completed", "archived"],
    [30, 20, 30, 5, 10, 5],
)
ROLES = ([Owner.Role.LEAD, Owner.Role.CO_OWNER, Owner.Role.COUNCIL, Owner.Role.SERVICE_USER],)
APPRECIATIONS, FOLLOWS, CONTRIBUTIONS, COMMENTS = 45, 35, 12, 18  # means per project
SAYINGS = [
    "Great idea, count me in.",
    "Could we do this on a Saturday so working people can come?",
    "The school hall is free on Thursday evenings.",
    "I love this. My kids would too.",
    "Who do we ask at the council about the permit?",
    "We tried something like this in 2019. Happy to share what we learnt.",
    "Is it step-free? My mum uses a wheelchair.",
    "I can bring tea and cake.",
]
MESSAGES = {
    "offer": ["I can help on Saturdays.", "I have a van you can borrow.", "I can cook for 30."],
    "proposal": ["I will ask the school about the hall.", "I will make the posters."],
    "volunteer": ["Count me in.", "Happy to help on the day.", "I can do a couple of hours."],
}
PATH = {
    "idea": ["idea"],
    "forming": ["idea", "forming"],
    "active": ["idea", "forming", "active"],
    "paused": ["idea", "forming", "active", "paused"],
    "completed": ["idea", "forming", "active", "completed"],
    "archived": ["idea", "forming", "active", "completed", "archived"],
}


def build(ctx: DemoContext) -> None:
    rng = ctx.random("projects")
    total = max(10, ctx.size.people // 10)
    people = list(User.objects.filter(email__startswith="resident-").values_list("pk", flat=True))
    places = list(
        Place.objects.filter(is_listed=True)
        .exclude(kind=Place.Kind.ROOM)
        .values_list("pk", "name", "ward_id", "latitude", "longitude")[:5000]
    )
    streets = [s.name for s in ctx.streets] or ["High Street"]
    wards = {w.pk: w for w in ctx.wards}
    if not people or not wards:
        return
    made = 0
    with ctx.progress(total=total, desc="Projects") as bar:
        while made < total:
            count = min(BATCH_SIZE, total - made)
            projects = [_project(ctx, rng, people, places, streets, wards) for _ in range(count)]
            Project.objects.bulk_create(projects, batch_size=BATCH_SIZE)
            _history_owners_and_fans(ctx, rng, projects, people)
            ctx.remember(projects)
            made += count
            bar.update(count)
    ctx.counts["projects"] = total


def _project(ctx, rng: random.Random, people, places, streets, wards) -> Project:
    title, theme, summary = rng.choice(IDEAS)
    status = rng.choices(*STATUSES)[0]
    project = Project(
        title="",
        summary=summary,
        theme=theme,
        status=status,
        created_by_id=rng.choice(people),
        created_at=ctx.now - timedelta(days=rng.randrange(1, 700)),
    )
    if places and rng.random() < 0.6:
        pk, name, ward_id, lat, lon = rng.choice(places)
        project.place_id, project.ward_id = pk, ward_id
        project.latitude, project.longitude = lat, lon
    else:
        name = "the community centre"
        ward = wards[rng.choice(list(wards))]
        project.ward_id = ward.pk
        project.latitude, project.longitude = ward.centre_latitude, ward.centre_longitude
    project.title = title.format(street=rng.choice(streets), place=name)[:150]
    project.map_x, project.map_y = to_unit(project.latitude, project.longitude)
    if status != "idea" and rng.random() < 0.7:
        project.fixed_budget = rng.choice(
            ["£500 from the ward fund", "No money: time only", "£2,000"]
        )
        project.open_to_shape = "What we do first, and when we meet."
        project.how_to_help = "Come along, bring a friend, share what you can do."
        project.parameters_published_at = project.created_at + timedelta(days=3)
    project.appreciation_count = min(len(people), int(rng.expovariate(1 / APPRECIATIONS)))
    if status in {"completed", "archived"}:
        project.outcome = "It happened, and people want to do it again next year."
    return project


def _history_owners_and_fans(ctx, rng: random.Random, projects, people) -> None:
    changes, owners, fans, follows, offers = [], [], [], [], []
    for project in projects:
        steps = PATH[project.status]
        for before, after in zip(["", *steps[:-1]], steps, strict=True):
            changes.append(
                StatusChange(
                    project=project,
                    from_status=before,
                    to_status=after,
                    changed_by_id=project.created_by_id,
                )
            )
        if project.status != "idea":
            chosen = rng.sample(people, min(len(people), rng.randint(1, 3)))
            for n, person in enumerate(chosen):
                role = Owner.Role.LEAD if n == 0 else rng.choice(ROLES[0][1:])
                owners.append(Owner(project=project, user_id=person, role=role))
        for person in rng.sample(people, project.appreciation_count):
            fans.append(Appreciation(project=project, user_id=person))
        followers = min(len(people), int(rng.expovariate(1 / FOLLOWS)))
        for person in rng.sample(people, followers):
            follows.append(Follow(project=project, user_id=person))
        if project.parameters_published_at is not None:
            offers += _contributions(ctx, rng, project, people)
    StatusChange.objects.bulk_create(changes, batch_size=BATCH_SIZE)
    Owner.objects.bulk_create(owners, batch_size=BATCH_SIZE)
    Appreciation.objects.bulk_create(fans, batch_size=BATCH_SIZE)
    Follow.objects.bulk_create(follows, batch_size=BATCH_SIZE)
    Contribution.objects.bulk_create(offers, batch_size=BATCH_SIZE)
    _comments(rng, projects, people)


def _comments(rng: random.Random, projects, people) -> None:
    """A discussion under most projects: top-level comments, some with a reply."""
    from coproduce.discussion.models import Comment

    tops = [
        Comment(project=project, author_id=rng.choice(people), body=rng.choice(SAYINGS))
        for project in projects
        for _ in range(int(rng.expovariate(1 / (COMMENTS * 0.7))))
    ]
    Comment.objects.bulk_create(tops, batch_size=BATCH_SIZE)
    replies = [
        Comment(
            project_id=top.project_id,
            parent=top,
            author_id=rng.choice(people),
            body=rng.choice(SAYINGS),
        )
        for top in tops
        if rng.random() < 0.43
    ]
    Comment.objects.bulk_create(replies, batch_size=BATCH_SIZE)


def _contributions(ctx, rng: random.Random, project, people) -> list:
    made = []
    for _ in range(int(rng.expovariate(1 / CONTRIBUTIONS))):
        kind = rng.choices(["offer", "proposal", "volunteer"], weights=[5, 2, 4])[0]
        made.append(
            Contribution(
                project=project,
                person_id=rng.choice(people),
                kind=kind,
                offering=rng.choice(["skills", "time", "resource", "space"])
                if kind == "offer"
                else "",
                message=rng.choice(MESSAGES[kind]),
                due_on=(ctx.now + timedelta(days=rng.randrange(7, 90))).date()
                if kind == "proposal"
                else None,
                status=rng.choices(["pending", "accepted", "declined"], weights=[3, 6, 1])[0],
            )
        )
    return made


def clear() -> None:
    Project.objects.filter(pk__in=remembered(Project)).delete()
    forget(Project)
