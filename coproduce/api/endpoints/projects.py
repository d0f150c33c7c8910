"""Projects and ideas. An idea is a project at its first stage (`status=idea`): the site shows
both in one list, and so does this, with `/ideas/` as the same list kept to ideas."""

from datetime import datetime

from django.http import HttpRequest
from django.urls import reverse
from ninja import Query, Router, Schema
from pydantic import Field

from coproduce.people.naming import name_for
from coproduce.places.selectors import is_someones_own
from coproduce.projects import selectors
from coproduce.projects.forms import ProjectFilterForm
from coproduce.projects.models import Owner, Project
from coproduce.projects.permissions import can_see
from coproduce.projects.themes import Theme

from ..common import (
    VISITOR,
    Error,
    Location,
    WardOut,
    checked,
    id_path,
    location,
    not_found,
    one_of,
    ward_of,
)
from ..paging import PageMeta, PagingQuery, paginate

router = Router(tags=["Projects and ideas"])


class ProjectOut(Schema):
    id: int
    title: str
    summary: str
    theme: one_of(Theme)
    status: one_of(Project.Status)
    ward: WardOut | None
    place_id: int | None = Field(description="The place it happens at, if it has one.")
    location: Location | None = Field(
        description="Where it is on the public map (its place, or its ward's centre); "
        "none where that would show someone's own home."
    )
    appreciation_count: int
    created_at: datetime
    updated_at: datetime
    url: str = Field(description="Its page on the site.")


class OwnerOut(Schema):
    name: str = Field(description="A person as the site names them to a visitor, or a group.")
    role: one_of(Owner.Role)
    group_slug: str | None


class Parameters(Schema):
    budget: str
    dates: str
    rules: str
    open_to_shape: str
    how_to_help: str


class ProjectDetail(ProjectOut):
    description: str
    outcome: str
    parameters: Parameters | None = Field(
        description="What is fixed and what is open, once the owners have published it."
    )
    owners: list[OwnerOut]


class ProjectPage(PageMeta):
    results: list[ProjectOut]


class ProjectFilters(Schema):
    ward: str = Field("", max_length=100, description="A ward's short name, as in its address.")
    theme: one_of(Theme) | None = None
    status: one_of(Project.Status) | None = Field(
        None, description="Leave out for all but archived."
    )
    q: str = Field("", max_length=100, description="Words in the title or summary.")
    sort: str = Field("newest", pattern="^(newest|appreciated)$")


class IdeaFilters(Schema):
    ward: str = Field("", max_length=100, description="A ward's short name, as in its address.")
    theme: one_of(Theme) | None = None
    q: str = Field("", max_length=100, description="Words in the title or summary.")
    sort: str = Field("newest", pattern="^(newest|appreciated)$")


def _out(project: Project) -> dict:
    private = project.place is not None and is_someones_own(project.place)
    return {
        "id": project.pk,
        "title": project.title,
        "summary": project.summary,
        "theme": project.theme,
        "status": project.status,
        "ward": ward_of(project.ward),
        "place_id": project.place_id,
        "location": None if private else location(project.latitude, project.longitude),
        "appreciation_count": project.appreciation_count,
        "created_at": project.created_at,
        "updated_at": project.updated_at,
        "url": reverse("projects:detail", args=[project.pk]),
    }


def _detail(project: Project) -> dict:
    published = project.parameters_published
    return {
        **_out(project),
        "description": project.description,
        "outcome": project.outcome,
        "parameters": {
            "budget": project.fixed_budget,
            "dates": project.fixed_dates,
            "rules": project.fixed_rules,
            "open_to_shape": project.open_to_shape,
            "how_to_help": project.how_to_help,
        }
        if published
        else None,
        "owners": [
            {
                "name": owner.organisation.name
                if owner.organisation
                else name_for(owner.user, VISITOR),
                "role": owner.role,
                "group_slug": owner.organisation.slug if owner.organisation else None,
            }
            for owner in project.owners.all()
        ],
    }


def _listed(filters: dict) -> object:
    form = checked(ProjectFilterForm, filters, signed_in=False)
    return selectors.listed_projects(selectors.ProjectFilters(**form.filters()), VISITOR)


def _shown(pk: int, *, idea: bool = False) -> Project:
    project = selectors.project_for_page(pk)
    if project is None or not can_see(VISITOR, project):
        raise not_found("idea" if idea else "project")
    if idea and project.status != Project.Status.IDEA:
        raise not_found("idea")
    return project


@router.get("/projects/", response={200: ProjectPage, 400: Error}, summary="Projects and ideas")
def project_list(request: HttpRequest, paging: PagingQuery, filters: Query[ProjectFilters]):
    """Projects and ideas anyone may see, filtered as on the projects page."""
    rows = _listed(filters.dict())
    return paginate(request, rows, paging, lambda page: map(_out, page))


@router.get(
    "/projects/{pk}/", response={200: ProjectDetail, 404: Error}, summary="One project or idea"
)
def project_detail(request: HttpRequest, pk: int = id_path()):
    return _detail(_shown(pk))


@router.get("/ideas/", response={200: ProjectPage, 400: Error}, summary="Ideas")
def idea_list(request: HttpRequest, paging: PagingQuery, filters: Query[IdeaFilters]):
    """Ideas: projects nobody has taken on yet (the first stage)."""
    rows = _listed({**filters.dict(), "status": Project.Status.IDEA})
    return paginate(request, rows, paging, lambda page: map(_out, page))


@router.get("/ideas/{pk}/", response={200: ProjectDetail, 404: Error}, summary="One idea")
def idea_detail(request: HttpRequest, pk: int = id_path()):
    return _detail(_shown(pk, idea=True))
