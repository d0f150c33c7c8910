"""Reads for mystery shopping: programmes, a shopper's visits, an officer's lists, results.

Results are counted with GROUP BY, never row by row, and every count of shoppers that is 1 to
4 is shown as "fewer than 5" (coproduce/common/counts.py): a service's staff may otherwise
guess who came.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.counts import is_suppressed, public_count
from coproduce.directory.models import Service, ServiceAtLocation
from coproduce.surveys.tally import scale_spread, share

from . import permissions
from .models import SCALE_VALUES, Answer, Expense, Programme, Question, Shopper, Visit


def programmes_listed(user) -> QuerySet[Programme]:
    programmes = Programme.objects.annotate(service_count=Count("services", distinct=True))
    if permissions.can_run(user):
        return programmes
    return programmes.exclude(status=Programme.Status.DRAFT)


def programme_detail(pk: int) -> Programme | None:
    return (
        Programme.objects.filter(pk=pk)
        .select_related("credit_group", "owner")
        .prefetch_related(
            "questions",
            Prefetch("services", queryset=Service.objects.select_related("organisation")),
        )
        .first()
    )


def shopper_of(user, programme: Programme) -> Shopper | None:
    if not user.is_authenticated:
        return None
    return Shopper.objects.filter(programme=programme, person=user).first()


def visits_of(user) -> QuerySet[Visit]:
    """A shopper's own visits, due first then done, in every programme they still take part in."""
    return (
        Visit.objects.filter(shopper__person=user, shopper__has_left=False)
        .select_related("service__organisation", "programme", "expense")
        # Those still to do first, on every database (PostgreSQL puts NULLs last otherwise).
        .order_by(F("recorded_at").asc(nulls_first=True), "due_on", "pk")
    )


def visit_detail(pk: int) -> Visit | None:
    return (
        Visit.objects.filter(pk=pk)
        .select_related("service__organisation", "programme", "shopper__person__profile", "expense")
        .prefetch_related("programme__questions", "answers__question")
        .first()
    )


def shoppers_of(programme: Programme) -> QuerySet[Shopper]:
    return (
        Shopper.objects.filter(programme=programme, has_left=False)
        .select_related("person__profile")
        .annotate(
            due=Count("visits", filter=Q(visits__recorded_at__isnull=True)),
            done=Count("visits", filter=Q(visits__recorded_at__isnull=False)),
        )
        .order_by("pk")
    )


def programme_visits(programme: Programme) -> QuerySet[Visit]:
    return (
        Visit.objects.filter(programme=programme)
        .select_related("shopper__person__profile", "service", "expense", "entered_by__profile")
        # Those still to do first, on every database (PostgreSQL puts NULLs last otherwise).
        .order_by(F("recorded_at").asc(nulls_first=True), "due_on", "pk")
    )


def expenses_waiting(programme: Programme) -> QuerySet[Expense]:
    return Expense.objects.filter(
        visit__programme=programme, status=Expense.Status.CLAIMED
    ).select_related("visit__shopper__person__profile", "visit__service")


# Results ---------------------------------------------------------------------------------


@dataclass
class Bar:
    label: str
    count: str  # as shown: "fewer than 5" for 1 to 4
    percent: int | None  # None when the count is hidden


@dataclass
class QuestionResult:
    question: Question
    answered: str
    bars: list[Bar] = field(default_factory=list)
    average: float | None = None
    words: list[str] = field(default_factory=list)


@dataclass
class ServiceSummary:
    service: Service
    visits_done: str
    visits_due: int


def _fewer() -> str:
    return _("fewer than 5")


def _bars(counts: dict, labels: list[tuple[object, str]], total: int) -> list[Bar]:
    bars = []
    for value, label in labels:
        count = counts.get(value, 0)
        hidden = is_suppressed(count)
        bars.append(
            Bar(
                label=label,
                count=public_count(count, fewer_than=_fewer()),
                percent=None if hidden else share(count, total),
            )
        )
    return bars


def service_summaries(programme: Programme) -> list[ServiceSummary]:
    """Each of the programme's services with how many visits are done and due."""
    services = programme.services.select_related("organisation").annotate(
        done=Count(
            "shopping_visits",
            filter=Q(
                shopping_visits__programme=programme, shopping_visits__recorded_at__isnull=False
            ),
        ),
        due=Count(
            "shopping_visits",
            filter=Q(
                shopping_visits__programme=programme, shopping_visits__recorded_at__isnull=True
            ),
        ),
    )
    return [
        ServiceSummary(
            service=service,
            visits_done=public_count(service.done, fewer_than=_fewer()),
            visits_due=service.due,
        )
        for service in services.order_by("name", "pk")
    ]


def shopped_in(ward) -> QuerySet[Service]:
    """Listed services offered in the ward that mystery shoppers visited in a finished
    programme, each with `visits` (done), most visited first: what a councillor hears."""
    done = Q(
        shopping_visits__recorded_at__isnull=False,
        shopping_visits__programme__status=Programme.Status.CLOSED,
    )
    return (
        Service.objects.filter(
            is_listed=True,
            organisation__is_listed=True,
            pk__in=ServiceAtLocation.objects.filter(place__ward=ward).values("service_id"),
        )
        .annotate(visits=Count("shopping_visits", filter=done))
        .filter(visits__gt=0)
        .order_by("-visits", "name")
    )


def service_results(programme: Programme, service: Service) -> list[QuestionResult]:
    """Per question: how many answered, the spread of numbers or yes/no, and the words used."""
    answers = Answer.objects.filter(
        visit__programme=programme, visit__service=service, visit__recorded_at__isnull=False
    )
    numbers: dict[int, dict[int, int]] = {}
    for row in (
        answers.filter(number__isnull=False).values("question_id", "number").annotate(n=Count("pk"))
    ):
        numbers.setdefault(row["question_id"], {})[row["number"]] = row["n"]
    yes_no: dict[int, dict[bool, int]] = {}
    for row in (
        answers.filter(yes__isnull=False).values("question_id", "yes").annotate(n=Count("pk"))
    ):
        yes_no.setdefault(row["question_id"], {})[row["yes"]] = row["n"]
    words: dict[int, list[str]] = {}
    for question_id, text in answers.exclude(words="").values_list("question_id", "words"):
        words.setdefault(question_id, []).append(text)
    results = []
    for question in programme.questions.all():
        if question.kind == Question.Kind.SCALE:
            counts = numbers.get(question.pk, {})
            total = sum(counts.values())
            spread = scale_spread(counts)
            hidden = is_suppressed(total)
            results.append(
                QuestionResult(
                    question=question,
                    answered=public_count(total, fewer_than=_fewer()),
                    bars=_bars(counts, [(v, str(v)) for v in SCALE_VALUES], total),
                    average=None if hidden or spread.mean is None else round(spread.mean, 1),
                )
            )
        elif question.kind == Question.Kind.YES_NO:
            counts = yes_no.get(question.pk, {})
            total = sum(counts.values())
            results.append(
                QuestionResult(
                    question=question,
                    answered=public_count(total, fewer_than=_fewer()),
                    bars=_bars(counts, [(True, _("Yes")), (False, _("No"))], total),
                )
            )
        else:
            said = words.get(question.pk, [])
            results.append(
                QuestionResult(
                    question=question,
                    answered=public_count(len(said), fewer_than=_fewer()),
                    words=said,
                )
            )
    return results


def overdue_count(programme: Programme) -> int:
    return programme.visits.filter(
        recorded_at__isnull=True, due_on__lt=timezone.localdate()
    ).count()
