"""Words for the demo's things to share and funding rounds (see sharing.py): what people
offer and want in each category, and invented funders with the programmes they run."""

from coproduce.projects.themes import Theme
from coproduce.sharing.models import Item

Category = Item.Category
THINGS: dict[str, list[tuple[str, str]]] = {
    Category.FURNITURE: [
        ("Wooden kitchen table", "Seats four. A few marks on top."),
        ("Two-seater sofa", "Grey fabric, clean, no pets."),
        ("Chest of drawers", "Three drawers, all run smoothly."),
        ("Single bed frame", "Pine, comes apart for carrying."),
        ("Bookcase", "Tall, white, five shelves."),
        ("Armchair", "Comfy, a bit faded on one arm."),
        ("Desk and chair", "Good for homework."),
        ("Wardrobe", "Double, with a mirror inside the door."),
    ],
    Category.TOOLS: [
        ("Hedge trimmer", "Electric, with a long cable."),
        ("Cordless drill", "With two batteries and a set of bits."),
        ("Ladder", "Three-section, reaches a first-floor window."),
        ("Wallpaper steamer", "Used twice."),
        ("Socket set", "Metric, in a carry case."),
        ("Tile cutter", "Manual, cuts up to 60 cm."),
    ],
    Category.EQUIPMENT: [
        ("Gazebo for events", "Three by three metres, with weights."),
        ("Projector and screen", "Good for a film night in a hall."),
        ("Folding tables", "Six tables, good for a street party."),
        ("Pressure washer", "For patios and paths."),
    ],
    Category.BOOKS: [
        ("Box of children's books", "Ages 4 to 8, about thirty books."),
        ("Cookery books", "A dozen, mostly vegetarian."),
        ("GCSE revision guides", "Maths, English and science."),
        ("Crime novels", "A bag of paperbacks."),
    ],
    Category.CLOTHES: [
        ("School uniform, age 9 to 10", "Jumpers and trousers, washed."),
        ("Winter coats", "Adult sizes, warm and dry."),
        ("Baby clothes, 0 to 6 months", "A big bag, mostly white and grey."),
        ("Football boots, size 5", "Worn for one season."),
    ],
    Category.KITCHEN: [
        ("Slow cooker", "Works well, with its lid."),
        ("Set of saucepans", "Four pans, suitable for induction."),
        ("Bread maker", "With the instruction book."),
        ("Microwave", "800 watts, clean inside."),
        ("Plates and bowls", "Enough for six."),
    ],
    Category.GARDEN: [
        ("Lawn mower", "Push mower, sharp blades."),
        ("Seed trays and pots", "A big bag of them."),
        ("Wheelbarrow", "Solid tyre, never goes flat."),
        ("Compost bin", "Council type, with its lid."),
        ("Strawberry plants", "A dozen runners in pots."),
    ],
    Category.OTHER: [
        ("Baby buggy", "Folds flat, rain cover included."),
        ("Bike for a child", "Age 6 to 8, with stabilisers."),
        ("Cot and mattress", "Mattress still in its cover."),
        ("Board games", "Scrabble, Monopoly and a few more."),
        ("Adult bike", "Needs new brake pads."),
    ],
}
WANTED_NOTES = [
    "For our new flat. Can collect.",
    "For the community garden. Happy to pick up.",
    "Just for a weekend, will look after it.",
]
WHERE = [
    "Outside the library on a Saturday morning.",
    "Front garden, any evening after six.",
    "At the community centre, ask at reception.",
]

# Kinds of funder a borough has, with invented names (no real organisation is meant), and
# the programmes each runs: (title, what it funds, themes, smallest grant).
FUNDERS = [
    ("Northbrook Landfill Communities Trust", "https://landfill-trust.example.org"),
    ("Riverside Community Foundation", "https://riverside-foundation.example.org"),
    ("Northbrook Community Lottery", "https://community-lottery.example.org"),
    ("Greenway Homes Community Chest", "https://greenway-homes.example.org/community-chest"),
    ("Northbrook Health Partnership", "https://health.example.org"),
    ("Marsh Gate Almshouse Charity", "https://almshouse-charity.example.org"),
    ("Eastmarsh Solar Farm Community Benefit Fund", "https://eastmarsh-solar.example.org"),
    ("Old Market Business Improvement District", "https://old-market-bid.example.org"),
]
PROGRAMMES: dict[str, list[tuple[str, str, list[str], int]]] = {
    "Riverside Community Foundation": [
        ("Neighbourhood grants", "Small grants for groups run by local people.", [], 250),
        (
            "Winter warmth fund",
            "Warm spaces, hot meals and help with heating bills.",
            [Theme.HEALTH, Theme.OLDER_PEOPLE],
            500,
        ),
        (
            "Young people's fund",
            "Clubs, trips and projects led by young people.",
            [Theme.YOUNG_PEOPLE],
            500,
        ),
    ],
    "Northbrook Community Lottery": [
        ("Good causes grants", "Anything that brings neighbours together.", [], 250),
    ],
    "Greenway Homes Community Chest": [
        (
            "Estate improvement grants",
            "Gardens, play areas and shared spaces on our estates.",
            [Theme.HOUSING, Theme.SPACES],
            500,
        ),
        (
            "Tenants' projects fund",
            "Projects run by or for our tenants.",
            [Theme.HOUSING],
            250,
        ),
    ],
    "Northbrook Health Partnership": [
        (
            "Healthy neighbourhoods fund",
            "Walking groups, cooking clubs and ways to stay well.",
            [Theme.HEALTH, Theme.FOOD],
            1_000,
        ),
    ],
    "Marsh Gate Almshouse Charity": [
        (
            "Grants for older residents",
            "Lunch clubs, outings and company for older people.",
            [Theme.OLDER_PEOPLE],
            250,
        ),
    ],
    "Eastmarsh Solar Farm Community Benefit Fund": [
        (
            "Green communities grants",
            "Saving energy, growing food and greener streets.",
            [Theme.ENVIRONMENT, Theme.TRANSPORT],
            1_000,
        ),
    ],
    "Old Market Business Improvement District": [
        (
            "High street events fund",
            "Markets, festivals and events that bring people to the shops.",
            [Theme.MONEY, Theme.ARTS],
            500,
        ),
    ],
}
ELIGIBILITY = [
    "Community groups and projects in the borough.",
    "Groups with a bank account and two unrelated people to sign cheques.",
    "Registered charities, community interest companies and residents' associations.",
    "Groups run by local people. You do not need to be a charity.",
]
SEASONS = {12: "winter", 1: "winter", 2: "winter", 3: "spring", 4: "spring", 5: "spring"}
SEASONS |= {6: "summer", 7: "summer", 8: "summer", 9: "autumn", 10: "autumn", 11: "autumn"}
