"""What a thread can be about. Higher apps register their topics; messaging imports none.

A topic says, for one kind of thing, who answers for it (its team), who may write to that
team, and how the thing is named and linked. Projects, gatherings and sharing register
theirs when they load, so this app (on the people floor) never imports them.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.functional import Promise


@dataclass(frozen=True)
class Topic:
    slug: str  # in addresses: /messages/new/<slug>/<pk>/
    model: type[models.Model]
    team: Callable[[Any], Iterable[Any]]  # the people who answer for the thing
    team_name: str | Promise  # "the owners", "the organisers", "the giver"
    may_write: Callable[[Any, Any], bool]  # (user, thing): may this person write to the team?
    title: Callable[[Any], str]
    url: Callable[[Any], str]
    visible: Callable[[Any, Any], bool] = lambda user, thing: True  # (user, thing)
    who_may_write: str | Promise = ""  # said to someone who may not: "Only people who..."


_topics: dict[str, Topic] = {}


def register(topic: Topic) -> Topic:
    existing = _topics.get(topic.slug)
    if existing is not None and existing.model is not topic.model:
        raise ValueError(f"Another topic is already called {topic.slug!r}.")
    _topics[topic.slug] = topic
    return topic


def get(slug: str) -> Topic | None:
    return _topics.get(slug)


def registered() -> list[Topic]:
    return list(_topics.values())
