"""Demo gatherings: a year of them, about nine months past and three months to come.

A part of the demo borough (see coproduce/demo/parts/): `build(ctx)` after the people,
places, demo accounts, groups and projects; `clear()` before them. It makes:

- the monthly Coproduction Action Learning Set (second Tuesday, 10:00 to 12:30, not in
  August), at which practitioners bring projects for a "treatment" (who is affected,
  resources, an action plan, barriers) and report back at the next session on what they did
  and which barriers they busted; one month is a completely Open Space session;
- the barrier library: themes, with the barriers each set named in its own words linked to
  them, and a few left unlinked for an officer to sort out;
- the Work Shop (a shop-front programme of talks, hosted conversations and workshops), Good
  for Nothing hack weekends, evening meet-ups, online talks, an Open Space on the food
  strategy and the practitioners' forum, whose agenda delegates add to;
- places at all of them for demo people: waiting lists, "bring a friend", access support
  asked for, and who came to the past ones.

Rows go in with bulk_create, bypassing the services on purpose (no notifications for made-up
places), so the counts the services keep (places taken, interest shown, an action's status,
a busted barrier) are worked out here to agree with the rows. Times are made in local time
(Europe/London), so a session is at 10:00 in summer (BST) and in winter (GMT) alike.
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db.models import F
from django.utils.text import slugify

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.demo.context import BATCH_SIZE, DEMO_EMAIL_DOMAIN, DemoContext, forget, remembered
from coproduce.demo.parts.accounts import email_for
from coproduce.demo.parts.people import EMAIL_PREFIX
from coproduce.groups.models import Organisation
from coproduce.places.models import Place
from coproduce.projects.models import Owner, Project

from .models import (
    Action,
    ActionReminder,
    AgendaInterest,
    AgendaItem,
    Barrier,
    BarrierTheme,
    Column,
    Contribution,
    Event,
    ReportBack,
    Rsvp,
    Series,
    Treatment,
)

LONDON = ZoneInfo("Europe/London")
PAST_MONTHS, FUTURE_MONTHS = 9, 3
ONLINE = "https://meet.example.org/northbrook/{}"
DAY = timedelta(days=1)
# Everything this part makes, in the order it is cleared (dependants first).
MODELS = (
    ActionReminder,
    ReportBack,
    AgendaInterest,
    AgendaItem,
    Barrier,
    Action,
    Contribution,
    Treatment,
    Rsvp,
    Event,
    Series,
    BarrierTheme,
)
Kind = Event.Kind
Outcome = ReportBack.Outcome

THEMES: dict[str, tuple[str, str]] = {
    "space": (
        "Lack of affordable space",
        "Nowhere to meet or work that a group with little money can afford.",
    ),
    "staff": (
        "Staff overstretched",
        "The people who would make it happen have no time left over.",
    ),
    "fear": (
        "Fear of change",
        "People who rely on things as they are worry about what they might lose.",
    ),
    "funding": ("No funding", "No money, or money that runs out too soon."),
    "red_tape": (
        "Red tape and paperwork",
        "Rules, forms and approvals that slow things down or put people off.",
    ),
    "reach": (
        "Hard to reach people who are not yet involved",
        "The same people come every time; others never hear about it.",
    ),
    "trust": (
        "Low trust between council and residents",
        "Residents doubt the council will listen or let go.",
    ),
    "transport": (
        "Transport to meetings",
        "People cannot get there, or get home afterwards.",
    ),
}
# How sets named each barrier, in their own words; None: no library entry fits yet.
BARRIERS: list[tuple[str, str | None]] = [
    ("No affordable rooms to hire for community groups", "space"),
    ("Venues cost too much for a group with no money", "space"),
    ("Hall hire charges have gone up again", "space"),
    ("Nowhere cheap to meet in the evening", "space"),
    ("Kitchens and workshops cost too much to hire", "space"),
    ("Staff are overstretched and have no time for this", "staff"),
    ("Go-to people are already doing three jobs", "staff"),
    ("No one in the team has the capacity to follow up", "staff"),
    ("Officers are too busy with day-to-day work", "staff"),
    ("Families and carers are fearful of change", "fear"),
    ("People worry they will lose the service they rely on", "fear"),
    ("Staff are nervous about doing things differently", "fear"),
    ("No budget for the project this year", "funding"),
    ("The grant ran out in March", "funding"),
    ("Funding only covers one year", "funding"),
    ("We need money for materials and have none", "funding"),
    ("Procurement rules make it hard to involve residents", "red_tape"),
    ("Insurance and risk assessments put volunteers off", "red_tape"),
    ("Permits take twelve weeks to come through", "red_tape"),
    ("Too many forms to sign before anything can happen", "red_tape"),
    ("We keep hearing from the same people", "reach"),
    ("Depending on existing networks leaves people out", "reach"),
    ("Young people do not come to meetings", "reach"),
    ("Residents who do not speak English at home never hear about it", "reach"),
    ("Residents do not believe the council will listen this time", "trust"),
    ("People remember the last consultation that went nowhere", "trust"),
    ("The council is seen as risk averse and slow to let go", "trust"),
    ("No bus to the venue in the evening", "transport"),
    ("Older people cannot get to meetings after dark", "transport"),
    ("Parking near the venue is expensive", "transport"),
    ("It is hard to reach agreement on big change", None),
    ("Politics: aiming for the middle so as not to upset anyone", None),
    ("Go-to people hold on to what they know", None),
    ("Confusion and overlap between street champions and neighbourhood groups", None),
    ("No clear mission statement that people outside the council understand", None),
]
SPACE_BARRIERS = [text for text, key in BARRIERS if key == "space"]
BUSTED_HOW: dict[str | None, list[str]] = {
    "space": [
        "The library lends its meeting room free to community groups on weekday evenings.",
        "A church hall gave us its community rate once we asked.",
        "We booked one of the council's bookable spaces at no cost.",
    ],
    "staff": [
        "Two officers each gave up a morning a month to free up time.",
        "Volunteers from the timebank took on the follow-up calls.",
    ],
    "fear": [
        "Families heard from another day centre that had changed, over tea, not slides.",
        "Staff visited a project that had done it and came back keen.",
    ],
    "funding": [
        "A small grant from the ward fund covered the materials.",
        "The landfill communities trust funded it in its spring round.",
    ],
    "red_tape": [
        "Procurement agreed a one-page form for grants under £5,000.",
        "The council's insurance covers volunteers at council events; nobody had known.",
    ],
    "reach": [
        "We went to the school gate and the market instead of asking people to come to us.",
        "Street champions knocked on doors in two blocks of flats.",
    ],
    "trust": [
        "Ward councillors came and listened, and we published what changed as a result.",
    ],
    "transport": [
        "A community transport minibus now picks people up.",
        "We moved to the afternoon, at a venue on the bus route.",
    ],
    None: [
        "We talked it through over a cup of tea and found a way.",
        "The head of service agreed to it at the next team meeting.",
    ],
}
STILL_THERE = ["Still there. We are trying another way.", "No change yet.", ""]
# Projects brought to the set that are not on the platform, described in a few lines.
DESCRIBED = [
    (
        "Adult social care day centres",
        "Families, carers and staff shaping what the day centres offer next year, before "
        "any decision is made.",
    ),
    (
        "Learning coproduction online",
        "An e-learning course so staff across the council can learn coproduction skills.",
    ),
    (
        "Office accommodation strategy",
        "Deciding with staff and community groups how council buildings are used, "
        "including in the evenings and at weekends.",
    ),
    (
        "Start your own food business workshops",
        "Workshops for residents starting a food business, with business and food safety "
        "advice in one place.",
    ),
    (
        "Neighbourhood Enhancement Programme",
        "Residents choosing how the money for small improvements in their area is spent.",
    ),
    (
        "Mystery shopping by learning disabled residents",
        "Residents with learning disabilities mystery shop council services and tell us "
        "what to change.",
    ),
    (
        "Youth services commissioning with young people",
        "Young people on the panel that decides who runs the youth services.",
    ),
    (
        "Northbrook food strategy",
        "A food partnership of growers, shops and residents writing the borough's food strategy.",
    ),
    (
        "Coproducing the libraries",
        "Readers, staff and groups deciding together what the libraries do and when they open.",
    ),
]
OFFICERS_PROJECT = "Office accommodation strategy"
QUESTIONS = [
    "How do we reach people who are not yet involved?",
    "How do we keep people involved after the first event?",
    "Who else should we be talking to?",
    "How do we hand this over to residents to run?",
    "Where could we meet that does not cost much?",
    "How do we get to a yes from the council more quickly?",
]
WHO = [
    "Families and carers who rely on the service",
    "Staff who run it now",
    "Young people aged 11 to 16",
    "Older people living alone",
    "Shop owners on the high street",
    "Parents at the school gate",
    "Residents who do not speak English at home",
    "Ward councillors",
    "The tenants' and residents' association",
    "People who are not involved yet",
    "Volunteers who already help",
    "The GP surgery and social prescribers",
    "Faith groups",
]
RESOURCES = [
    "The library's meeting room, free on weekday evenings",
    "The timebank: an hour for an hour",
    "The asset map of skills and places",
    "Volunteers from the Good for Nothing hack weekend",
    "A small grant from the ward fund",
    "The council's communications team",
    "A café owner who will host a session",
    "Street champions in each block",
    "A school hall after 6pm",
    "Incredible Edible growers",
    "Furniture the council is clearing from its buildings",
    "Go-to people who know everyone",
    "Students from the college who need volunteering hours",
]
ACTIONS = [
    "Start a conversation over a cup of tea, not a survey",
    "Find the go-to people in each ward and ask them in",
    "Set up a network of street champions",
    "Put a 'bucket of info' in the library and the GP surgery",
    "Hold a café-style event: make tea, share ideas",
    "Put all the advice people need in one place",
    "Map what is already there before planning anything new",
    "Offer time credits through the timebank",
    "Pair each new volunteer with a buddy",
    "Ask the schools about using their halls in the evenings",
    "Write a one-page project pack: background, data and contacts",
    "Invite the ward councillors to the next session",
    "Publish what is fixed and what is open to shape before the first event",
    "Go to where people already are: the school gate, the market, the mosque",
    "Agree who owns the project after the event",
    "Ask procurement to sit in on the next planning meeting",
]
RESIDENTS_ACTION = "Ask the neighbours on my street what they would come along to"
OWNER_NAMES = [
    "Jo from the tenants' association",
    "Sam at the food bank",
    "Councillor Okafor",
    "The head teacher at the primary school",
    "Priya from the health centre",
    "Dev, who runs the café",
    "Maria from Incredible Edible",
]
REPORTS: dict[str, list[str]] = {
    Outcome.DONE: [
        "Done. Twelve people came to the first one.",
        "Done, and it went better than we hoped.",
        "Done: it is up in the library and the GP surgery.",
        "Done. It took one phone call in the end.",
    ],
    Outcome.IN_PROGRESS: [
        "Started. Two of the four schools have said yes so far.",
        "Half done: waiting to hear back from facilities.",
        "Under way, more slowly than we hoped.",
    ],
    Outcome.DROPPED: [
        "Dropped: someone else was already doing it, so we joined them.",
        "Dropped for now: nobody had the time.",
        "Dropped: it turned out not to be what people wanted.",
    ],
}
FIRST_REPORT = ([Outcome.DONE, Outcome.IN_PROGRESS, Outcome.DROPPED], [45, 35, 20])
LATER_REPORT = ([Outcome.DONE, Outcome.IN_PROGRESS, Outcome.DROPPED], [60, 25, 15])
SET_THEMES = [
    "Procurement and coproduction",
    "What we learnt from the Good for Nothing hack weekend",
    "Making coproduction inclusive and accessible to all",
    "Keeping people involved over the long term",
    "When residents' and managers' priorities clash",
    "Coproducing strategy, not only services",
    "Letting go: handing power to residents",
    "Access to affordable space: a barrier-busting session",
    "Asset mapping: finding what we already have",
    "What is in it for residents?",
]
SET_DESCRIPTION = (
    "The meeting place for people coproducing in Northbrook: council officers, partners and "
    "residents. Half the time goes on the month's theme, the rest on treatments.\n\n"
    "For a treatment, someone brings a project and the group brainstorms who is affected, "
    "the resources there are, an action plan using those people and resources, and the "
    "barriers in the way. At the next session the project's owner reports back on the "
    "actions done and the barriers busted.\n\n"
    "Bring a project, or just come with an idea. Bring a friend: it is how the group grows."
)
WORK_SHOP = {
    Kind.TALK: (
        (18, 30),
        (20, 0),
        30,
        [
            ("What is a cooperative council?", "Plain answers, then your questions."),
            ("How the council spends its money", "The budget, in plain English."),
            ("Lessons from Good for Nothing", "What a hack weekend made, and what next."),
            ("What does our street already have?", "An introduction to asset mapping."),
            ("Time banking: an hour for an hour", "How neighbours swap time."),
            ("Getting a small grant for your group", "Who funds what, and how to ask."),
        ],
    ),
    Kind.HOSTED_CONVERSATION: (
        (12, 30),
        (14, 0),
        15,
        [
            ("What would make the high street better?", "Bring your lunch and your ideas."),
            ("Who looks after our green spaces?", "Parks, verges and the bits in between."),
            ("Young people and the council", "What would you change, and how?"),
            ("Getting older in Northbrook", "What helps, what gets in the way."),
            ("Making meetings welcoming for everyone", "Tea, not presentations."),
            ("What should happen to empty shops?", "Ideas for the spaces on our streets."),
        ],
    ),
    Kind.WORKSHOP: (
        (10, 30),
        (12, 30),
        12,
        [
            ("Start your own food business", "Business and food safety advice together."),
            ("Map the skills on your street", "Find what your neighbours can do."),
            ("Write a funding bid in a morning", "Bring your idea; leave with a draft."),
            ("Run a street party", "Permits, insurance and bunting."),
            ("Plan a community garden", "From a patch of grass to raised beds."),
            ("Make a film about your project on your phone", "Film, edit, share."),
        ],
    ),
}
FULL_WORKSHOP = "Start your own food business"
ONLINE_TALKS = [
    "what it is and why it matters",
    "asset mapping",
    "running a welcoming meeting",
    "sharing power with residents",
    "getting a small grant",
    "time banking",
]
OPEN_SPACE_ITEMS = [
    ("Barrier-busting: access to affordable space", "The barrier we keep hitting."),
    ("How do we reach people who are not yet involved?", ""),
    ("What is in it for residents?", "Incentives, time credits, or just a good cup of tea."),
    ("Letting go: how the council hands over power", ""),
    ("Sharing council buildings after hours", "Schools and offices sit empty at night."),
    ("Time banking for coproducers", ""),
    ("E-learning for coproduction skills", "Would you use it?"),
    ("Making our events welcoming", "Café style, crèche, food."),
]
FOOD_ITEMS = [
    ("Growing food on estates", "Raised beds, rooftops, the bit behind the garages."),
    ("Cooking on a budget", ""),
    ("Food waste: shops, fridges and food banks", ""),
    ("School meals and holiday hunger", ""),
    ("Who should be in the food partnership?", "It feels small and closed at the moment."),
]
FORUM_ITEMS = [
    (
        "Embedding coproduction in youth services commissioning",
        "Working with young people on outcomes-based commissioning.",
    ),
    (
        "The challenges of coproduction in the public sector",
        "An interactive action learning session on new coproduced projects.",
    ),
    ("Service users interviewing new staff", "How one housing charity does it."),
    ("Paying people for their time: what works?", ""),
    ("Coproduction with people with learning disabilities", ""),
    ("Keeping going when the funding stops", ""),
]
PAST_FORUM_ITEMS = [
    ("Welcome and introductions", ""),
    ("Mainstreaming coproduction across an organisation", ""),
    ("Working with migrants and refugees", ""),
    ("What next for the network?", ""),
]
ROOMS = ["Main hall", "Meeting room", "Kitchen", "Garden"]
ACCESS_NOTES: dict[str, list[str]] = {
    "creche": ["My daughter is 2. She will need the crèche all morning.", "Two children, 3 and 5."],
    "bsl": ["I am Deaf and use BSL."],
    "step_free": ["I use a wheelchair.", "I use a walking frame; a seat near the door, please."],
    "hearing_loop": ["I wear hearing aids."],
    "quiet_room": ["I may need somewhere quiet to take a break."],
    "large_print": ["Large print, please: at least 18 point."],
    "dietary": ["I am vegan.", "Halal, please.", "Gluten free, please."],
}
OTHER_NOTES = ["I might be 15 minutes late from work.", "I am coming with my carer."]


@dataclass
class _Cast:
    """Who takes part: the demo accounts, and demo people who come to things."""

    resident: int | None
    organiser: int | None
    officer: int | None
    engaged: list[int]
    practitioners: list[int]

    def named(self, *people: int | None) -> list[int]:
        """These people, once each, leaving out demo accounts that are missing."""
        return [p for p in dict.fromkeys(people) if p is not None]


@dataclass
class _Venues:
    council: Place | None
    shop: Place | None
    hack: Place | None
    hubs: list[Place]


@dataclass
class _Gathering:
    """An event being planned: who organises it, and who should get a place."""

    event: Event
    organisers: list[int]
    going: int
    pool: list[int]
    waiting: int = 0
    must: list[int] = field(default_factory=list)
    asks: dict[int, tuple[list[str], str]] = field(default_factory=dict)
    confirmed: list[int] = field(default_factory=list)
    came: list[int] = field(default_factory=list)
    holders: list[int] = field(default_factory=list)  # confirmed or waiting

    @property
    def day(self) -> date:
        return self.event.starts_at.astimezone(LONDON).date()


@dataclass
class _Brought:
    """A project someone brings to the set: one on the platform, or described in a few lines."""

    title: str
    summary: str
    presenter: int
    project_id: int | None = None

    @property
    def key(self) -> tuple:
        """The same project: by its id, or by name when it is not on the platform."""
        return ("project", self.project_id) if self.project_id else ("title", self.title.lower())


@dataclass
class _Treated:
    treatment: Treatment
    brought: _Brought
    follows: "_Treated | None"
    actions: list[Action] = field(default_factory=list)
    barriers: list[Barrier] = field(default_factory=list)
    followed_at: int | None = None  # the session at which the project came again


def build(ctx: DemoContext) -> None:
    rng = ctx.random("gatherings")
    people = list(
        User.objects.filter(
            email__startswith=EMAIL_PREFIX,
            email__endswith=f"@{DEMO_EMAIL_DOMAIN}",
            is_active=True,
        )
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    if not people:
        return
    scale = _scale(ctx)
    accounts = dict(
        User.objects.filter(
            email__in=[email_for(r) for r in (Role.RESIDENT, Role.ORGANISER, Role.OFFICER)]
        ).values_list("email", "pk")
    )
    engaged = rng.sample(people, min(len(people), 150 * _crowd(scale)))
    cast = _Cast(
        resident=accounts.get(email_for(Role.RESIDENT)),
        organiser=accounts.get(email_for(Role.ORGANISER)),
        officer=accounts.get(email_for(Role.OFFICER)),
        engaged=engaged,
        practitioners=engaged[:40],
    )
    venues = _venues(rng, scale)
    series = _series(ctx, cast)
    sessions = _learning_set(ctx, rng, cast, venues, series["set"])
    others = _programme(ctx, rng, cast, venues, series, scale)
    learning = [g for g in sessions if g.event.kind == Kind.ACTION_LEARNING_SET]
    plan = _plan_treatments(ctx, rng, cast, learning)
    gatherings = sessions + others
    rsvps = _save_events_and_places(ctx, rng, gatherings)
    themes = _themes(ctx)
    treatments = _treatments(ctx, rng, cast, learning, plan, themes)
    items = _agendas(ctx, rng, cast, gatherings)
    ctx.counts["event series"] = len(series)
    ctx.counts["events"] = len(gatherings)
    ctx.counts["RSVPs"] = len(rsvps)
    ctx.counts["agenda items"] = len(items)
    ctx.counts.update(treatments)


def clear() -> None:
    for model in MODELS[:-1]:
        model.objects.filter(pk__in=remembered(model)).delete()
    # A demo theme that real barriers were linked to since stays, as real data now.
    BarrierTheme.objects.filter(pk__in=remembered(BarrierTheme), barriers__isnull=True).delete()
    for model in MODELS:
        forget(model)


def _scale(ctx: DemoContext) -> int:
    """1 on the small borough (and smaller), 2 on medium, 3 on large."""
    return 1 if ctx.size.people <= 1_000 else 2 if ctx.size.people <= 20_000 else 3


def _crowd(scale: int) -> int:
    """How many times more people come to open events than on the small borough."""
    return {1: 1, 2: 5, 3: 20}[scale]


def _at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=LONDON)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _on_or_after(day: date, weekday: int, *, days: int = 1) -> date:
    """The first such weekday from `day` with no day of the event in the Christmas break."""
    day += timedelta(days=(weekday - day.weekday()) % 7)
    while any(_closed(day + timedelta(days=n)) for n in range(days)):
        day += timedelta(weeks=1)
    return day


def _closed(day: date) -> bool:
    return (day.month, day.day) >= (12, 23) or (day.month, day.day) <= (1, 1)


def _months(today: date) -> list[tuple[int, int]]:
    start = today.year * 12 + today.month - 1
    return [divmod(m, 12) for m in range(start - PAST_MONTHS, start + FUTURE_MONTHS + 1)]


def _venues(rng: random.Random, scale: int) -> _Venues:
    buildings = list(
        Place.objects.filter(pk__in=remembered(Place), kind=Place.Kind.BUILDING, is_listed=True)
        .order_by("pk")
        .only("pk", "name", "owner", "step_free", "ward_id")[:2_000]
    )

    def named(places, *words):
        return [p for p in places if any(w in p.name for w in words)]

    council = [b for b in buildings if b.owner == Place.Owner.COUNCIL]
    halls = named(council, "Community Centre", "Library", "Family Hub") or council or buildings
    halls = [b for b in halls if b.step_free] or halls
    town_hall = rng.choice(halls) if halls else None
    shops = list(
        Place.objects.filter(
            pk__in=remembered(Place),
            kind=Place.Kind.UNLOVED_SPACE,
            name__startswith="Empty shop on",
        ).order_by("pk")[:50]
    ) or named(buildings, "Café")
    hacks = named(buildings, "Leisure Centre", "Youth Club", "Primary School") or halls
    hubs = named(buildings, "Café", "Arms", "Tenants' Hall", "Community Centre") or halls
    by_ward: dict[int, Place] = {}
    for hub in rng.sample(hubs, len(hubs)):
        by_ward.setdefault(hub.ward_id, hub)
    return _Venues(
        council=town_hall,
        shop=rng.choice(shops) if shops else town_hall,
        hack=rng.choice(hacks) if hacks else None,
        hubs=list(by_ward.values())[: {1: 1, 2: 3, 3: 6}[scale]],
    )


def _unique_slug(title: str) -> str:
    base = slugify(title)[:140]
    slug, number = base, 1
    while Series.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def _series(ctx: DemoContext, cast: _Cast) -> dict[str, Series]:
    services = Organisation.objects.filter(
        pk__in=remembered(Organisation), kind=Organisation.Kind.COUNCIL_SERVICE
    ).order_by("pk")
    council = services.filter(name__endswith="Neighbourhood Team").first() or services.first()
    specs = {
        "set": (
            "Coproduction Action Learning Set",
            Kind.ACTION_LEARNING_SET,
            "Once a month: bring a project for a treatment, or help with someone else's.",
            SET_DESCRIPTION,
            None,
            cast.named(cast.organiser, cast.officer),
        ),
        "work_shop": (
            "The Work Shop",
            Kind.HOSTED_CONVERSATION,
            "A shop front where the council and residents talk over a cup of tea: talks, "
            "hosted conversations and workshops, three days a week.",
            "Some are led by council officers, some by partners and some by local groups. "
            "Pop in: you do not have to come to a workshop to share an idea.",
            council,
            cast.named(cast.officer, cast.organiser),
        ),
        "meet_ups": (
            "Made in Northbrook evening meet-ups",
            Kind.MEET_UP,
            "Less talking, more doing: drop in between 6 and 8pm, after work.",
            "No set agenda. Bring something you are making, or pick a project to help with.",
            None,
            cast.named(cast.organiser),
        ),
        "hack": (
            "Good for Nothing Northbrook",
            Kind.HACK_DAY,
            "Hack weekends where people give their skills to local causes.",
            "Divide and conquer, vote with your feet, do rather than talk.",
            None,
            cast.named(cast.organiser),
        ),
        "forum": (
            "Coproduction Practitioners' Forum",
            Kind.FORUM,
            "Practitioners from across the region share what works. Delegates set the agenda.",
            "Hosted in turn by its members. Suggest an item once you have a place.",
            None,
            cast.named(cast.officer),
        ),
    }
    made = {
        key: Series(
            title=title,
            slug=_unique_slug(title),
            summary=summary,
            description=description,
            kind=kind,
            group=group,
            created_by_id=organisers[0] if organisers else None,
        )
        for key, (title, kind, summary, description, group, organisers) in specs.items()
    }
    Series.objects.bulk_create(list(made.values()))
    through = Series.organisers.through
    through.objects.bulk_create(
        [
            through(series_id=made[key].pk, user_id=person)
            for key, spec in specs.items()
            for person in spec[5]
        ]
    )
    ctx.remember(made.values())
    return made


def _event(**fields) -> Event:
    if fields.get("place") is not None and fields["place"].step_free:
        fields["access_provisions"] = ["step_free", *fields.get("access_provisions", [])]
    return Event(**fields)


def _learning_set(ctx, rng, cast: _Cast, venues: _Venues, series: Series) -> list[_Gathering]:
    """A session a month, but not in August; one month in the middle is Open Space."""
    days = [
        _nth_weekday(year, month + 1, 1, 2)
        for year, month in _months(ctx.now.astimezone(LONDON).date())
        if month + 1 != 8
    ]
    past = [d for d in days if _at(d, 12, 30) <= ctx.now]
    open_space = past[len(past) // 2] if len(past) >= 3 else None
    gatherings = []
    for number, day in enumerate(days):
        start, end = _at(day, 10), _at(day, 12, 30)
        done = end <= ctx.now
        theme = SET_THEMES[number % len(SET_THEMES)]
        hybrid = number % 3 == 1
        common = {
            "series": series,
            "starts_at": start,
            "ends_at": end,
            "place": venues.council,
            "online_url": ONLINE.format("action-learning-set")
            if hybrid or venues.council is None
            else "",
            "created_by_id": cast.officer,
        }
        if day == open_space:
            event = _event(
                title=f"Coproduction Action Learning Set, {day:%B %Y}: Open Space",
                summary="No agenda this time: a completely Open Space session.",
                description=(
                    "You take responsibility for getting out of the session what you need. "
                    "Suggest a topic, put it on the board, and go to the ones you care about. "
                    "We agreed a barrier-busting session on access to affordable space."
                ),
                kind=Kind.OPEN_SPACE,
                capacity=40,
                agenda_open=True,
                access_provisions=["hearing_loop", "quiet_room"],
                **common,
            )
            going = rng.randint(18, 28)
            pool = cast.engaged
        else:
            event = _event(
                title=f"Coproduction Action Learning Set, {day:%B %Y}",
                summary=f"{theme}, then treatments: bring a project, or help with others'.",
                description=SET_DESCRIPTION,
                kind=Kind.ACTION_LEARNING_SET,
                capacity=25,
                access_provisions=["hearing_loop", "large_print"],
                **common,
            )
            going = rng.randint(12, 20) if done else rng.randint(2, 6)
            pool = cast.practitioners
        gatherings.append(
            _Gathering(
                event=event,
                organisers=cast.named(cast.organiser, cast.officer),
                going=going,
                pool=pool,
            )
        )
    upcoming = [g for g in gatherings if g.event.ends_at > ctx.now]
    if upcoming:
        upcoming[0].going = rng.randint(8, 14)
    return gatherings


def _programme(ctx, rng, cast: _Cast, venues: _Venues, series, scale: int) -> list[_Gathering]:
    today = ctx.now.astimezone(LONDON).date()
    crowd = _crowd(scale)
    gatherings = _work_shop(ctx, rng, cast, venues, series["work_shop"], scale)
    gatherings += _meet_ups(ctx, rng, cast, venues, series["meet_ups"])
    for number, day in enumerate(
        _on_or_after(today - timedelta(days=270 - 42 * n), 2) for n in range(9)
    ):
        topic = ONLINE_TALKS[number % len(ONLINE_TALKS)]
        done = _at(day, 13, 30) <= ctx.now
        gatherings.append(
            _Gathering(
                event=Event(
                    title=f"Coproduction in an hour: {topic}",
                    summary="A lunchtime talk online, with time for questions.",
                    kind=Kind.TALK,
                    starts_at=_at(day, 12, 30),
                    ends_at=_at(day, 13, 30),
                    online_url=ONLINE.format(f"coproduction-in-an-hour-{number + 1}"),
                    access_provisions=["bsl"],
                    created_by_id=cast.officer,
                ),
                organisers=cast.named(cast.officer),
                going=rng.randint(15, 40) * crowd if done else rng.randint(5, 15) * crowd,
                pool=cast.engaged,
            )
        )
    hack_organisers = cast.named(cast.organiser)
    for offset, challenges in [
        (-150, "Healthwatch, the council website, and parks and open spaces"),
        (63, "Love Your Space, the food strategy and the youth panel"),
    ]:
        saturday = _on_or_after(today + timedelta(days=offset), 5, days=2)
        done = offset < 0
        gatherings.append(
            _Gathering(
                event=_event(
                    title=f"Good for Nothing hack weekend, {saturday:%B %Y}",
                    summary="Give a weekend of your skills to local causes. Food provided.",
                    description=f"This time: {challenges}. Less talking, more doing.",
                    kind=Kind.HACK_DAY,
                    series=series["hack"],
                    starts_at=_at(saturday, 9, 30),
                    ends_at=_at(saturday + timedelta(days=1), 17),
                    place=venues.hack,
                    online_url="" if venues.hack else ONLINE.format("good-for-nothing"),
                    capacity=60,
                    access_provisions=["creche", "quiet_room", "dietary"],
                    created_by_id=cast.organiser,
                ),
                organisers=hack_organisers,
                going=rng.randint(40, 60) if done else rng.randint(25, 45),
                pool=cast.engaged,
            )
        )
    forum = [
        Event(
            title="Coproduction Practitioners' Forum, online",
            summary="Practitioners share what works. The agenda is open to delegates.",
            kind=Kind.FORUM,
            series=series["forum"],
            starts_at=_at(_on_or_after(today - timedelta(days=120), 3), 10),
            ends_at=_at(_on_or_after(today - timedelta(days=120), 3), 12, 30),
            online_url=ONLINE.format("practitioners-forum"),
            capacity=100,
            agenda_open=True,
            access_provisions=["bsl"],
            created_by_id=cast.officer,
        ),
        _event(
            title="Coproduction Practitioners' Forum, hosted by Northbrook",
            summary="Northbrook hosts the forum. The agenda is open: add an item.",
            description="We have added two items about coproduction in the council.",
            kind=Kind.FORUM,
            series=series["forum"],
            starts_at=_at(_on_or_after(today + timedelta(days=35), 3), 10),
            ends_at=_at(_on_or_after(today + timedelta(days=35), 3), 12, 30),
            place=venues.council,
            online_url="" if venues.council else ONLINE.format("practitioners-forum"),
            capacity=60,
            agenda_open=True,
            access_provisions=["bsl", "hearing_loop", "large_print", "dietary"],
            created_by_id=cast.officer,
        ),
    ]
    gatherings += [
        _Gathering(
            event=event,
            organisers=cast.named(cast.officer),
            going=rng.randint(30, 50) if number == 0 else rng.randint(25, 40),
            pool=cast.engaged,
            must=cast.named(cast.organiser) if number == 1 else [],
        )
        for number, event in enumerate(forum)
    ]
    thursday = _on_or_after(today + timedelta(days=45), 3)
    gatherings.append(
        _Gathering(
            event=_event(
                title="Open Space: what should the food strategy do first?",
                summary="No agenda: bring the question you want to work on.",
                description="Growers, shops, schools and residents set the agenda on the day.",
                kind=Kind.OPEN_SPACE,
                starts_at=_at(thursday, 10),
                ends_at=_at(thursday, 12, 30),
                place=venues.hack or venues.council,
                online_url="" if venues.hack or venues.council else ONLINE.format("food"),
                capacity=40,
                agenda_open=True,
                access_provisions=["creche", "quiet_room"],
                created_by_id=cast.officer,
            ),
            organisers=cast.named(cast.officer, cast.organiser),
            going=rng.randint(12, 25),
            pool=cast.engaged,
        )
    )
    return gatherings


def _work_shop(ctx, rng, cast: _Cast, venues: _Venues, series: Series, scale: int):
    """Two seasons, one past and one to come, three days a week (an evening, a lunchtime
    and a Saturday morning). The first workshop to come is full, with a waiting list."""
    today = ctx.now.astimezone(LONDON).date()
    gatherings: list[_Gathering] = []
    resident_past = resident_next = False
    for offset in (-190, 20):
        thursday = _on_or_after(today + timedelta(days=offset), 3, days=3)
        titles = {kind: rng.sample(spec[3], len(spec[3])) for kind, spec in WORK_SHOP.items()}
        if offset > 0:
            titles[Kind.WORKSHOP].sort(key=lambda t: t[0] != FULL_WORKSHOP)
        for week in range(2 + scale):
            if week:
                thursday = _on_or_after(thursday + timedelta(weeks=1), 3, days=3)
            for days, kind in enumerate(WORK_SHOP):
                (sh, sm), (eh, em), capacity, _options = WORK_SHOP[kind]
                day = thursday + timedelta(days=days)
                title, summary = titles[kind][week % len(titles[kind])]
                offered = {Kind.TALK: ["hearing_loop"], Kind.WORKSHOP: ["creche"]}.get(kind, [])
                if kind == Kind.TALK and week == 1:
                    offered = [*offered, "bsl"]
                event = _event(
                    title=title,
                    summary=summary,
                    kind=kind,
                    series=series,
                    group=series.group,
                    starts_at=_at(day, sh, sm),
                    ends_at=_at(day, eh, em),
                    place=venues.shop,
                    online_url="" if venues.shop else ONLINE.format("work-shop"),
                    capacity=capacity,
                    access_provisions=offered,
                    created_by_id=cast.officer,
                )
                done = event.ends_at <= ctx.now
                g = _Gathering(
                    event=event,
                    organisers=cast.named(cast.officer, cast.organiser),
                    going=rng.randint(capacity // 2, capacity)
                    if done
                    else rng.randint(capacity // 5, capacity * 3 // 4),
                    pool=cast.engaged,
                )
                if not done and kind == Kind.WORKSHOP and title == FULL_WORKSHOP:
                    g.going, g.waiting = capacity, rng.randint(3, 6)
                elif done and kind == Kind.TALK and not resident_past:
                    g.must, resident_past = cast.named(cast.resident), True
                elif not done and kind == Kind.WORKSHOP and not resident_next:
                    g.must, resident_next = cast.named(cast.resident), True
                    if cast.resident is not None:
                        g.asks[cast.resident] = (["creche"], ACCESS_NOTES["creche"][0])
                gatherings.append(g)
    return gatherings


def _meet_ups(ctx, rng, cast: _Cast, venues: _Venues, series: Series) -> list[_Gathering]:
    """First Wednesday of every month, 6 to 8pm, at each hub (more hubs on bigger boroughs).
    The next one at the first hub is cancelled."""
    hubs = venues.hubs or [venues.council]
    gatherings = []
    cancelled = False
    for year, month in _months(ctx.now.astimezone(LONDON).date()):
        day = _on_or_after(_nth_weekday(year, month + 1, 2, 1), 2)
        for hub in hubs:
            where = f" at {hub.name}" if hub is not None and len(hubs) > 1 else ""
            event = _event(
                title=f"Evening meet-up{where}, {day:%B %Y}",
                summary="Less talking, more doing. Drop in between 6 and 8pm.",
                kind=Kind.MEET_UP,
                series=series,
                starts_at=_at(day, 18),
                ends_at=_at(day, 20),
                place=hub,
                online_url="" if hub else ONLINE.format("meet-up"),
                created_by_id=cast.organiser,
            )
            done = event.ends_at <= ctx.now
            if not done and not cancelled:
                cancelled = True
                event.status = Event.Status.CANCELLED
                event.cancel_reason = "A burst pipe at the venue. See you next month."
                event.sequence = 1
            gatherings.append(
                _Gathering(
                    event=event,
                    organisers=cast.named(cast.organiser),
                    going=rng.randint(6, 20) if done else rng.randint(2, 8),
                    pool=cast.engaged,
                    must=cast.named(cast.resident) if done and month % 4 == 0 else [],
                )
            )
    return gatherings


def _plan_treatments(ctx, rng, cast: _Cast, learning: list[_Gathering]):
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
        _Brought(title=title, summary=summary, presenter=user_id, project_id=project_id)
        for project_id, user_id, title, summary in rng.sample(leads, min(6, len(leads)))
    ]
    presenters = cast.practitioners or cast.engaged
    for title, summary in DESCRIBED:
        presenter = cast.officer if title == OFFICERS_PROJECT and cast.officer else None
        brought.append(_Brought(title, summary, presenter or rng.choice(presenters)))
    queue: list[_Brought] = []
    plan: list[list[tuple[_Brought, str]]] = []
    previous: list[_Brought] = []
    next_planned = False
    for g in learning:
        chosen: list[tuple[_Brought, str]] = []
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


def _next(rng, queue: list[_Brought], brought: list[_Brought], taken: list[_Brought]):
    """The next project in line not already at this session; when the line runs out,
    everyone joins it again in a new order."""
    while True:
        for index, candidate in enumerate(queue):
            if all(candidate is not other for other in taken):
                return queue.pop(index)
        queue.extend(rng.sample(brought, len(brought)))


def _save_events_and_places(ctx, rng, gatherings: list[_Gathering]) -> list[Rsvp]:
    rsvps: list[Rsvp] = []
    for g in gatherings:
        rsvps += _places(ctx, rng, g)
    events = [g.event for g in gatherings]
    Event.objects.bulk_create(events, batch_size=BATCH_SIZE)
    through = Event.organisers.through
    through.objects.bulk_create(
        [through(event_id=g.event.pk, user_id=p) for g in gatherings for p in g.organisers],
        batch_size=BATCH_SIZE,
    )
    ctx.remember(events)
    Rsvp.objects.bulk_create(rsvps, batch_size=BATCH_SIZE)
    ctx.remember(rsvps)
    Rsvp.objects.filter(pk__in=remembered(Rsvp)).update(created_at=F("queued_at"))
    # As if each was made when it was announced (and never in the future).
    for event in events:
        event.created_at = min(
            event.starts_at - timedelta(days=rng.randint(21, 60)),
            ctx.now - timedelta(hours=rng.randint(1, 72)),
        )
    Event.objects.bulk_update(events, ["created_at"], batch_size=BATCH_SIZE)
    return rsvps


def _places(ctx: DemoContext, rng: random.Random, g: _Gathering) -> list[Rsvp]:
    """Places for one event, first come first served, with the event's counts to match."""
    event = g.event
    must = list(dict.fromkeys(g.must))
    if event.capacity is not None:
        event.capacity = max(event.capacity, len(must))
    going = g.going if event.capacity is None else min(g.going, event.capacity)
    going = max(going, len(must))
    gave_up = rng.randint(0, max(1, going // 10))
    wanted = going - len(must) + g.waiting + gave_up
    taken = set(must)
    pool = [p for p in rng.sample(g.pool, min(len(g.pool), wanted + len(must))) if p not in taken]
    drawn = pool[:wanted]
    confirmed = must + drawn[: going - len(must)]
    waiting = drawn[going - len(must) : going - len(must) + g.waiting]
    cancelled = drawn[going - len(must) + len(waiting) :]
    first = min(
        event.starts_at - timedelta(days=rng.randint(21, 50)),
        ctx.now - timedelta(days=rng.randint(3, 10)),
    )
    last = min(event.starts_at - timedelta(hours=1), ctx.now - timedelta(minutes=10))
    first = min(first, last - timedelta(days=1))
    times = sorted(first + (last - first) * rng.random() for _ in confirmed + waiting + cancelled)
    # People who gave up a place did so while places were left: their times are among the
    # confirmed ones; the waiting list joined last.
    head = len(confirmed) + len(cancelled)
    left = set(rng.sample(range(head), len(cancelled)))
    ordered = [(p, Rsvp.Status.CONFIRMED) for p in confirmed]
    ordered.reverse()
    gone = [(p, Rsvp.Status.CANCELLED) for p in cancelled]
    sequence = [gone.pop() if i in left else ordered.pop() for i in range(head)]
    sequence += [(p, Rsvp.Status.WAITING) for p in waiting]
    past = event.ends_at <= ctx.now
    recorded = past and ctx.now - event.ends_at > timedelta(days=2)
    if recorded:
        event.attendance_recorded_at = event.ends_at + timedelta(hours=rng.randint(2, 40))
    offered = event.access_provisions
    rows, holders = [], []
    for (person, status), queued in zip(sequence, times, strict=True):
        asks, note = g.asks.get(person, ([], ""))
        if person not in g.asks:
            if offered and rng.random() < 0.12:
                asks = [rng.choice(offered)]
                note = rng.choice(ACCESS_NOTES[asks[0]]) if rng.random() < 0.6 else ""
            elif rng.random() < 0.03:
                note = rng.choice(OTHER_NOTES)
        invited_by = None
        if holders and person not in taken and rng.random() < 0.08:
            invited_by = rng.choice(holders)  # "bring a friend": by someone with a place
        attended = None
        if recorded and status == Rsvp.Status.CONFIRMED:
            attended = person in taken or rng.random() < 0.85
        reminded = status == Rsvp.Status.CONFIRMED and queued < event.starts_at - DAY
        rows.append(
            Rsvp(
                event=event,
                user_id=person,
                status=status,
                queued_at=queued,
                access_requests=asks,
                access_note=note,
                invited_by_id=invited_by,
                attended=attended,
                reminder_sent_at=event.starts_at - DAY if past and reminded else None,
            )
        )
        if status == Rsvp.Status.CONFIRMED:
            holders.append(person)
            if attended is not False:
                g.came.append(person)
    g.confirmed = holders
    g.holders = holders + waiting
    event.confirmed_count, event.waiting_count = len(holders), len(waiting)
    return rows


def _themes(ctx: DemoContext) -> dict[str, BarrierTheme]:
    """The library's entries, reusing any of the same name already there."""
    existing = {t.name.lower(): t for t in BarrierTheme.objects.all()}
    slugs = set(BarrierTheme.objects.values_list("slug", flat=True))
    made, themes = [], {}
    for key, (name, description) in THEMES.items():
        if name.lower() in existing:
            themes[key] = existing[name.lower()]
            continue
        slug, number = slugify(name)[:140], 1
        while slug in slugs:
            number += 1
            slug = f"{slugify(name)[:140]}-{number}"
        slugs.add(slug)
        themes[key] = BarrierTheme(name=name, slug=slug, description=description)
        made.append(themes[key])
    BarrierTheme.objects.bulk_create(made)
    ctx.remember(made)
    return themes


def _treatments(ctx, rng, cast: _Cast, learning, plan, themes) -> dict[str, int]:
    """The treatments at each session, their four columns, and the report-backs on them."""
    treated: list[list[_Treated]] = []
    last_of: dict[tuple, _Treated] = {}
    for number, (g, chosen) in enumerate(zip(learning, plan, strict=True)):
        here = [
            _Treated(
                Treatment(
                    event=g.event,
                    project_id=b.project_id,
                    title=b.title[:150],
                    summary=b.summary,
                    question=rng.choice(QUESTIONS),
                    presenter_id=b.presenter,
                    status=status,
                ),
                b,
                last_of.get(b.key),  # as the service does: the last one accepted in the set
            )
            for b, status in chosen
        ]
        for item in here:
            if item.treatment.status == Treatment.Status.ACCEPTED:
                last_of[item.brought.key] = item
                if item.follows is not None:
                    item.follows.followed_at = number
        treated.append(here)
    everything = [item for here in treated for item in here]
    rows = [item.treatment for item in everything]
    Treatment.objects.bulk_create(rows)
    for item in everything:
        item.treatment.follows = item.follows.treatment if item.follows else None
        item.treatment.created_at = min(  # put forward a few days or weeks before
            item.treatment.event.starts_at - timedelta(days=rng.randint(3, 20)),
            ctx.now - timedelta(hours=rng.randint(1, 48)),
        )
    Treatment.objects.bulk_update(rows, ["created_at", "follows"], batch_size=BATCH_SIZE)
    ctx.remember(rows)
    when: dict[int, datetime] = {}
    notes, actions, barriers = [], [], []
    done = [n for n, g in enumerate(learning) if g.event.ends_at <= ctx.now]
    for number in done:
        g, space_named, resident_done = learning[number], False, number != done[-1]
        for item in treated[number]:
            if item.treatment.status != Treatment.Status.ACCEPTED:
                continue
            new = item.follows is None
            made = _columns(rng, cast, g, item, themes, space=new and not space_named)
            space_named = space_named or new
            if not resident_done and cast.resident is not None:
                # The demo resident took something on at the last session, still to do.
                resident_done = True
                made[1].append(
                    Action(
                        treatment=item.treatment,
                        text=RESIDENTS_ACTION,
                        owner_id=cast.resident,
                        due_on=ctx.now.astimezone(LONDON).date() + timedelta(days=6),
                        added_by_id=cast.resident,
                    )
                )
            for column in made:
                for i, row in enumerate(column):
                    when[id(row)] = g.event.starts_at + timedelta(minutes=20 + i)
            notes += made[0]
            item.actions, item.barriers = made[1], made[2]
            actions += made[1]
            barriers += made[2]
    reports, reminders = _report_backs(rng, learning, treated, done, themes, when)
    for made in (notes, actions, barriers, reports, reminders):
        _save(ctx, made, when)
    return {
        "action learning treatments": len(rows),
        "actions": len(actions),
        "barriers": len(barriers),
        "report-backs": len(reports),
    }


def _save(ctx: DemoContext, rows: list, when: dict[int, datetime]) -> None:
    """bulk_create stamps every row "now": put back when each was really made."""
    if not rows:
        return
    model = type(rows[0])
    model.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    for row in rows:
        row.created_at = when[id(row)]
    model.objects.bulk_update(rows, ["created_at"], batch_size=BATCH_SIZE)
    ctx.remember(rows)


def _columns(rng, cast: _Cast, g: _Gathering, item: _Treated, themes, *, space: bool):
    """Who is affected, resources, the action plan and barriers for one treatment."""
    t, presenter = item.treatment, item.brought.presenter
    helpers = g.came or g.confirmed or [presenter]
    hands = helpers + cast.named(cast.organiser, cast.officer)
    notes = [
        Contribution(treatment=t, column=column, text=text, added_by_id=rng.choice(hands))
        for column, texts in ((Column.WHO, WHO), (Column.RESOURCES, RESOURCES))
        for text in rng.sample(texts, rng.randint(3, 5))
    ]
    others = [p for p in helpers if p != presenter]
    actions = []
    for text in rng.sample(ACTIONS, rng.randint(2, 4)):
        owner, owner_name, r = presenter, "", rng.random()
        if 0.45 <= r < 0.7 and others:
            owner = rng.choice(others)
        elif 0.7 <= r < 0.9:
            owner, owner_name = None, rng.choice(OWNER_NAMES)
        elif r >= 0.9 and cast.officer is not None:
            owner = cast.officer
        actions.append(
            Action(
                treatment=t,
                text=text,
                owner_id=owner,
                owner_name=owner_name,
                due_on=g.day + timedelta(days=rng.randint(7, 35)),
                added_by_id=rng.choice(hands),
            )
        )
    wordings = rng.sample(BARRIERS, rng.randint(1, 3))
    if space:
        # The set's standing barrier-busting theme, affordable space, in one of its wordings.
        rest = [w for w in wordings if w[1] != "space"][:2]
        wordings = [(rng.choice(SPACE_BARRIERS), "space"), *rest]
    barriers = [
        Barrier(
            treatment=t,
            text=text,
            theme=themes[key] if key else None,
            added_by_id=rng.choice(hands),
        )
        for text, key in wordings
    ]
    return notes, actions, barriers


def _report_backs(rng, learning, treated, done: list[int], themes, when):
    """At each session, the last session's projects report back on their actions and
    barriers. A project that comes again reports on the time before, including what was
    still in progress or still in the way."""
    key_of = {id(theme): key for key, theme in themes.items()}
    reports: list[ReportBack] = []
    reminders: list[ActionReminder] = []
    said: set[int] = set()  # barriers reported on before
    for position in range(1, len(done)):
        number = done[position]
        session = learning[number].event
        reporting = treated[done[position - 1]] + [
            item for n in done[: position - 1] for item in treated[n] if item.followed_at == number
        ]
        at = session.starts_at
        for item in reporting:
            again = item.followed_at == number
            if item.treatment.status != Treatment.Status.ACCEPTED:
                continue
            if not again and rng.random() < 0.15:
                continue  # the presenter did not come this time
            for action in item.actions:
                if action.status == Action.Status.OPEN:
                    weights = FIRST_REPORT
                elif action.status == Action.Status.IN_PROGRESS and again:
                    weights = LATER_REPORT
                else:
                    continue
                action.status = rng.choices(*weights)[0]
                at += timedelta(minutes=1)
                reports.append(_report(rng, item, session, action.status, action=action))
                when[id(reports[-1])] = at
                if action.owner_id is not None:
                    reminder = ActionReminder(
                        action=action,
                        kind=ActionReminder.Kind.BEFORE_SESSION,
                        about_date=learning[number].day,
                    )
                    when[id(reminder)] = session.starts_at - timedelta(days=3)
                    reminders.append(reminder)
            for barrier in item.barriers:
                before = id(barrier) in said
                if barrier.busted_at is not None or (before and not again):
                    continue
                said.add(id(barrier))
                at += timedelta(minutes=1)
                if rng.random() < (0.45 if before else 0.35):
                    how = rng.choice(BUSTED_HOW[key_of.get(id(barrier.theme))])
                    barrier.busted_at, barrier.busted_how = at, how
                    outcome, note = Outcome.BUSTED, how
                else:
                    outcome, note = Outcome.STILL_THERE, rng.choice(STILL_THERE)
                reports.append(_report(rng, item, session, outcome, barrier=barrier, note=note))
                when[id(reports[-1])] = at
    return reports, reminders


def _report(rng, item: _Treated, session: Event, outcome, **about) -> ReportBack:
    note = about.pop("note", None)
    return ReportBack(
        treatment=item.treatment,
        event=session,
        outcome=outcome,
        note=rng.choice(REPORTS[outcome]) if note is None else note,
        reported_by_id=item.brought.presenter,
        **about,
    )


def _agendas(ctx, rng, cast: _Cast, gatherings: list[_Gathering]) -> list[AgendaItem]:
    """Suggestions on every open agenda, with interest; past Open Space has a board."""
    items: list[AgendaItem] = []
    interests: list[AgendaInterest] = []
    for g in gatherings:
        if not g.event.agenda_open:
            continue
        event, past = g.event, g.event.ends_at <= ctx.now
        if event.kind == Kind.OPEN_SPACE:
            texts, layout = (OPEN_SPACE_ITEMS, "board") if past else (FOOD_ITEMS, "open")
        else:
            texts, layout = (PAST_FORUM_ITEMS, "agenda") if past else (FORUM_ITEMS, "open")
        people = g.holders or g.organisers
        made = []
        for number, (title, description) in enumerate(texts):
            by = rng.choice(people) if people else None
            if layout == "open" and event.kind == Kind.FORUM and number < 2:
                by = cast.officer or by  # the host's own two items
            elif layout == "open" and event.kind == Kind.FORUM and number == 2:
                by = cast.organiser or by
            backers = [by] if by is not None else []
            others = [p for p in people if p != by]
            backers += rng.sample(others, rng.randint(0, min(10, len(others))))
            item = AgendaItem(
                event=event,
                title=title,
                description=description,
                proposed_by_id=by,
                interest_count=len(backers),
            )
            made.append((item, backers))
        _lay_out(event, [m[0] for m in made], layout)
        for item, backers in made:
            items.append(item)
            interests += [AgendaInterest(item=item, user_id=p) for p in backers]
    AgendaItem.objects.bulk_create(items, batch_size=BATCH_SIZE)
    AgendaInterest.objects.bulk_create(interests, batch_size=BATCH_SIZE)
    for item in items:
        item.created_at = min(item.event.starts_at, ctx.now) - timedelta(days=rng.randint(1, 14))
    AgendaItem.objects.bulk_update(items, ["created_at"], batch_size=BATCH_SIZE)
    for interest in interests:
        interest.created_at = interest.item.created_at + timedelta(hours=rng.randint(0, 20))
    AgendaInterest.objects.bulk_update(interests, ["created_at"], batch_size=BATCH_SIZE)
    ctx.remember(items)
    ctx.remember(interests)
    return items


def _lay_out(event: Event, items: list[AgendaItem], layout: str) -> None:
    """The board: most interest first into rooms and slots; one left over, one withdrawn.
    An agenda: one item after another in the main room."""
    day = event.starts_at.astimezone(LONDON).date()
    if layout == "board":
        slots = [(_at(day, 10, 30), _at(day, 11, 15)), (_at(day, 11, 30), _at(day, 12, 15))]
        cells = [(room, slot) for slot in slots for room in ROOMS]
        ranked = sorted(items, key=lambda i: -i.interest_count)
        ranked[-1].status = AgendaItem.Status.WITHDRAWN
        for item, (room, (start, end)) in zip(ranked[:-2], cells, strict=False):
            item.status = AgendaItem.Status.SCHEDULED
            item.room, item.slot_starts_at, item.slot_ends_at = room, start, end
    elif layout == "agenda":
        start = event.starts_at + timedelta(minutes=15)
        for item in items:
            item.status = AgendaItem.Status.SCHEDULED
            item.room, item.slot_starts_at = "Main room", start
            item.slot_ends_at = start = start + timedelta(minutes=30)
