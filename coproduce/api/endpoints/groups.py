"""Groups. Their own website is shown; their email and phone are left out, because a small
group's contact is often one member's own."""

from django.http import HttpRequest
from django.urls import reverse
from ninja import Path, Query, Router, Schema
from pydantic import Field

from coproduce.common.counts import is_suppressed
from coproduce.groups import permissions, selectors
from coproduce.groups.forms import OrganisationFilterForm
from coproduce.groups.models import Organisation

from ..common import VISITOR, Error, WardOut, checked, not_found, one_of, ward_of
from ..paging import PageMeta, PagingQuery, paginate

router = Router(tags=["Groups"])


class GroupOut(Schema):
    slug: str
    name: str
    kind: one_of(Organisation.Kind)
    ward: WardOut | None
    member_count: int | None = Field(
        description="Members with an account; none when fewer than 5, as on the site."
    )
    url: str


class GroupDetail(GroupOut):
    description: str
    website: str
    base_place_id: int | None = Field(description="The listed place where it meets, if any.")


class GroupPage(PageMeta):
    results: list[GroupOut]


class GroupFilters(Schema):
    kind: one_of(Organisation.Kind) | None = None
    ward: str = Field("", max_length=100, description="A ward's short name, as in its address.")
    q: str = Field("", max_length=100, description="Words in the name or what it does.")


def _out(group: Organisation) -> dict:
    count = group.member_count
    return {
        "slug": group.slug,
        "name": group.name,
        "kind": group.kind,
        "ward": ward_of(group.ward),
        "member_count": None if is_suppressed(count) else count,
        "url": reverse("groups:detail", args=[group.slug]),
    }


@router.get("/groups/", response={200: GroupPage, 400: Error}, summary="Groups")
def group_list(request: HttpRequest, paging: PagingQuery, filters: Query[GroupFilters]):
    """Listed groups by name, filtered as on the groups page."""
    form = checked(OrganisationFilterForm, filters.dict())
    rows = selectors.listed_organisations(**form.filters())
    return paginate(request, rows, paging, lambda page: map(_out, page))


@router.get("/groups/{slug}/", response={200: GroupDetail, 404: Error}, summary="One group")
def group_detail(
    request: HttpRequest,
    slug: str = Path(..., max_length=200, pattern=r"^[-a-zA-Z0-9_]+$", description="Its slug."),
):
    group = selectors.organisation_detail(slug)
    if group is None or not permissions.can_see(VISITOR, group, role=None):
        raise not_found("group")
    base = group.base
    return {
        **_out(group),
        "description": group.description,
        "website": group.website,
        "base_place_id": base.pk if base is not None and base.is_listed else None,
    }
