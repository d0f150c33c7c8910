"""The barrier library's themes, which the barriers that sets name are linked to."""

from django.utils.text import slugify

from coproduce.demo.context import DemoContext
from coproduce.gatherings.models import BarrierTheme

from .set_words import THEMES


def make_library_themes(ctx: DemoContext) -> dict[str, BarrierTheme]:
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
