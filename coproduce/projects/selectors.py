"""Reads of projects: lists with filters, and one project with what its page shows."""

from dataclasses import dataclass

from django.db.models import Prefetch, Q, QuerySet
from django.http import QueryDict

from coproduce.places.models import Ward

from .lifecycle import Status
from .models import Appreciation, Follow, Owner, Project, StatusChange
from .themes import Theme

SORTS = {"newest": ["-created_at", "-pk"], "appreciated": ["-appreciation_count", "-pk"]}
MAX_QUERY = 100


class FilterError(ValueError):
    pass


@dataclass(frozen=True)
class ProjectFilters:
    ward: Ward | None = None
    theme: str = ""
    status: str = ""
    q: str = ""
    sort: str = "newest"

    @classmethod
    def from_query(cls, query: QueryDict) -> "ProjectFilters":
        ward = None
        if query.get("ward"):
            ward = Ward.objects.filter(slug=query["ward"]).first()
            if ward is None:
                raise FilterError(f"There is no ward called {query['ward']!r}")
        theme = query.get("theme", "")
        if theme and theme not in Theme.values:
            raise FilterError(f"There is no theme called {theme!r}")
        status = query.get("status", "")
        if status and status not in Status.__members__.values():
            raise FilterError(f"There is no status called {status!r}")
        q = query.get("q", "").strip()
        if len(q) > MAX_QUERY:
            raise FilterError(f"Search for {MAX_QUERY} characters or fewer")
        sort = query.get("sort") or "newest"
        if sort not in SORTS:
            raise FilterError("Sort by newest or appreciated")
        return cls(ward=ward, theme=theme, status=status, q=q, sort=sort)


def listed_projects(filters: ProjectFilters) -> QuerySet[Project]:
    """Projects anyone may see, matching the filters. Archived ones only when asked for."""
    projects = Project.objects.filter(is_hidden=False).select_related("ward", "place")
    if filters.status:
        projects = projects.filter(status=filters.status)
    else:
        projects = projects.exclude(status=Status.ARCHIVED)
    if filters.ward is not None:
        projects = projects.filter(ward=filters.ward)
    if filters.theme:
        projects = projects.filter(theme=filters.theme)
    if filters.q:
        projects = projects.filter(Q(title__icontains=filters.q) | Q(summary__icontains=filters.q))
    return projects.order_by(*SORTS[filters.sort])


def project_for_page(pk: int) -> Project | None:
    """One project with its owners and history, in a fixed number of queries."""
    return (
        Project.objects.select_related("ward", "place", "created_by")
        .prefetch_related(
            Prefetch("owners", queryset=Owner.objects.select_related("user", "organisation")),
            Prefetch("history", queryset=StatusChange.objects.select_related("changed_by")),
        )
        .filter(pk=pk)
        .first()
    )


@dataclass(frozen=True)
class ViewerState:
    appreciated: bool = False
    following: bool = False


def viewer_state(project: Project, user) -> ViewerState:
    if not user.is_authenticated:
        return ViewerState()
    return ViewerState(
        appreciated=Appreciation.objects.filter(project=project, user=user).exists(),
        following=Follow.objects.filter(project=project, user=user).exists(),
    )


def council_owns(project: Project) -> bool:
    """Whether the council is among the owners: a council owner, or a council service."""
    return any(
        owner.role == Owner.Role.COUNCIL
        or (owner.organisation is not None and owner.organisation.kind == "council_service")
        for owner in project.owners.all()
    )
