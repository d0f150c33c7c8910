"""What people say to a street conversation about food, in their own words. No Django import.

Each topic has a few ways of saying the same thing, with {slots} filled at random, so a
large sample reads like many different people rather than one sentence repeated. Used by
the demo borough's street conversation days and by benchmarks/streettalk.py.
"""

import random

SLOTS: dict[str, list[str]] = {
    "veg": ["fruit and veg", "fresh vegetables", "salad", "fresh fruit", "greens", "tomatoes"],
    "shop": ["the big supermarket", "the market", "the corner shop", "Lidl", "the high street"],
    "kid": ["my kids", "my son", "my daughter", "the children", "my grandchildren"],
    "meal": ["dinner", "a hot meal", "lunch", "a proper meal", "breakfast"],
    "place": ["the community centre", "the church hall", "the library", "the school", "the park"],
    "when": ["every week", "at the end of the month", "in the holidays", "most days", "lately"],
    "price": ["double", "a lot more", "so much more", "nearly twice as much", "silly money"],
}

TOPICS: dict[str, list[str]] = {
    "prices": [
        "{veg} costs {price} than it did last year",
        "I can't afford {veg} {when} any more",
        "Food prices have gone up so much, we buy less {veg}",
        "Everything at {shop} is {price} now, it's hard to feed {kid}",
        "We skip {meal} sometimes because food is too expensive",
        "The cost of food is the biggest worry for my family",
    ],
    "market": [
        "Bring back the Saturday market, it had cheap {veg}",
        "The market stalls closed and now there is nowhere to get {veg}",
        "A weekly food market in {place} would be brilliant",
        "I miss buying {veg} from the market traders",
        "We need a proper market with local growers again",
    ],
    "distance": [
        "The nearest big shop is two buses away",
        "Without a car it's hard to get to {shop}",
        "Carrying shopping home on the bus with {kid} is a nightmare",
        "There's no decent food shop within walking distance of the estate",
        "Older people round here can't get to {shop} easily",
    ],
    "takeaways": [
        "Too many chicken shops near the school",
        "There are five takeaways on this road and nowhere to buy {veg}",
        "{kid} go to the chicken shop after school every day",
        "Fast food is cheaper than cooking, that's the problem",
        "The high street is all takeaways and betting shops now",
    ],
    "cooking": [
        "I'd love a cooking class so I can make cheap {meal}",
        "Teach young people how to cook from scratch",
        "Cooking lessons at {place} for families would help",
        "A lot of people don't know how to cook with {veg}",
        "My mum taught me to cook but {kid} never learnt",
    ],
    "growing": [
        "Let people grow {veg} on the spare land by the flats",
        "The allotment waiting list is ten years long",
        "A community garden in {place} would bring people together",
        "We grow tomatoes on our balcony, more people should",
        "Plant fruit trees in the park so anyone can pick them",
    ],
    "food_bank": [
        "The food bank at {place} is a lifeline for us",
        "I never thought I'd need the food bank but I do {when}",
        "The food bank needs more fresh food, not just tins",
        "People feel ashamed to go to the food bank",
        "The food bank opening hours don't work if you have a job",
    ],
    "school_meals": [
        "Free school meals should be for every child",
        "{kid} says the school dinners are too small",
        "In the holidays there's no school lunch so it's harder to feed {kid}",
        "School meals are the only hot meal some children get",
        "The holiday lunch club at {place} was great",
    ],
    "waste": [
        "Shops throw away so much good food at night",
        "Give the leftover food from supermarkets to people who need it",
        "A community fridge would stop food going in the bin",
        "We waste too much food at home, I'd like tips on that",
        "Restaurants should give unsold food away",
    ],
    "eating_together": [
        "A community lunch at {place} would help lonely older people",
        "Eating together brings neighbours closer",
        "The free Friday supper at {place} is the best thing round here",
        "I'd come to a shared meal if it was friendly and cheap",
        "My dad lives alone and would love a lunch club",
    ],
}


def _fill(rng: random.Random, text: str) -> str:
    for slot, choices in SLOTS.items():
        while "{" + slot + "}" in text:
            text = text.replace("{" + slot + "}", rng.choice(choices), 1)
    return text[0].upper() + text[1:]


OPENERS = [
    "",
    "",
    "",
    "",
    "Honestly, ",
    "I think ",
    "For me, ",
    "Well, ",
    "To be honest, ",
    "If you ask me, ",
    "Round here, ",
    "My neighbour always says ",
    "Put it this way: ",
    "The thing is, ",
    "Oh, ",
    "Right, so ",
    "What I'd say is ",
]
ENDINGS = [
    "",
    "",
    "",
    ".",
    ".",
    "!",
    ", honestly.",
    " to be fair.",
    ", that's what I think.",
    ", and it's getting worse.",
    ". Everyone says so.",
    ", you know?",
    ". It's not right.",
    ", especially for families.",
    ". That's my main thing.",
]


def said(rng: random.Random, topic: str | None = None) -> tuple[str, str]:
    """One thing someone said, and the topic it was drawn from."""
    topic = topic or rng.choice(sorted(TOPICS))
    text = _fill(rng, rng.choice(TOPICS[topic]))
    opener = rng.choice(OPENERS)
    if opener:
        text = opener + (text if text.startswith("I ") else text[0].lower() + text[1:])
    return text + rng.choice(ENDINGS), topic


PLACES = [
    "Outside the library",
    "Market square",
    "Bus station",
    "Outside the big supermarket",
    "By the school gates",
    "Community centre stall",
    "High street, by the post office",
    "The park cafe",
]
