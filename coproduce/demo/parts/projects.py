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
from coproduce.discussion.models import Comment
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

from ..context import BATCH_SIZE, DemoContext, dated, forget, keeping_dates, remembered
from ..rhythm import Rhythm
from ..unique import NameBook

# {hall} is a building, {green} a green space, {space} an unloved space, {street} a street,
# all in the project's ward; no two projects in a ward share a title.
IDEAS = [
    ("Community orchard on {street}", Theme.FOOD, "Plant fruit trees everyone can pick from."),
    ("Repair café at {hall}", Theme.MONEY, "Bring broken things; fix them together."),
    ("Saturday litter pick on {street}", Theme.ENVIRONMENT, "An hour a week to tidy up."),
    ("Lunch club for older neighbours at {hall}", Theme.OLDER_PEOPLE, "A hot meal and a chat."),
    ("Youth football in {green}", Theme.YOUNG_PEOPLE, "Free coaching for 11 to 16s."),
    ("Open up {hall} in the evenings", Theme.SPACES, "Use the building when it is empty."),
    ("Street party on {street}", Theme.HOUSING, "Close the road for an afternoon."),
    ("Walking group for new mums in {green}", Theme.HEALTH, "Gentle walks with prams, then tea."),
    ("Mural for the underpass on {street}", Theme.ARTS, "Local artists and children paint it."),
    ("Safer crossing on {street}", Theme.SAFETY, "Ask for a zebra crossing."),
    ("Bike lending library at {hall}", Theme.TRANSPORT, "Borrow a bike, learn to fix it."),
    ("English conversation café at {hall}", Theme.LEARNING, "Practise English over tea."),
    ("Food share fridge at {hall}", Theme.FOOD, "Share food that would go to waste."),
    ("Wildflower verges on {street}", Theme.ENVIRONMENT, "Let the verges grow for bees."),
    ("Homework club at {hall}", Theme.YOUNG_PEOPLE, "Quiet space and help with homework."),
    ("Turn {space} into a garden", Theme.SPACES, "Raised beds where the rubbish was."),
    ("Pop-up market at {space}", Theme.MONEY, "Stalls for local makers on Saturdays."),
    ("Warm space at {hall} this winter", Theme.HEALTH, "Somewhere warm, with soup and company."),
    ("Tool library at {hall}", Theme.MONEY, "Borrow a drill instead of buying one."),
    ("Memory café at {hall}", Theme.OLDER_PEOPLE, "For people with dementia and carers."),
    ("Plant street trees on {street}", Theme.ENVIRONMENT, "Shade and cleaner air."),
    ("Play street on {street}", Theme.YOUNG_PEOPLE, "Close the road after school, once a month."),
    ("Clean up {green}", Theme.ENVIRONMENT, "Clear the brambles and the litter."),
    ("Outdoor gym in {green}", Theme.HEALTH, "Free exercise kit for all ages."),
    ("Holiday lunches at {hall}", Theme.FOOD, "Free meals and games in the school holidays."),
    ("Coding club at {hall}", Theme.LEARNING, "Children and parents learn together."),
    ("Seed library at {hall}", Theme.FOOD, "Take some seeds, bring some back."),
    ("Better lighting on {street}", Theme.SAFETY, "The path is dark after four in winter."),
    ("Benches along {street}", Theme.OLDER_PEOPLE, "Somewhere to rest on the way to the shops."),
    ("Pocket park at {space}", Theme.SPACES, "Grass, a bench and a tree or two."),
    ("Community choir at {hall}", Theme.ARTS, "No auditions. Just come and sing."),
    ("Bee hotel and bird boxes in {green}", Theme.ENVIRONMENT, "Build them together."),
    ("Park run style walk in {green}", Theme.HEALTH, "5 km, every Saturday at 9am."),
    ("Cycle parking on {street}", Theme.TRANSPORT, "Somewhere safe to lock a bike."),
    ("Art studios in {space}", Theme.ARTS, "Cheap space for local artists."),
    ("Men's shed at {hall}", Theme.HEALTH, "Make, mend and talk."),
    ("Slow the traffic on {street}", Theme.SAFETY, "20 mph signs and a speed watch."),
    ("Baby bank at {hall}", Theme.MONEY, "Prams, cots and clothes for families who need them."),
    ("Summer film nights in {green}", Theme.ARTS, "A big screen and blankets."),
    ("Recycling point on {street}", Theme.ENVIRONMENT, "Batteries, textiles and electricals."),
]
STATUSES = (
    ["idea", "forming", "active", "paused", "completed", "archived"],
    [30, 20, 30, 5, 10, 5],
)
ROLES = ([Owner.Role.LEAD, Owner.Role.CO_OWNER, Owner.Role.COUNCIL, Owner.Role.SERVICE_USER],)
APPRECIATIONS, FOLLOWS, CONTRIBUTIONS, COMMENTS = 45, 35, 12, 18  # means per project
_NOWHERE = {"hall": "the community centre", "green": "the park", "space": "the empty shop"}
# Their rows keep the dates given here: made, followed, offered and said over time.
DATED = (Project, StatusChange, Owner, Appreciation, Follow, Contribution, Comment)
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
    wards = {w.pk: w for w in ctx.wards}
    if not people or not wards:
        return
    where = _where(ctx, wards)
    names = NameBook()
    rhythm = Rhythm(ctx.now, days=700)
    made = 0
    with ctx.progress(total=total, desc="Projects") as bar, keeping_dates(*DATED):
        while made < total:
            count = min(BATCH_SIZE, total - made)
            projects = [_project(ctx, rng, rhythm, names, people, where) for _ in range(count)]
            Project.objects.bulk_create(projects, batch_size=BATCH_SIZE)
            _history_owners_and_fans(ctx, rng, rhythm, projects, people)
            ctx.remember(projects)
            made += count
            bar.update(count)
    ctx.counts["projects"] = total


