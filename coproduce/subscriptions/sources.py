"""Where items come from: the domain apps' own rows, read when they are saved.

Connected in SubscriptionsConfig.ready(); the domain apps never import this app. A save
only queues the work: once the saving transaction commits, a task reads the row afresh (so
many-to-many links set in the same transaction are there) and announces it. Announcing is
idempotent per source, so a row saved twice is one item.
"""

from contextlib import contextmanager
from contextvars import ContextVar
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models.signals import post_save
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from coproduce.budgets.models import Result, Round
from coproduce.conversations.models import Conversation
from coproduce.gatherings.feeds import location
from coproduce.gatherings.models import Event
from coproduce.projects.models import Project
from coproduce.sharing.models import FundingOpportunity
from coproduce.sharing.models import Item as SharedItem
from coproduce.surveys.models import Survey

from . import services
from .models import Item

ANNOUNCERS = {}


def announcer(label: str):
    def register(fn):
        ANNOUNCERS[label] = fn
        return fn

    return register


def _some(*keys_: str | None) -> list[str]:
    return sorted({key for key in keys_ if key})


@announcer("projects.project")
def project(pk: int) -> None:
    row = Project.objects.select_related("place").filter(pk=pk, is_hidden=False).first()
    if row is None:
        return
    groups = row.owners.filter(organisation__isnull=False).values_list("organisation_id", flat=True)
    ward_id = row.ward_id or (row.place.ward_id if row.place else None)
    services.item_announce(
        source=f"projects.project:{pk}",
        thing="projects",
        title=row.title,
        summary=row.summary,
        url=reverse("projects:detail", args=[pk]),
        topics=_some(
            f"theme:{row.theme}",
            ward_id and f"ward:{ward_id}",
            row.place_id and f"place:{row.place_id}",
            *[f"group:{group}" for group in groups],
        ),
    )


@announcer("gatherings.event")
def event(pk: int) -> None:
    row = Event.objects.select_related("place__building").filter(pk=pk).first()
    if row is None or row.is_cancelled:
        return
    place = row.place
    services.item_announce(
        source=f"gatherings.event:{pk}",
        thing="events",
        title=row.title,
        summary=row.summary,
        url=reverse("gatherings:event", args=[pk]),
        topics=_some(
            place and f"place:{place.pk}",
            place and place.building_id and f"place:{place.building_id}",
            place and f"ward:{place.ward_id}",
            row.group_id and f"group:{row.group_id}",
            row.series_id and f"series:{row.series_id}",
        ),
        starts_at=row.starts_at,
        ends_at=row.ends_at,
        where=location(row),
    )


@announcer("sharing.fundingopportunity")
def funding(pk: int) -> None:
    row = FundingOpportunity.objects.filter(pk=pk).first()
    if row is None:
        return
    services.item_announce(
        source=f"sharing.fundingopportunity:{pk}",
        thing="funding",
        title=row.title,
        summary=row.what_it_funds[:500],
        url=reverse("sharing:funding_detail", args=[pk]),
        topics=_some(
            *[f"theme:{theme}" for theme in row.themes.values_list("theme", flat=True)],
            *[f"ward:{ward}" for ward in row.wards.values_list("pk", flat=True)],
        ),
        ends_at=None,
    )


@announcer("budgets.round")
def budget_round(pk: int) -> None:
    row = Round.objects.filter(pk=pk).first()
    if row is None:
        return
    services.item_announce(
        source=f"budgets.round:{pk}",
        thing="funding",
        title=row.title,
        summary=row.purpose[:500],
        url=reverse("budgets:round_detail", args=[pk]),
        topics=[f"ward:{ward}" for ward in row.wards.values_list("pk", flat=True)],
    )


@announcer("budgets.result")
def budget_result(pk: int) -> None:
    row = Result.objects.select_related("budget_round").filter(pk=pk).first()
    if row is None:
        return
    budget_round_ = row.budget_round
    services.item_announce(
        source=f"budgets.result:{budget_round_.pk}",
        thing="decisions",
        title=_("Results: %(title)s") % {"title": budget_round_.title},
        summary=_("The votes are counted. See what will get support."),
        url=reverse("budgets:result", args=[budget_round_.pk]),
        topics=[f"ward:{ward}" for ward in budget_round_.wards.values_list("pk", flat=True)],
    )


@announcer("sharing.item")
def shared_item(pk: int) -> None:
    row = SharedItem.objects.filter(pk=pk, status=SharedItem.Status.AVAILABLE).first()
    if row is None:
        return
    services.item_announce(
        source=f"sharing.item:{pk}",
        thing="items",
        title=f"{row.get_kind_display()}: {row.title}",
        summary=row.description[:500],
        url=reverse("sharing:item_detail", args=[pk]),
        topics=_some(f"ward:{row.ward_id}", row.organisation_id and f"group:{row.organisation_id}"),
    )


