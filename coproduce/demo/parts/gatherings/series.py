"""The series the events belong to, and who organises each."""

from django.utils.text import slugify

from coproduce.demo.context import DemoContext, remembered
from coproduce.gatherings.models import Event, Series
from coproduce.groups.models import Organisation

from .cast import Cast
from .set_words import SET_DESCRIPTION

Kind = Event.Kind


def _unique_slug(title: str) -> str:
    base = slugify(title)[:140]
    slug, number = base, 1
    while Series.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug


def make_series(ctx: DemoContext, cast: Cast) -> dict[str, Series]:
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
