"""Demo street conversations: a part of the demo borough (coproduce/demo/parts/).

Two street conversation days for the borough's food strategy, run by the demo organiser:
one at the market in the first ward, one outside the library in another, each with about
a hundred and fifty things people said (drawn from coproduce/demo/street_voices.py) and the
themes already found and named. The themes come from the topic each comment was drawn
from, not from the embedder, so building the demo stays quick; "Find the themes again" on
the day's page embeds them for real. Rows go in with bulk_create, bypassing the services.
The first day's named themes are published. `build(ctx)` after wards and demo accounts;
`clear()` before them.
"""

import uuid
from datetime import timedelta

from coproduce.accounts.models import User
from coproduce.accounts.roles import Role
from coproduce.demo.street_voices import PLACES, TOPICS, said
from coproduce.streettalk.grouping import document_counts, top_words
from coproduce.streettalk.models import AgeBand, StreetDay, StreetEntry, Theme

from ..context import DemoContext, forget, keeping_dates, remembered
from .accounts import email_for

ENTRIES_PER_DAY = 150
THEME_NAMES = {
    "prices": "Food costs too much",
    "market": "Bring back a food market",
    "distance": "Shops are too far away",
    "takeaways": "Too many takeaways",
    "cooking": "Help to learn to cook",
    "growing": "Space to grow food",
    "food_bank": "The food bank",
    "school_meals": "School meals and holidays",
    "waste": "Stop food going to waste",
    "eating_together": "Eating together",
}
DAYS = [
    ("Food strategy: market day", 40, 0, "Market square"),
    ("Food strategy: outside the library", 12, 1, "Outside the library"),
]
QUESTIONS = "What would make it easier to eat well round here?\nWhat is one thing you would change?"


def build(ctx: DemoContext) -> None:
    rng = ctx.random("streettalk")
    facilitator = User.objects.filter(email=email_for(Role.ORGANISER)).first()
    if facilitator is None or not ctx.wards:
        ctx.counts["street_entries"] = 0
        return
    made = 0
    with keeping_dates(StreetDay, StreetEntry, Theme):
        for number, (title, days_ago, ward_index, area) in enumerate(DAYS):
            held = ctx.now - timedelta(days=days_ago)
            ward = ctx.wards[ward_index % len(ctx.wards)]
            day = StreetDay.objects.create(
                title=title,
                held_on=held.date(),
                ward=ward,
                area=area,
                questions=QUESTIONS,
                facilitator=facilitator,
                themes_published=number == 0,
                themes_asked_at=held + timedelta(hours=6),
                themes_found_at=held + timedelta(hours=6, minutes=1),
                created_at=held - timedelta(days=7),
                updated_at=held,
            )
            ctx.remember([day])
            themes = {
                topic: Theme(day=day, name=THEME_NAMES[topic], created_at=held, updated_at=held)
                for topic in sorted(TOPICS)
            }
            # One theme left unnamed, for the facilitator to name.
            themes["waste"].name = ""
            Theme.objects.bulk_create(themes.values())
            ctx.remember(themes.values())
            entries = []
            for _ in range(ENTRIES_PER_DAY):
                text, topic = said(rng)
                when = held + timedelta(minutes=rng.randint(0, 300))
                entries.append(
                    StreetEntry(
                        uuid=uuid.UUID(int=rng.getrandbits(128), version=4),
                        day=day,
                        said=text,
                        place=rng.choice([area, area, *PLACES]),
                        ward=rng.choice([ward, ward, None, rng.choice(ctx.wards)]),
                        age_band=rng.choice(AgeBand.values),
                        via=rng.choice(["phone", "phone", "phone", "paper"]),
                        recorded_by=facilitator,
                        theme=themes[topic],
                        created_at=when,
                        updated_at=when,
                    )
                )
            StreetEntry.objects.bulk_create(entries)
            ctx.remember(entries)
            made += len(entries)
            everywhere = document_counts([e.said for e in entries])
            for theme in themes.values():
                texts = [e.said for e in entries if e.theme is theme]
                theme.top_words = top_words(texts, everywhere, len(entries))
            Theme.objects.bulk_update(themes.values(), ["top_words", "name"])
    ctx.counts["street_entries"] = made


def clear() -> None:
    StreetEntry.objects.filter(pk__in=remembered(StreetEntry)).delete()
    Theme.objects.filter(pk__in=remembered(Theme)).delete()
    StreetDay.objects.filter(pk__in=remembered(StreetDay)).delete()
    for model in (StreetEntry, Theme, StreetDay):
        forget(model)
