"""Demo services: what the borough's council teams, NHS and charities offer, and when.

A part of the demo borough (see coproduce/demo/parts): `build(ctx)` gives existing
organisations of the kinds that run services a few services each, at existing places;
`clear()` removes them. With no such organisations or no places it makes nothing.
"""

import random
from dataclasses import dataclass
from datetime import time
from decimal import Decimal

from django.utils.text import slugify

from coproduce.directory import services
from coproduce.directory.models import Service, TaxonomyTerm
from coproduce.groups.models import Organisation
from coproduce.places.models import Place

from ..context import DEMO_EMAIL_DOMAIN, DemoContext, forget, remembered

KINDS = (
    Organisation.Kind.COUNCIL_SERVICE,
    Organisation.Kind.NHS,
    Organisation.Kind.VOLUNTARY,
)
SERVICES_PER_ORGANISATION = ([1, 2, 3], [40, 40, 20])
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR")


@dataclass(frozen=True)
class Template:
    name: str
    description: str
    terms: tuple[str, ...]
    days: tuple[str, ...]
    opens: time
    closes: time
    minimum_age: int | None = None
    maximum_age: int | None = None
    cost: Decimal | None = Decimal("0")
    cost_description: str = ""


def _t(name, description, terms, days, hours, ages=(None, None), cost="0", per=""):
    return Template(
        name,
        description,
        tuple(terms),
        tuple(days),
        time(hours[0], hours[1]),
        time(hours[2], hours[3]),
        ages[0],
        ages[1],
        None if cost is None else Decimal(cost),
        per,
    )


CATALOGUE: dict[str, tuple[Template, ...]] = {
    Organisation.Kind.COUNCIL_SERVICE: (
        _t("Housing advice drop-in", "Talk to a housing officer about renting, repairs or "
           "being at risk of losing your home.", ["housing", "advice-and-guidance"],
           ["TU", "TH"], (9, 30, 12, 30), ages=(16, None)),
        _t("Rhyme time", "Songs and rhymes for babies and toddlers with their carers.",
           ["children-and-families", "learning-and-skills"], ["WE"], (10, 30, 11, 15),
           ages=(0, 4)),
        _t("Benefits and money advice", "Help to check what you can claim and to sort out "
           "debts.", ["money", "advice-and-guidance"], WEEKDAYS, (10, 0, 16, 0), ages=(18, None)),
        _t("Bus pass help", "Apply for or renew an older person's or disabled person's bus "
           "pass.", ["transport", "older-people"], ["MO", "WE", "FR"], (9, 0, 13, 0)),
        _t("Park volunteering morning", "Plant, prune and pick litter with the parks team.",
           ["environment"], ["SA"], (10, 0, 13, 0)),
        _t("Swim for fitness", "Lane swimming at the leisure centre.", ["sport-and-leisure",
           "health-and-wellbeing"], WEEKDAYS, (7, 0, 9, 0), cost="3.50", per="a swim"),
    ),
    Organisation.Kind.NHS: (
        _t("Stop smoking clinic", "Friendly help and free nicotine replacement to help you "
           "stop smoking.", ["health-and-wellbeing"], ["MO"], (18, 0, 20, 0), ages=(12, None)),
        _t("Baby clinic", "Weigh your baby and talk to a health visitor.",
           ["children-and-families", "health-and-wellbeing"], ["TH"], (13, 30, 15, 30),
           ages=(0, 2)),
        _t("Talking therapies", "Short courses of talking therapy for anxiety and low mood.",
           ["health-and-wellbeing"], WEEKDAYS, (9, 0, 17, 0), ages=(18, None)),
        _t("Walking for health", "Gentle group walks led by a trained walk leader.",
           ["health-and-wellbeing", "sport-and-leisure", "older-people"], ["TU"],
           (10, 0, 11, 30)),
    ),
    Organisation.Kind.VOLUNTARY: (
        _t("Food parcels", "Emergency food parcels, with a referral or without.",
           ["food", "money"], ["MO", "WE", "FR"], (10, 0, 14, 0)),
        _t("Lunch club", "A hot meal and good company every week.", ["food", "older-people"],
           ["FR"], (12, 0, 14, 0), ages=(60, None), cost="3.50", per="a meal"),
        _t("Homework club", "Quiet space, snacks and volunteers to help with homework.",
           ["children-and-families", "learning-and-skills"], ["MO", "TU", "WE", "TH"],
           (15, 30, 17, 30), ages=(8, 16)),
        _t("English conversation class", "Practise speaking English in a friendly group.",
           ["learning-and-skills"], ["TH"], (18, 30, 20, 0), ages=(16, None)),
        _t("Community choir", "Everyone welcome; no need to read music.", ["arts-and-culture"],
           ["WE"], (19, 0, 21, 0), cost="2", per="a session"),
        _t("Repair café", "Bring broken things and fix them with our volunteers.",
           ["environment", "learning-and-skills"], ["SA"], (10, 0, 13, 0)),
        _t("Debt advice", "Free, confidential advice on debt from trained advisers.",
           ["money", "advice-and-guidance"], ["TU", "TH"], (9, 30, 16, 30), ages=(18, None)),
        _t("Community transport", "Door-to-door minibus for people who cannot use the bus.",
           ["transport", "older-people"], WEEKDAYS, (9, 0, 17, 0), cost="2.50",
           per="a journey"),
        _t("Youth drama group", "Make and perform plays together.", ["arts-and-culture",
           "children-and-families"], ["SA"], (11, 0, 13, 0), ages=(11, 18)),
    ),
}  # fmt: skip


