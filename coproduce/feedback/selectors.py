"""Reads of feedback: the public summary, the public answers and the owner's list."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet

from coproduce.common.counts import SMALLEST_SHOWN
from coproduce.directory.models import Service, ServiceAtLocation
from coproduce.groups.models import Membership
from coproduce.places.models import Ward

from .models import Feedback, Rating
from .permissions import manages_any_feedback

#: No summary of a service's feedback is shown in public below this many responses.
SUMMARY_THRESHOLD = SMALLEST_SHOWN


@dataclass(frozen=True)
class Summary:
    count: int
    answered: int
    #: (rating, its label, how many), worst first.
    ratings: list[tuple[int, str, int]]

    @property
    def is_shown(self) -> bool:
        return self.count >= SUMMARY_THRESHOLD

    @property
    def share_answered(self) -> int:
        """Per cent answered, rounded down (so "100%" means every one)."""
        return self.answered * 100 // self.count if self.count else 0


def summary_of(service: Service) -> Summary:
    """Counts by how it went, and how many were answered, in one query."""
    rows = (
        Feedback.objects.filter(service=service)
        .order_by()
        .values("rating")
        .annotate(n=Count("pk"), answered=Count("pk", filter=Q(answered_at__isnull=False)))
    )
    by_rating = {row["rating"]: row for row in rows}
    ratings = [
        (value, str(label), by_rating.get(value, {}).get("n", 0)) for value, label in Rating.choices
    ]
    return Summary(
        count=sum(n for _v, _l, n in ratings),
        answered=sum(row["answered"] for row in by_rating.values()),
        ratings=ratings,
    )


def service_for_feedback(uuid, *, viewer=None) -> Service | None:
    """A listed service (or any service, for those who manage every service's feedback)."""
    services = Service.objects.select_related("organisation")
    if not manages_any_feedback(viewer):
        services = services.filter(is_listed=True, organisation__is_listed=True)
    return services.filter(uuid=uuid).first()


def public_answers(service: Service) -> QuerySet[Feedback]:
    """Feedback the service answered in public, newest answer first."""
    return Feedback.objects.filter(
        service=service, answered_at__isnull=False, answer_is_public=True
    ).order_by("-answered_at", "-pk")


def feedback_for_owner(service: Service, filters: dict) -> QuerySet[Feedback]:
    """The service's feedback for its owner, newest first, with the filters asked for."""
    feedback = Feedback.objects.filter(service=service).select_related("person__profile")
    if filters.get("rating"):
        feedback = feedback.filter(rating__in=[int(r) for r in filters["rating"]])
    answered = filters.get("answered")
    if answered == "no":
        feedback = feedback.filter(answered_at__isnull=True)
    elif answered == "yes":
        feedback = feedback.filter(answered_at__isnull=False)
    if filters.get("via"):
        feedback = feedback.filter(via=filters["via"])
    return feedback.order_by("-created_at", "-pk")


def services_run_by(user) -> QuerySet[Service]:
    """The services whose feedback this person may manage, with how many wait for an answer."""
    services = Service.objects.all()
    if not manages_any_feedback(user):
        services = services.filter(
            organisation__memberships__user=user,
            organisation__memberships__role=Membership.Role.ORGANISER,
        )
    return (
        services.select_related("organisation")
        .annotate(
            waiting=Count("feedback", filter=Q(feedback__answered_at__isnull=True)),
            total=Count("feedback"),
        )
        .order_by("-waiting", "name", "pk")
    )


def feedback_detail(pk: int) -> Feedback | None:
    """One piece of feedback with its service and organisation (for its owners' pages)."""
    return Feedback.objects.select_related("service__organisation").filter(pk=pk).first()


def ward_of(service: Service):
    """The ward a service is in, when every place it is offered at is in the same one."""
    wards = list(Ward.objects.filter(places__service_locations__service=service).distinct()[:2])
    return wards[0] if len(wards) == 1 else None


def services_heard_in(ward) -> QuerySet[Service]:
    """Listed services offered in the ward with enough feedback to summarise, most first,
    each with `responses` and `answered` counted."""
    return (
        Service.objects.filter(
            is_listed=True,
            organisation__is_listed=True,
            pk__in=ServiceAtLocation.objects.filter(place__ward=ward).values("service_id"),
        )
        .annotate(
            responses=Count("feedback"),
            answered=Count("feedback", filter=Q(feedback__answered_at__isnull=False)),
        )
        .filter(responses__gte=SUMMARY_THRESHOLD)
        .order_by("-responses", "name")
    )


def answer_days() -> int:
    """How many days a service has to answer feedback: FEEDBACK_ANSWER_DAYS, else 14."""
    return int(getattr(settings, "FEEDBACK_ANSWER_DAYS", 14))


def answers_on_time(*, since, now, ward_id: int | None = None) -> dict[str, int]:
    """Feedback given since `since`, counted as answered on time (within answer_days()),
    answered late, waiting too long (not answered, time is up) and not due yet. For a ward:
    services offered at a place in it. One query."""
    within = timedelta(days=answer_days())
    feedback = Feedback.objects.filter(created_at__gte=since)
    if ward_id is not None:
        feedback = feedback.filter(
            service_id__in=ServiceAtLocation.objects.filter(place__ward_id=ward_id).values(
                "service_id"
            )
        )
    deadline = F("created_at") + within
    return feedback.aggregate(
        on_time=Count("pk", filter=Q(answered_at__isnull=False, answered_at__lte=deadline)),
        late=Count("pk", filter=Q(answered_at__gt=deadline)),
        overdue=Count("pk", filter=Q(answered_at__isnull=True, created_at__lt=now - within)),
        not_due=Count("pk", filter=Q(answered_at__isnull=True, created_at__gte=now - within)),
    )
