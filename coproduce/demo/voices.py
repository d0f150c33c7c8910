"""What demo residents write about themselves, in their own words. No Django import.

Phrases are grouped by the community skill they show (see shared/data/community_skills.txt)
but mostly avoid the skill's own label: later work recognises skills from plain words, so
the demo should read like people, not like a form. Slots in {braces} are filled at random.
"""

import random
import string

SLOTS: dict[str, list[str]] = {
    "place": [
        "our estate",
        "the block",
        "the community centre",
        "St Mark's hall",
        "the mosque",
        "the gurdwara",
        "the temple",
        "the library",
        "the youth club",
        "the church hall",
        "the tenants' hall",
        "the park",
        "the primary school",
        "the food bank",
        "the allotments",
    ],
    "often": [
        "every Saturday",
        "most weekends",
        "on Tuesday evenings",
        "once a month",
        "when I can",
        "every summer",
        "a couple of times a week",
        "in the school holidays",
        "on Sundays",
    ],
    "years": [
        "for years",
        "for ten years",
        "for over twenty years",
        "since I was a teenager",
        "for a few years now",
        "since the kids were small",
        "for about five years",
    ],
    "relative": [
        "my mum",
        "my dad",
        "my nan",
        "my grandad",
        "my brother",
        "my son",
        "my daughter",
        "my husband",
        "my wife",
        "my partner",
        "my auntie",
        "my neighbour",
    ],
    "lang": [
        "Somali",
        "Polish",
        "Portuguese",
        "Bengali",
        "Yoruba",
        "Turkish",
        "Tamil",
        "Arabic",
        "Spanish",
        "Tigrinya",
        "Urdu",
        "Twi",
        "Cantonese",
        "Romanian",
        "Gujarati",
        "French",
        "Lithuanian",
        "Kurdish",
        "Farsi",
        "Punjabi",
        "Vietnamese",
    ],
    "food": [
        "jollof rice",
        "curry goat",
        "pierogi",
        "biryani",
        "Sunday roasts",
        "jerk chicken",
        "pastéis de nata",
        "dumplings",
        "injera",
        "pho",
        "lasagne",
        "cakes",
        "dal",
        "samosas",
        "Turkish breakfasts",
        "soup for fifty",
    ],
    "kids": ["the kids", "the young people", "the teenagers", "the little ones", "local children"],
    "job": [
        "nurse",
        "bus driver",
        "teacher",
        "bookkeeper",
        "electrician",
        "social worker",
        "librarian",
        "civil servant",
        "postie",
        "carer",
        "shop manager",
        "printer",
    ],
}