@announcer("conversations.conversation")
def conversation_report(pk: int) -> None:
    row = (
        Conversation.objects.select_related("project")
        .filter(pk=pk, status=Conversation.Status.CLOSED)
        .first()
    )
    if row is None:
        return
    project_ = row.project
    services.item_announce(
        source=f"conversations.conversation:{pk}:report",
        thing="decisions",
        title=_("What people said: %(question)s") % {"question": row.question},
        summary=row.description[:500],
        url=reverse("conversations:results", args=[pk]),
        topics=_some(
            row.ward_id and f"ward:{row.ward_id}",
            row.series_id and f"series:{row.series_id}",
            row.group_id and f"group:{row.group_id}",
            project_ and f"theme:{project_.theme}",
            project_ and project_.ward_id and f"ward:{project_.ward_id}",
        ),
    )


@announcer("surveys.survey")
def survey(pk: int, *, now: datetime | None = None) -> None:
    """A published survey asks people to have their say; once closed, its public results are
    a decision people may want to read (two items, one for each)."""
    row = Survey.objects.filter(pk=pk, status=Survey.Status.PUBLISHED).first()
    if row is None:
        return
    topics = _some(row.ward_id and f"ward:{row.ward_id}")
    if row.state(now or timezone.now()) == Survey.State.CLOSED:
        if row.results_public:
            services.item_announce(
                source=f"surveys.survey:{pk}:results",
                thing="decisions",
                title=_("Results: %(title)s") % {"title": row.title},
                summary=row.what_happens_next[:500],
                url=reverse("surveys:results", args=[pk]),
                topics=topics,
            )
        return
    services.item_announce(
        source=f"surveys.survey:{pk}",
        thing="decisions",
        title=_("Have your say: %(title)s") % {"title": row.title},
        summary=row.why[:500],
        url=reverse("surveys:detail", args=[pk]),
        topics=topics,
        ends_at=row.closes_at,
    )


# How far back a survey that closed by its date is still announced: a server stopped for a
# while catches up, and results from months ago are not news.
CLOSED_LATELY = timedelta(days=14)


def closed_surveys_announce(*, now: datetime | None = None) -> int:
    """Announce the results of surveys that closed by reaching their closing time.

    Closing by hand saves the survey, which announces it; closing by the clock saves
    nothing, so this is run every minute. Each survey's results go out once (an item per
    source); returns how many were announced now."""
    now = now or timezone.now()
    due = Survey.objects.filter(
        status=Survey.Status.PUBLISHED,
        results_public=True,
        closes_at__lte=now,
        closes_at__gt=now - CLOSED_LATELY,
    ).values_list("pk", flat=True)
    sources_due = {f"surveys.survey:{pk}:results": pk for pk in due}
    done = set(Item.objects.filter(source__in=sources_due).values_list("source", flat=True))
    fresh = [pk for source, pk in sources_due.items() if source not in done]
    for pk in fresh:
        with transaction.atomic():
            survey(pk, now=now)
    return len(fresh)


def _wanted(sender, instance, created: bool) -> bool:
    """Whether this save may make or change an item (cheap: no queries)."""
    if sender is Conversation:
        return instance.status == Conversation.Status.CLOSED
    if sender is Event:
        return not instance.is_cancelled
    if sender is Project:
        return created and not instance.is_hidden
    if sender is Survey:
        return instance.status == Survey.Status.PUBLISHED
    return created


# Saves that change only these (counts, sequence numbers) change nothing a bucket shows.
QUIET = frozenset(
    {
        "confirmed_count",
        "waiting_count",
        "appreciation_count",
        "sequence",
        "updated_at",
        "attendance_recorded_at",
        "analysis_pending",
        "analysed_at",
    }
)


# Set while rows are made that nobody should hear about (the demo borough being built).
_quiet: ContextVar[bool] = ContextVar("subscriptions_quiet", default=False)


@contextmanager
def quiet():
    """Within this block, saved rows are not announced to anyone's buckets."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def saved(sender, instance, created: bool = False, raw: bool = False, **kwargs) -> None:
    if _quiet.get():
        return
    update_fields = kwargs.get("update_fields")
    if update_fields and set(update_fields) <= QUIET:
        return
    if raw or not _wanted(sender, instance, created):
        return
    label = sender._meta.label_lower
    pk = instance.pk
    transaction.on_commit(lambda: _queue(label, pk))


@task()
def announce(label: str, pk: int) -> None:
    """Announce a domain row once its transaction has committed."""
    ANNOUNCERS[label](pk)


def _queue(label: str, pk: int) -> None:
    announce.enqueue(label, pk)


SENDERS = (Project, Event, FundingOpportunity, Round, Result, SharedItem, Conversation, Survey)


def connect() -> None:
    for sender in SENDERS:
        post_save.connect(saved, sender=sender, dispatch_uid=f"subscriptions_{sender.__name__}")
