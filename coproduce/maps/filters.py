"""The filters shared by the map API and the list view, so both always give the same results:
one form checks the query for both, and draws the map page's sidebar."""

from dataclasses import dataclass, field

from django import forms
from django.db.models import Q, QuerySet
from django.db.models.functions import Substr
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from coproduce.common import opening_hours as hours
from coproduce.common.filters import (
    ChoicesField,
    CommaSeparatedCheckboxes,
    FilterForm,
    TickField,
)
from coproduce.directory.models import ServiceAtLocation
from coproduce.directory.selectors import listed_services
from coproduce.groups.models import Organisation
from coproduce.places.fields import ward_filter_field
from coproduce.places.models import Place, Ward
from coproduce.projects.models import Project
from coproduce.projects.selectors import shown_projects
from coproduce.skills.models import Skill
from coproduce.skills.selectors import current_skills

LAYERS = ("places", "projects", "groups", "services", "people")
LAYER_LABELS = {
    "places": _("Places"),
    "projects": _("Projects and ideas"),
    "groups": _("Groups"),
    "services": _("Services"),
    "people": _("People, counted by ward"),
}
# Rooms are shown on their building's page, never on the map.
KINDS = [(kind, label) for kind, label in Place.Kind.choices if kind != Place.Kind.ROOM]
MAX_QUERY = 100


class FilterError(ValueError):
    """A filter value that cannot be used; the message says which and why."""


def _small_checkboxes() -> CommaSeparatedCheckboxes:
    return CommaSeparatedCheckboxes(attrs={"class": "govuk-checkboxes--small"})


class MapFilterForm(FilterForm):
    """The map's filters, in the query string of the page and of the API alike."""

    layers = ChoicesField(
        label=_("Show"),
        choices=[(layer, LAYER_LABELS[layer]) for layer in LAYERS],
        initial=LAYERS,
        required=False,
        widget=_small_checkboxes(),
        error_messages={
            "invalid_choice": f"Unknown layer %(value)s. Layers are: {', '.join(LAYERS)}"
        },
    )
    q = forms.CharField(
        label=_("Search"),
        required=False,
        max_length=MAX_QUERY,
        widget=forms.SearchInput,
        error_messages={"max_length": _("Search for %(limit_value)d characters or fewer")},
    )
    kind = ChoicesField(
        label=_("Kind of place"),
        choices=KINDS,
        required=False,
        widget=_small_checkboxes(),
        error_messages={
            "invalid_choice": "Unknown kind %(value)s. Kinds are: "
            + ", ".join(sorted(kind for kind, _label in KINDS))
        },
    )
    ward = ward_filter_field(
        empty_label=_("All wards"), invalid_message=_("There is no ward called '%(value)s'")
    )
    step_free = TickField(label=_("Step-free"), widget_id="map-step-free")
    open_now = TickField(label=_("Open now"), widget_id="map-open-now")
    skill = forms.ModelChoiceField(
        label=_("People with a skill"),
        help_text=_("Counts people by ward. Places are not shown while you choose a skill."),
        queryset=current_skills(),
        to_field_name="slug",
        required=False,
        empty_label=_("Any skill"),
        error_messages={"invalid_choice": _("There is no skill called '%(value)s'")},
    )
    tick_groups = {_("Places that are"): ("step_free", "open_now")}

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("auto_id", "map-%s")
        super().__init__(*args, **kwargs)


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
        """The filters in a query string; FilterError names the first that makes no sense."""
        form = MapFilterForm(query)
        if not form.is_valid():
            # In the order the API has always checked them.
            for name in ("layers", "kind", "ward", "q", "skill", *form.errors):
                if name in form.errors:
                    raise FilterError(form.errors[name][0])
        return cls.from_form(form)

    @classmethod
    def from_form(cls, form: MapFilterForm) -> "MapFilters":
        """The filters of a form; any that made no sense are left out."""
        data = form.filters()
        return cls(
            layers=tuple(data.get("layers", ())) or LAYERS,
            kinds=tuple(data.get("kind", ())),
            ward=data.get("ward"),
            step_free=data.get("step_free", False),
            open_now=data.get("open_now", False),
            skill=data.get("skill"),
            q=data.get("q", ""),
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
            # One character of the week mask: see common/opening_hours.py.
            slot = hours.slot_at(timezone.localtime()) + 1
            places = places.annotate(open_slot=Substr("open_week", slot, 1)).filter(open_slot="1")
        return places

    def projects(self) -> QuerySet[Project]:
        """Projects and ideas on the map (not archived or hidden), matching the filters."""
        projects = (
            shown_projects().filter(map_x__isnull=False).exclude(status=Project.Status.ARCHIVED)
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
