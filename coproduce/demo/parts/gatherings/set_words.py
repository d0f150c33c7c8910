"""The learning set's words: the barrier library's themes, barriers as sets named them and how
they were busted, the projects brought, the four columns, the report-backs and the themes of
the month."""

from coproduce.gatherings.models import ReportBack

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