def build(ctx: DemoContext) -> None:
    rng = ctx.random("services")
    organisations = list(Organisation.objects.filter(kind__in=KINDS).order_by("pk"))
    places = list(Place.objects.filter(is_listed=True).exclude(kind=Place.Kind.ROOM).order_by("pk"))
    if not organisations or not places:
        ctx.counts["services"] = 0
        return
    services.taxonomy_ensure_builtin()
    terms = {term.code: term for term in TaxonomyTerm.objects.all()}
    places_by_ward: dict[int, list[Place]] = {}
    for place in places:
        places_by_ward.setdefault(place.ward_id, []).append(place)
    made: list[Service] = []
    with ctx.progress(total=len(organisations), desc="Services") as bar:
        for organisation in organisations:
            count = rng.choices(*SERVICES_PER_ORGANISATION)[0]
            for template in rng.sample(CATALOGUE[organisation.kind], count):
                place = _place_for(rng, organisation, places, places_by_ward)
                made.append(_service(rng, organisation, template, place, terms))
            bar.update(1)
    ctx.remember(made)
    ctx.counts["services"] = len(made)


def clear() -> None:
    # Deleting a service removes its places, times, contacts, costs and categories with it.
    Service.objects.filter(pk__in=remembered(Service)).delete()
    forget(Service)


def _place_for(
    rng: random.Random,
    organisation: Organisation,
    places: list[Place],
    places_by_ward: dict[int, list[Place]],
) -> Place:
    if organisation.base_id and rng.random() < 0.7:
        base = next((p for p in places if p.pk == organisation.base_id), None)
        if base is not None:
            return base
    nearby = places_by_ward.get(organisation.ward_id or -1)
    return rng.choice(nearby or places)


def _service(
    rng: random.Random,
    organisation: Organisation,
    template: Template,
    place: Place,
    terms: dict[str, TaxonomyTerm],
) -> Service:
    team = slugify(template.name)
    return services.service_create(
        organisation=organisation,
        name=template.name,
        description=template.description,
        email=f"{team}@{DEMO_EMAIL_DOMAIN}",
        places=[place],
        contacts=[
            services.ContactDetails(title="Enquiries", phone=f"020 7946 {rng.randrange(10000):04d}")
        ],
        openings=[
            services.Opening(days=template.days, opens_at=template.opens, closes_at=template.closes)
        ],
        minimum_age=template.minimum_age,
        maximum_age=template.maximum_age,
        costs=[]
        if template.cost is None
        else [
            services.Cost(
                option="Free" if template.cost == 0 else "",
                amount=template.cost,
                amount_description=template.cost_description,
            )
        ],
        terms=[terms[code] for code in template.terms if code in terms],
    )
