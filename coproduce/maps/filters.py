"""The filters shared by the map API and the list view, so both always give the same results."""

from dataclasses import dataclass, field

from django.db.models import Q, QuerySet
from django.db.models.functions import Substr
from django.http import QueryDict
from django.utils import timezone

from coproduce.groups.models import Organisation
from coproduce.places import hours
from coproduce.places.models import Place, Ward
from coproduce.projects.models import Project
from coproduce.services.models import ServiceAtLocation
from coproduce.services.selectors import listed_services
from coproduce.skills.models import Skill

LAYERS = ("places", "projects", "groups", "services", "people")
MAX_QUERY = 100


class FilterError(ValueError):
    """A filter value that cannot be used; the message says which and why."""


@dataclass(frozen=True)
class MapFilters:
    layers: tuple[str, ...] = LAYERS
    kinds: tuple[str, ...] = ()
    ward: Ward | None = None
    step_free: bool = False
    open_now: bool = False
    skill: Skill | None = None
    q: str = ""
    errors: list[str] = field(default_factory=list)

    @classmethod
    def from_query(cls, query: QueryDict) -> "MapFilters":
        layers = tuple(_split(query, "layers")) or LAYERS
        unknown = [layer for layer in layers if layer not in LAYERS]
        if unknown:
            raise FilterError(
                f"Unknown layer {', '.join(unknown)}. Layers are: {', '.join(LAYERS)}"
            )
        kinds = tuple(_split(query, "kind"))
        known_kinds = {k for k, _label in Place.Kind.choices if k != Place.Kind.ROOM}
        bad_kinds = [k for k in kinds if k not in known_kinds]
        if bad_kinds:
            raise FilterError(
                f"Unknown kind {', '.join(bad_kinds)}. Kinds are: {', '.join(sorted(known_kinds))}"
            )
        ward = None
        if query.get("ward"):
            ward = Ward.objects.filter(slug=query["ward"]).first()
            if ward is None:
                raise FilterError(f"There is no ward called {query['ward']!r}")
        q = (query.get("q") or "").strip()
        if len(q) > MAX_QUERY:
            raise FilterError(f"Search for {MAX_QUERY} characters or fewer")
        skill = None
        if query.get("skill"):
            skill = Skill.objects.filter(slug=query["skill"], is_current=True).first()
            if skill is None:
                raise FilterError(f"There is no skill called {query['skill']!r}")
        return cls(
            layers=layers,
            kinds=kinds,
            ward=ward,
            step_free=_yes(query, "step_free"),
            open_now=_yes(query, "open_now"),
            skill=skill,
            q=q,
        )

    @property
    def filters_places_only(self) -> bool:
        """Filters about what a place is or has: people, counted by ward, never match."""
        return bool(self.kinds or self.step_free or self.open_now or self.q)

    def shows(self, layer: str) -> bool:
        """A layer is shown if asked for and every filter in use can apply to it."""
        if layer not in self.layers:
            return False
        if layer == "places":
            return self.skill is None
        if layer == "people":
            return not self.filters_places_only
        if layer == "projects":
            return not (self.skill or self.kinds or self.open_now or self.step_free)
        # Groups and services are found where they meet or run: kinds of place, opening
        # hours and skills do not apply to them.
        return not (self.skill or self.kinds or self.open_now)

    def places(self) -> QuerySet[Place]:
        """Listed places (rooms are shown on their building's page) matching the filters."""
        places = Place.objects.filter(is_listed=True).exclude(kind=Place.Kind.ROOM)
        if self.kinds:
            places = places.filter(kind__in=self.kinds)
        if self.ward is not None:
            places = places.filter(ward=self.ward)
        if self.step_free:
            places = places.filter(step_free=True)
        if self.q:
            places = places.filter(Q(name__icontains=self.q) | Q(description__icontains=self.q))
        if self.open_now:
            # One character of the week mask: see places/hours.py.
            slot = hours.slot_at(timezone.localtime()) + 1
            places = places.annotate(open_slot=Substr("open_week", slot, 1)).filter(open_slot="1")
        return places

    def projects(self) -> QuerySet[Project]:
        """Projects and ideas on the map (not archived or hidden), matching the filters."""
        projects = Project.objects.filter(is_hidden=False, map_x__isnull=False).exclude(
            status=Project.Status.ARCHIVED
        )
        if self.ward is not None:
            projects = projects.filter(ward=self.ward)
        if self.q:
            projects = projects.filter(Q(title__icontains=self.q) | Q(summary__icontains=self.q))
        return projects

    def groups(self) -> QuerySet[Organisation]:
        """Listed groups that meet at a listed place, matching the filters that apply."""
        groups = Organisation.objects.filter(is_listed=True, base__is_listed=True)
        if self.ward is not None:
            groups = groups.filter(base__ward=self.ward)
        if self.step_free:
            groups = groups.filter(base__step_free=True)
        if self.q:
            groups = groups.filter(Q(name__icontains=self.q) | Q(description__icontains=self.q))
        return groups

    def service_locations(self) -> QuerySet[ServiceAtLocation]:
        """Each listed service at each listed place it runs from, matching the filters."""
        rows = ServiceAtLocation.objects.filter(
            service__in=listed_services(), place__is_listed=True
        )
        if self.ward is not None:
            rows = rows.filter(place__ward=self.ward)
        if self.step_free:
            rows = rows.filter(place__step_free=True)
        if self.q:
            rows = rows.filter(
                Q(service__name__icontains=self.q) | Q(service__description__icontains=self.q)
            )
        return rows


def _yes(query: QueryDict, name: str) -> bool:
    return query.get(name, "") in {"1", "true", "on", "yes"}


def _split(query: QueryDict, name: str) -> list[str]:
    values = []
    for raw in query.getlist(name):
        values.extend(v.strip() for v in raw.split(",") if v.strip())
    return values
