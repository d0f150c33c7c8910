"""Building and clearing the demo borough. The seed_demo command is a thin shell on these."""

import time

from django.db import transaction
from django.db.models import ProtectedError
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.places.models import Ward
from coproduce.subscriptions import sources

from .context import DEMO_EMAIL_DOMAIN, DemoContext
from .models import DemoObject
from .parts import PARTS


class DemoDataInUse(Exception):
    """Real data now points at demo data, so clearing it would break real residents' data."""


def demo_loaded() -> bool:
    """Whether any demo data is in the database."""
    return (
        DemoObject.objects.exists()
        or User.objects.filter(email__endswith=f"@{DEMO_EMAIL_DOMAIN}").exists()
    )


def borough_is_empty() -> bool:
    """No wards at all: nothing, demo or real, has been set up yet."""
    return not Ward.objects.exists()


@transaction.atomic
def demo_clear() -> None:
    """Remove every demo row, part by part in reverse order; real data is left alone.

    Raises DemoDataInUse (and changes nothing) if real data depends on demo rows.
    """
    try:
        for part in reversed(PARTS):
            part.clear()
    except ProtectedError as error:
        raise DemoDataInUse(str(error)) from error


@transaction.atomic
def demo_build(ctx: DemoContext, *, without: frozenset[str] = frozenset()) -> float:
    """Run every part in order in one transaction; returns the seconds it took.

    The same seed and size always make the same borough (names, places, words). `without`
    names parts to leave out, so a part's own tests can build the borough around it.
    """
    started = time.perf_counter()
    # Made-up rows are not news: nothing is announced to subscribers (the subscriptions
    # part makes its own items for the bucket pages and feeds).
    with sources.quiet():
        for part in PARTS:
            if part.name in without:
                continue
            part_started = time.perf_counter()
            part.build(ctx)
            ctx.write(f"  {part.name}: {time.perf_counter() - part_started:.1f}s")
    return time.perf_counter() - started


def demo_context(**kwargs) -> DemoContext:
    return DemoContext(now=timezone.now(), **kwargs)