# Skill label -> ways residents say they have it.
CAN_DO: dict[str, list[str]] = {
    "event planning": [
        "I run the school fete {often}",
        "I put together the street party for the Jubilee",
        "I sort out the Christmas do for our block {often}",
    ],
    "project management": [
        "I kept a big office move on time and on budget",
        "Good at keeping lots of plates spinning",
    ],
    "bookkeeping": [
        "Retired bookkeeper, happy to help a group with its accounts",
        "I keep the books for the football club",
        "I do the accounts for {place}",
    ],
    "fundraising": [
        "I raised two grand for the hospice with a sponsored walk",
        "I organise the cake sales at {place}",
    ],
    "grant writing": [
        "I've written funding bids that got {place} a new kitchen",
        "I know my way round a Lottery application",
    ],
    "gardening": [
        "I look after the planters outside {place}",
        "I can't walk past a weed, ask anyone",
        "Green fingers, I keep the communal garden going",
    ],
    "food growing": [
        "Mad about growing veg on my balcony",
        "I've had an allotment {years}",
        "I grow tomatoes and chillies on the windowsill and share the glut",
    ],
    "cooking": [
        "I cook {food} for the whole family every week",
        "I can feed a crowd, {food} a speciality",
        "I help in the kitchen at {place} {often}",
    ],
    "food hygiene": ["I've got my level 2 certificate from working in a café"],
    "first aid": [
        "I'm a paramedic",
        "I volunteer with St John Ambulance at matches",
        "Trained to do CPR and happy to be the one people call",
    ],
    "childcare": [
        "I run a toddler group {often}",
        "Registered childminder {years}",
        "I look after my grandchildren after school",
    ],
    "care for older people": [
        "I look after {relative} who has dementia",
        "I worked in a care home {years} and loved it",
    ],
    "befriending": [
        "I pop in on the older lady next door most days",
        "I'm a good listener over a cuppa",
        "I ring round the lonely ones on our estate {often}",
    ],
    "mentoring": [
        "I help school leavers think about jobs and college",
        "I've coached new starters at work {years}",
    ],
    "teaching": [
        "I taught maths at a secondary school {years}",
        "I ran training courses at work {years}",
    ],
    "tutoring": [
        "I help with reading at the primary school",
        "I help kids with their GCSE maths",
    ],
    "translation and interpreting": [
        "I speak {lang} and help neighbours with letters",
        "I go to GP appointments with people who need {lang}",
    ],
    "British Sign Language": ["I sign, my brother is Deaf", "I can hold a conversation in BSL"],
    "graphic design": [
        "I designed the banner for the festival",
        "I make posters and flyers that people read",
    ],
    "photography": [
        "I take pictures at every event going",
        "Never without my camera",
    ],
    "video production": [
        "I film our band's gigs and cut them together",
        "I make short films on my phone",
    ],
    "web development": [
        "I made the website for our allotment association",
        "I build websites for a living",
    ],
    "social media": [
        "I run the Facebook group for our street",
        "I manage the Instagram for a local bakery",
    ],
    "writing and editing": [
        "I edit the church magazine",
        "I write the newsletter for {place}",
    ],
    "public speaking": [
        "I'm comfortable speaking at council meetings",
        "Happy to stand up and say my piece",
    ],
    "facilitation": [
        "I chair the residents' meetings and make sure everyone gets a say",
        "I run workshops at work and can get a room talking",
    ],
    "community organising": [
        "I got the whole street together to stop the library closing",
        "I started the WhatsApp group that got us a new crossing",
    ],
    "data analysis": [
        "Spreadsheets don't scare me",
        "I work with numbers all day and like finding patterns",
    ],
    "IT support": [
        "I fix everyone's laptops and phones",
        "I set up wifi and printers for older neighbours",
    ],
    "legal advice": ["I'm a solicitor, happy to point people in the right direction"],
    "welfare benefits advice": [
        "I look after {relative} and know the benefits system inside out",
        "I help people fill in their Universal Credit forms",
    ],
    "counselling": ["I'm a trained counsellor", "I volunteer on a listening line"],
    "mental health support": [
        "I run a walk-and-talk group for people having a hard time",
        "I've been through it myself and I help others going through it now",
    ],
    "carpentry": [
        "I can build you a bench or a bookshelf",
        "I made the raised beds at {place}",
    ],
    "plumbing": ["Plumber by trade, can fix a leak in ten minutes", "I sort out dripping taps"],
    "electrical work": ["I'm a qualified sparky", "I can rewire a lamp or put up lights"],
    "painting and decorating": [
        "I painted the mural at {place}",
        "Give me a roller and a free weekend",
        "I redid the hall at {place} with a few mates",
    ],
    "bicycle repair": [
        "I fix bikes for {kids} on our estate",
        "I can true a wheel and fix any puncture",
    ],
    "sewing and textiles": [
        "I can take up trousers and mend anything",
        "I knit for the premature baby unit",
        "I run a sewing circle {often}",
    ],
    "music": [
        "I play guitar in a covers band",
        "I sing in a gospel choir",
        "I DJ at parties and weddings",
    ],
    "sports coaching": [
        "I coach the under-11s football {often}",
        "Qualified swimming instructor",
        "I run the Saturday morning park run for {kids}",
    ],
    "dance": ["I teach salsa at {place} {often}", "I do Bollywood and love getting people up"],
    "arts and crafts": [
        "I make things out of whatever people throw away",
        "I run a craft table for {kids}",
        "Pottery, knitting, collage, you name it",
    ],
    "youth work": [
        "I help out at the youth club {often}",
        "I run the Scouts group at {place}",
    ],
    "marketing": [
        "I know how to get the word out",
        "I worked in advertising {years}",
    ],
    "research and surveys": [
        "I did the door-knocking survey for our tenants' association",
        "I like asking questions and writing up what people said",
    ],
    "housing advice": [
        "I know my rights as a tenant and help others with theirs",
        "I help neighbours deal with the housing repairs team",
    ],
    "mediation": [
        "I'm usually the one who calms things down between neighbours",
        "Trained to help people sort out disagreements",
    ],
    "English language teaching": [
        "I run conversation classes for people new to English",
        "I help mums at the school gate with their English",
    ],
    "health and safety": ["I did risk assessments at work for years"],
    "budgeting and money advice": [
        "I help people make their money last to the end of the month",
        "Good at sorting out debts and talking to the bank",
    ],
    "business planning": [
        "I've run my own café {years}",
        "I help people turn an idea into a small business",
    ],
    "disability support": [
        "I'm a wheelchair user and know what makes a place accessible",
        "I support my son who has autism and know the system",
    ],
    "office administration": [
        "Good at paperwork, minutes and keeping things organised",
        "I take the minutes for our residents' association",
    ],
    "driving": [
        "I've got a car and can give people lifts",
        "I drive the minibus for {place}",
        "Clean licence, can drive a van",
    ],
    "cleaning": [
        "I do the litter pick on our road {often}",
        "I'll scrub a hall spotless before an event",
    ],
}

