"""Reads about champions: who champions which street, applications, a champion's page.

`is_champion_for` and `champions_of` are for other apps (offline acts for residents through
their champion).
"""

from django.db.models import Prefetch, Q, QuerySet

from coproduce.places.models import Street, Ward

from .models import ChampionApplication, ChampionMessage, StreetChampion


def current_roles() -> QuerySet[StreetChampion]:
    return StreetChampion.objects.filter(ended_at__isnull=True)


def is_champion_for(user, street) -> bool:
    """True when `user` is a current champion of `street` (a Street or its id)."""
    if user is None or not getattr(user, "is_authenticated", False) or street is None:
        return False
    street_id = getattr(street, "pk", street)
    return current_roles().filter(champion_id=user.pk, street_id=street_id).exists()


def champions_of(user) -> QuerySet[Street]:
    """The streets `user` champions now, by name (empty for anyone else)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Street.objects.none()
    return (
        Street.objects.filter(
            champion_roles__champion_id=user.pk, champion_roles__ended_at__isnull=True
        )
        .select_related("ward")
        .order_by("name", "pk")
    )


def roles_of(user) -> QuerySet[StreetChampion]:
    """A person's current roles, with their streets and wards, by street name."""
    return (
        current_roles()
        .filter(champion_id=user.pk)
        .select_related("street__ward")
        .order_by("street__name", "pk")
    )


def role_detail(pk: int) -> StreetChampion | None:
    return (
        StreetChampion.objects.select_related("street__ward", "champion__profile")
        .filter(pk=pk)
        .first()
    )


def champion_detail(pk: int):
    """The champion (a user, with profile) if they champion at least one street now."""
    role = (
        current_roles()
        .filter(champion_id=pk, champion__is_active=True)
        .select_related("champion__profile")
        .first()
    )
    return role.champion if role else None


def champions_on_streets(street_ids: list[int]) -> dict[int, list]:
    """{street id: [current champions (users with profiles)]} for these streets."""
    found: dict[int, list] = {street_id: [] for street_id in street_ids}
    roles = (
        current_roles()
        .filter(street_id__in=street_ids, champion__is_active=True)
        .select_related("champion__profile")
        .order_by("street_id", "pk")
    )
    for role in roles:
        found[role.street_id].append(role.champion)
    return found


def streets_to_choose(ward: Ward | None, q: str = "") -> QuerySet[Street]:
    """Streets of one ward to choose from (a ward has about a hundred), by name, narrowed by
    words in the name."""
    if ward is None:
        return Street.objects.none()
    streets = Street.objects.filter(ward=ward)
    for word in q.split()[:5]:
        streets = streets.filter(name__icontains=word)
    return streets.order_by("name", "pk")


def application_waiting_of(user) -> ChampionApplication | None:
    return (
        ChampionApplication.objects.filter(
            applicant_id=user.pk, status=ChampionApplication.Status.WAITING
        )
        .prefetch_related("streets")
        .first()
    )


def applications_of(user) -> QuerySet[ChampionApplication]:
    return (
        ChampionApplication.objects.filter(applicant_id=user.pk)
        .prefetch_related(Prefetch("streets", queryset=Street.objects.order_by("name")))
        .order_by("-created_at", "-pk")
    )


def applications_waiting() -> QuerySet[ChampionApplication]:
    """Applications for officers to answer, oldest first."""
    return (
        ChampionApplication.objects.filter(status=ChampionApplication.Status.WAITING)
        .select_related("applicant__profile__ward")
        .prefetch_related(Prefetch("streets", queryset=Street.objects.order_by("name")))
        .order_by("created_at", "pk")
    )


def application_detail(pk: int) -> ChampionApplication | None:
    return (
        ChampionApplication.objects.select_related("applicant__profile", "decided_by__profile")
        .prefetch_related(
            Prefetch("streets", queryset=Street.objects.select_related("ward").order_by("name"))
        )
        .filter(pk=pk)
        .first()
    )


def current_champions(q: str = "") -> QuerySet[StreetChampion]:
    """Current roles for officers, by ward and street, narrowed by street or ward name."""
    roles = current_roles().select_related("street__ward", "champion__profile")
    for word in q.split()[:5]:
        roles = roles.filter(
            Q(street__name__icontains=word) | Q(street__ward__name__icontains=word)
        )
    return roles.order_by("street__ward__name", "street__name", "pk")


def messages_to(user) -> QuerySet[ChampionMessage]:
    return (
        ChampionMessage.objects.filter(champion_id=user.pk)
        .select_related("sender__profile", "street")
        .order_by("-created_at", "-pk")
    )