def _where(ctx, wards) -> dict[int, dict[str, list[tuple]]]:
    """Per ward, what a project can be at or on: (name, place pk, latitude, longitude)."""
    slot = {
        Place.Kind.BUILDING: "hall",
        Place.Kind.GREEN_SPACE: "green",
        Place.Kind.UNLOVED_SPACE: "space",
    }
    where: dict[int, dict[str, list[tuple]]] = {
        pk: {"hall": [], "green": [], "space": [], "street": []} for pk in wards
    }
    for pk, name, kind, ward_id, lat, lon in (
        Place.objects.filter(is_listed=True, ward_id__in=list(wards))
        .exclude(kind=Place.Kind.ROOM)
        .order_by("pk")
        .values_list("pk", "name", "kind", "ward_id", "latitude", "longitude")
    ):
        where[ward_id][slot[kind]].append((name, pk, lat, lon))
    for street in ctx.streets:
        if street.ward_id in where:
            where[street.ward_id]["street"].append(
                (street.name, None, street.centre_latitude, street.centre_longitude)
            )
    return where


def _project(ctx, rng: random.Random, rhythm: Rhythm, names, people, where) -> Project:
    ward_id = rng.choice(list(where))
    options = where[ward_id]
    chosen: dict = {}

    def draw() -> str:
        title, theme, summary = rng.choice(IDEAS)
        slot = next(s for s in ("hall", "green", "space", "street") if "{" + s + "}" in title)
        spot = rng.choice(options[slot]) if options[slot] else None
        name = spot[0] if spot else _NOWHERE[slot]
        if slot == "space" and spot:
            name = f"the {name[0].lower()}{name[1:]}"  # "at the empty shop on Oak Road"
        chosen.update(theme=theme, summary=summary, spot=spot)
        return title.format(**{slot: name})[:150]

    title = names.give(ward_id, draw)
    status = rng.choices(*STATUSES)[0]
    created = rhythm.moment(rng)
    project = dated(
        Project(
            title=title,
            summary=chosen["summary"],
            theme=chosen["theme"],
            status=status,
            created_by_id=rng.choice(people),
            ward_id=ward_id,
        ),
        created,
    )
    spot = chosen["spot"]
    if spot is not None:
        _name, project.place_id, project.latitude, project.longitude = spot
    else:
        ward = ctx.wards[[w.pk for w in ctx.wards].index(ward_id)]
        project.latitude, project.longitude = ward.centre_latitude, ward.centre_longitude
    project.map_x, project.map_y = to_unit(project.latitude, project.longitude)
    if status != "idea" and rng.random() < 0.7:
        project.fixed_budget = rng.choice(
            ["£500 from the ward fund", "No money: time only", "£2,000"]
        )
        project.open_to_shape = "What we do first, and when we meet."
        project.how_to_help = "Come along, bring a friend, share what you can do."
        project.parameters_published_at = rhythm.moment(rng, after=created)
    project.appreciation_count = min(len(people), int(rng.expovariate(1 / APPRECIATIONS)))
    if status in {"completed", "archived"}:
        project.outcome = "It happened, and people want to do it again next year."
    return project