CARE_ABOUT = [
    "{kids} having somewhere safe to go",
    "older neighbours who are lonely",
    "the state of the park",
    "cleaner air on our road",
    "nobody going hungry",
    "the library staying open",
    "bringing different communities together",
    "fly-tipping on our estate",
    "making the high street lively again",
    "climate change",
    "people getting the help they are entitled to",
    "wildlife and green spaces",
    "safer roads for walking and cycling",
    "mental health",
    "good, affordable housing",
    "people with disabilities being included",
    "keeping local history alive",
    "music and art for everyone",
    "young people getting into work",
    "knowing my neighbours",
    "refugees feeling welcome",
    "less waste and more repairing",
    "families in temporary housing",
]

WOULD_LIKE = [
    "Start a repair café",
    "Learn to grow my own food",
    "Set up a community fridge at {place}",
    "Get a choir going for people on our estate",
    "Meet more people round here",
    "Help with a project that makes a difference",
    "Start a homework club for {kids}",
    "Learn British Sign Language",
    "Turn the empty shop into something useful",
    "Get more trees planted on our street",
    "Run a stall at the summer fair",
    "Set up a walking group for older people",
    "Share what I know with someone starting out",
    "Teach a class at {place}",
    "Start a tool library",
    "Make our estate greener",
    "Put on a festival for the whole borough",
    "Get back into work by volunteering",
    "Learn how to write a funding bid",
]

INTROS = [
    "Mum of three.",
    "Retired {job}.",
    "Lived here all my life.",
    "New to the area.",
    "Grandad of five.",
    "Full-time carer.",
    "Student at the college.",
    "Working nights.",
]
CLOSERS = ["Happy to help.", "Just ask!", "Weekends are best for me.", "Can do evenings."]


def _fill(rng: random.Random, text: str) -> str:
    names = [name for _text, name, _spec, _conv in string.Formatter().parse(text) if name]
    return text.format(**{name: rng.choice(SLOTS[name]) for name in names})


def _sentences(parts: list[str]) -> str:
    return " ".join(part if part.endswith((".", "!", "?")) else f"{part}." for part in parts)


def can_do(rng: random.Random, skills: list[str]) -> str:
    """One to three things a resident can do, with now and then an intro or a closing line."""
    parts = [_fill(rng, rng.choice(CAN_DO[skill])) for skill in skills]
    if rng.random() < 0.25 and not parts[0].startswith("Retired"):
        parts.insert(0, _fill(rng, rng.choice(INTROS)))
    if rng.random() < 0.15:
        parts.append(rng.choice(CLOSERS))
    return _sentences(parts)


CARE_OPENERS = [
    "I care about {}",
    "Passionate about {}",
    "What matters to me is {}",
    "Really worried about {}",
    "Big on {}",
    "{}, that's what gets me up in the morning",
]
WISH_OPENERS = ["{}", "I'd like to {}", "Would love to {}", "One day I want to {}", "Hoping to {}"]


def care_about(rng: random.Random) -> str:
    first, second = (_fill(rng, text) for text in rng.sample(CARE_ABOUT, 2))
    if rng.random() < 0.6:
        text = rng.choice(CARE_OPENERS).format(first)
    else:
        text = f"{first}, and {second}"
    return _sentences([text[0].upper() + text[1:]])


def would_like(rng: random.Random) -> str:
    wish = _fill(rng, rng.choice(WOULD_LIKE))
    text = rng.choice(WISH_OPENERS).format(wish[0].lower() + wish[1:])
    return _sentences([text[0].upper() + text[1:]])


SKILLS = sorted(CAN_DO)
