"""Events kept off public lists and pages, for a reason an app above knows (a youth
service choice panel's meeting: where young people meet is not shown to the public, ADR 0024).

An app registers a `Rule` from its AppConfig.ready(): `event_ids()` gives the ids of the
events it keeps unlisted (a queryset, used as a subquery) and `may_see(user, event)` says who
besides the event's organisers still sees such an event. Lists leave the events out with
`exclude_unlisted`; an event's page answers 404 to anyone else (`hidden_from`).
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import BooleanField, ExpressionWrapper, Q, QuerySet


@dataclass(frozen=True)
class Rule:
    name: str
    event_ids: Callable[[], QuerySet]
    may_see: Callable[[object, object], bool]


_rules: dict[str, Rule] = {}


def register(rule: Rule) -> Rule:
    _rules[rule.name] = rule
    return rule


def exclude_unlisted(events: QuerySet) -> QuerySet:
    """The events without those any rule keeps off public lists."""
    for rule in _rules.values():
        events = events.exclude(pk__in=rule.event_ids())
    return events


def _flag(rule: Rule) -> str:
    return f"unlisted_by_{rule.name}"


def with_unlisted_flags(events: QuerySet) -> QuerySet:
    """The events with, for each rule, whether it keeps them unlisted, read in their own
    query: `hidden_from` then asks the database nothing more (an RSVP is one query fewer)."""
    return events.annotate(
        **{
            _flag(rule): ExpressionWrapper(Q(pk__in=rule.event_ids()), output_field=BooleanField())
            for rule in _rules.values()
        }
    )


def _rules_for(event) -> list[Rule]:
    if all(hasattr(event, _flag(rule)) for rule in _rules.values()):
        return [rule for rule in _rules.values() if getattr(event, _flag(rule))]
    # `event_ids()` may be a queryset of another model's values (a meeting's event_id), so
    # it is only ever used as a subquery of events, never filtered by its own pk.
    events = type(event).objects.filter(pk=event.pk)
    return [rule for rule in _rules.values() if events.filter(pk__in=rule.event_ids()).exists()]


def hidden_from(user, event) -> bool:
    """Whether this person may not see this unlisted event: only its organisers and the
    people a rule names do."""
    rules = _rules_for(event)
    if not rules:
        return False
    signed_in = user is not None and user.is_authenticated
    if signed_in and event.organisers.filter(pk=user.pk).exists():
        return False
    return not (signed_in and any(rule.may_see(user, event) for rule in rules))
