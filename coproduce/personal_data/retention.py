"""The retention schedule: how long each kind of record is kept, and the daily run.

Each app declares its rules in its own `personal_data.py` with `declare_retention`. A rule
names its period, a key of `settings.RETENTION` (in days), says in plain words what it
removes (the privacy page lists every rule with its period), and gives a function that
removes what is older than the cut-off and returns how many records it removed or emptied.
`manage.py apply_retention` runs every rule once a day.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone


@dataclass(frozen=True)
class RetentionRule:
    name: str
    period: str  # a key of settings.RETENTION, in days
    what: str  # what is removed, for the privacy page (may be a lazy translation)
    apply: Callable[[datetime], int]  # removes what is older than the cut-off

    @property
    def days(self) -> int:
        return settings.RETENTION[self.period]


_rules: dict[str, RetentionRule] = {}


def declare_retention(
    name: str, *, period: str, what: str, apply: Callable[[datetime], int]
) -> RetentionRule:
    rule = RetentionRule(name=name, period=period, what=what, apply=apply)
    _rules[name] = rule
    return rule


def retention_rules() -> list[RetentionRule]:
    return sorted(_rules.values(), key=lambda rule: (rule.days, rule.name))


def retention_apply(*, now: datetime | None = None) -> dict[str, int]:
    """Run every rule, each in its own transaction. Returns how many records each removed.
    Safe to run any number of times."""
    now = now or timezone.now()
    done = {}
    for rule in retention_rules():
        with transaction.atomic():
            done[rule.name] = rule.apply(now - timedelta(days=rule.days))
    return done