def _history_owners_and_fans(ctx, rng: random.Random, rhythm, projects, people) -> None:
    changes, owners, fans, follows, offers = [], [], [], [], []
    for project in projects:
        steps = PATH[project.status]
        when = project.created_at
        for before, after in zip(["", *steps[:-1]], steps, strict=True):
            changes.append(
                StatusChange(
                    project=project,
                    from_status=before,
                    to_status=after,
                    changed_by_id=project.created_by_id,
                    changed_at=when,
                )
            )
            when = rhythm.moment(rng, after=when)
        if project.status != "idea":
            chosen = rng.sample(people, min(len(people), rng.randint(1, 3)))
            for n, person in enumerate(chosen):
                role = Owner.Role.LEAD if n == 0 else rng.choice(ROLES[0][1:])
                owner = Owner(project=project, user_id=person, role=role)
                owners.append(dated(owner, project.created_at))
        for person in rng.sample(people, project.appreciation_count):
            fan = Appreciation(project=project, user_id=person)
            fans.append(dated(fan, rhythm.moment(rng, after=project.created_at)))
        followers = min(len(people), int(rng.expovariate(1 / FOLLOWS)))
        for person in rng.sample(people, followers):
            follow = Follow(project=project, user_id=person)
            follows.append(dated(follow, rhythm.moment(rng, after=project.created_at)))
        if project.parameters_published_at is not None:
            offers += _contributions(ctx, rng, rhythm, project, people)
    StatusChange.objects.bulk_create(changes, batch_size=BATCH_SIZE)
    Owner.objects.bulk_create(owners, batch_size=BATCH_SIZE)
    Appreciation.objects.bulk_create(fans, batch_size=BATCH_SIZE)
    Follow.objects.bulk_create(follows, batch_size=BATCH_SIZE)
    Contribution.objects.bulk_create(offers, batch_size=BATCH_SIZE)
    _comments(rng, rhythm, projects, people)


def _comments(rng: random.Random, rhythm, projects, people) -> None:
    """A discussion under most projects: top-level comments, some with a reply."""
    tops = [
        dated(
            Comment(project=project, author_id=rng.choice(people), body=rng.choice(SAYINGS)),
            rhythm.moment(rng, after=project.created_at),
        )
        for project in projects
        for _ in range(int(rng.expovariate(1 / (COMMENTS * 0.7))))
    ]
    Comment.objects.bulk_create(tops, batch_size=BATCH_SIZE)
    replies = [
        dated(
            Comment(
                project_id=top.project_id,
                parent=top,
                author_id=rng.choice(people),
                body=rng.choice(SAYINGS),
            ),
            rhythm.moment(rng, after=top.created_at),
        )
        for top in tops
        if rng.random() < 0.43
    ]
    Comment.objects.bulk_create(replies, batch_size=BATCH_SIZE)


def _contributions(ctx, rng: random.Random, rhythm, project, people) -> list:
    made = []
    for _ in range(int(rng.expovariate(1 / CONTRIBUTIONS))):
        kind = rng.choices(["offer", "proposal", "volunteer"], weights=[5, 2, 4])[0]
        offered = rhythm.moment(rng, after=project.parameters_published_at)
        contribution = dated(
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
            ),
            offered,
        )
        if contribution.status != "pending":
            contribution.decided_at = rhythm.moment(rng, after=offered)
        made.append(contribution)
    return made


def clear() -> None:
    Project.objects.filter(pk__in=remembered(Project)).delete()
    forget(Project)
