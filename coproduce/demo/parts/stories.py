"""Demo stories of what worked: a part of the demo borough (coproduce/demo/parts/).

Residents across the borough tell stories in the four appreciative-inquiry parts, most at a
listed place or a street of their ward (shown roughly), many linked to a project or a group.
About one in eight waits for a moderator and a few are kept private by their tellers; the
rest are published. No photos: made-up pictures would cost files on disk for little.
Rows go in with bulk_create, bypassing the services on purpose: nobody is notified about
made-up stories. `build(ctx)` after people, places, groups and projects; `clear()` before them.
"""

from coproduce.groups.models import Organisation
from coproduce.places.models import Place, Street
from coproduce.projects.models import Project
from coproduce.stories.models import Story

from ..context import BATCH_SIZE, DemoContext, dated, forget, keeping_dates, remembered
from ..rhythm import Rhythm
from .people import demo_residents

WAITING_SHARE = 0.12
PRIVATE_SHARE = 0.05
NAMED_SHARE = 0.4
AT_PLACE_SHARE = 0.5
ON_STREET_SHARE = 0.3
LINKED_SHARE = 0.6

STORIES = [
    (
        "The street party that brought us together",
        "We closed our road for an afternoon. Everyone brought a dish and the children chalked "
        "the pavement.",
        "Neighbours who had never spoken, and the council's events team with the road closure.",
        "Everyone brought one thing, so nobody had to do it all.",
        "A party on every street, each summer.",
    ),
    (
        "Forty bikes fixed in a day",
        "We set up a repair stall outside the library and fixed forty bikes for free.",
        "Two retired mechanics and the library staff, who lent us tables.",
        "People could watch and learn, then fix the next one themselves.",
        "A repair café every month, with tools to borrow.",
    ),
    (
        "The garden on the empty corner",
        "The corner by the bus stop was full of rubbish. Now it grows beans and sunflowers.",
        "The tenants' group, the school's eco club and a local builder who gave timber.",
        "We started small, with three planters, and asked everyone passing what they wanted.",
        "A growing space on every estate, with a shared seed swap.",
    ),
    (
        "Warm room, warm welcome",
        "The community centre opened its hall on cold afternoons. Older people came for tea "
        "and company.",
        "Volunteers from the church and the time bank.",
        "It was the same people every week, so newcomers felt known quickly.",
        "A warm room in every ward all winter.",
    ),
    (
        "Homework club that the children run",
        "Older pupils help younger ones with homework twice a week in the youth club.",
        "The youth workers, and parents who bring snacks.",
        "The young people chose how it works.",
        "",
    ),
    (
        "Cleaning up the canal path",
        "Thirty of us picked litter along the canal on a Saturday morning.",
        "The canal trust lent pickers and bags; the council took the rubbish away.",
        "It was short and sociable, with tea at the end.",
        "A monthly clean-up with a different street leading each time.",
    ),
]


def _count(ctx: DemoContext) -> int:
    return max(24, ctx.size.people // 200)  # 24 small, 50 medium, 500 large


def build(ctx: DemoContext) -> None:
    rng = ctx.random("stories")
    residents = demo_residents()
    if not residents:
        ctx.counts["stories"] = 0
        return
    places = list(
        Place.objects.filter(is_listed=True)
        .exclude(owner=Place.Owner.PRIVATE, added_by__isnull=False)
        .order_by("pk")
        .values_list("pk", "ward_id")[:2000]
    )
    streets = list(
        Street.objects.exclude(centre_latitude=None)
        .order_by("pk")
        .values_list("ward_id", "centre_latitude", "centre_longitude")[:5000]
    )
    projects = list(
        Project.objects.filter(is_hidden=False).order_by("pk").values_list("pk", flat=True)[:2000]
    )
    groups = list(
        Organisation.objects.filter(is_listed=True).order_by("pk").values_list("pk", flat=True)
    )
    rhythm = Rhythm(ctx.now)
    total = _count(ctx)
    made: list[Story] = []
    links: list[tuple[int, str, int]] = []  # (index in made, "project" or "group", pk)
    for number in range(total):
        teller_id, ward_id = rng.choice(residents)
        story = _one(rng, number, rhythm.moment(rng), teller_id, ward_id, places, streets)
        made.append(story)
        if rng.random() < LINKED_SHARE:
            if projects and rng.random() < 0.6:
                links.append((number, "project", rng.choice(projects)))
            elif groups:
                links.append((number, "group", rng.choice(groups)))
    with keeping_dates(Story):
        saved = Story.objects.bulk_create(made, batch_size=BATCH_SIZE)
    ctx.remember(saved)
    _link(saved, links)
    ctx.counts["stories"] = len(saved)


def _one(rng, number, when, teller_id, ward_id, places, streets) -> Story:
    title, happened, helped, made_it, grow = STORIES[number % len(STORIES)]
    story = Story(
        teller_id=teller_id,
        title=title,
        what_happened=happened,
        who_helped=helped,
        what_made_it_work=made_it,
        could_grow_into=grow,
        ward_id=ward_id,
        show_name=rng.random() < NAMED_SHARE,
        consent_given_at=when,
    )
    where = rng.random()
    if places and where < AT_PLACE_SHARE:
        story.place_id, story.ward_id = rng.choice(places)
    elif streets and where < AT_PLACE_SHARE + ON_STREET_SHARE:
        story.ward_id, story.latitude, story.longitude = rng.choice(streets)
    state = rng.random()
    if state < WAITING_SHARE:
        story.status = Story.Status.WAITING
    elif state < WAITING_SHARE + PRIVATE_SHARE:
        story.status, story.consent_given_at = Story.Status.PRIVATE, None
    else:
        story.status, story.published_at = Story.Status.PUBLISHED, when
    return dated(story, when)


def _link(saved: list[Story], links: list[tuple[int, str, int]]) -> None:
    projects = Story.projects.through
    groups = Story.groups.through
    projects.objects.bulk_create(
        [
            projects(story_id=saved[i].pk, project_id=pk)
            for i, kind, pk in links
            if kind == "project"
        ],
        batch_size=BATCH_SIZE,
    )
    groups.objects.bulk_create(
        [
            groups(story_id=saved[i].pk, organisation_id=pk)
            for i, kind, pk in links
            if kind == "group"
        ],
        batch_size=BATCH_SIZE,
    )


def clear() -> None:
    Story.objects.filter(pk__in=remembered(Story)).delete()
    forget(Story)
