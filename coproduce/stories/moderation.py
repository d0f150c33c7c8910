"""New stories wait in the moderators' queue that discussion owns (discussion/waiting.py).

Registered from the app's ready(): discussion lists what waits and records each decision in
its moderation log; `services.story_decide` changes the story and tells its teller.
"""

from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.discussion.waiting import Waiting, WaitingKind
from coproduce.discussion.waiting import register as register_kind

from . import permissions, services
from .models import Story

KIND = "story"  # also its kind in the moderation log and among reported things


def _waiting() -> QuerySet[Story]:
    return Story.objects.filter(status=Story.Status.WAITING).select_related(
        "teller__profile", "ward"
    )


def _item(story: Story) -> Waiting:
    return Waiting(
        kind=KIND,
        pk=story.pk,
        text=services.story_text(story),
        author=story.teller,
        where=story.ward.name if story.ward_id else str(_("Stories")),
        url=reverse("stories:detail", args=[story.pk]),
        created_at=story.updated_at,
    )


def oldest(limit: int) -> list[Waiting]:
    return [_item(story) for story in _waiting().order_by("updated_at", "pk")[:limit]]


def count() -> int:
    return Story.objects.filter(status=Story.Status.WAITING).count()


def find(pk: int) -> Waiting | None:
    story = _waiting().filter(pk=pk).first()
    return None if story is None else _item(story)


def register() -> None:
    register_kind(
        WaitingKind(
            slug=KIND,
            label=_("Stories"),
            oldest=oldest,
            count=count,
            find=find,
            decide=services.story_decide,
            can_moderate=permissions.can_moderate,
        )
    )
