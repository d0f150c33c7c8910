"""The programme's words: the Work Shop's titles (with each kind's times and capacity), the
online talks, agenda items, and what people write when they ask for support."""

from coproduce.gatherings.models import Event

Kind = Event.Kind

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
            ("How planning decisions are made", "Who decides, and when you can have a say."),
            ("Running a group without burning out", "Sharing the jobs, and saying no."),
            ("What the council's new housing plan means", "In plain words, with time to ask."),
            ("Keeping your group's money safe", "Bank accounts, receipts and two signatures."),
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
            ("Feeling safe on our streets at night", "Lighting, paths and who to call."),
            ("What would help families with young children?", "Bring the children too."),
            ("Is the bus working for you?", "Routes, times and getting on with a buggy."),
            ("Winter: keeping warm and well", "What is on offer, and what is missing."),
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
            ("Set up a WhatsApp group for your street", "Safely, and without the arguments."),
            ("Fix a bike in a morning", "Punctures, brakes and chains."),
            ("Write a leaflet people will read", "Short words, big print, one idea."),
            ("Run a safe first aid kit for your group", "What to keep, and who to ask."),
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
    "paying people for their time",
    "working with young people",
    "measuring what changed",
    "reaching people who do not usually come",
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
