"""Pages of a list: `page` and `page_size` in, the total and links to the pages either side
out. Numbered pages like the site's lists, so an address can be shared and read by a person."""

from collections.abc import Callable, Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Query, Schema
from pydantic import Field

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Far past any real list, and small enough that the offset stays a plain integer everywhere.
MAX_PAGE = 100_000


class Paging(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="Which page, from 1.")
    page_size: int = Field(
        DEFAULT_PAGE_SIZE,
        ge=1,
        le=MAX_PAGE_SIZE,
        description=f"How many on a page, at most {MAX_PAGE_SIZE}.",
    )


PagingQuery = Query[Paging]


class PageMeta(Schema):
    count: int = Field(description="How many there are in all, on every page.")
    page: int
    page_size: int
    next: str | None = Field(description="The address of the next page, if there is one.")
    previous: str | None = Field(description="The address of the page before, if any.")


def _link(request: HttpRequest, page: int) -> str:
    query = request.GET.copy()
    query["page"] = str(page)
    return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")


def paginate(
    request: HttpRequest,
    rows: QuerySet,
    paging: Paging,
    shape: Callable[[list], Iterable[Any]],
) -> dict[str, Any]:
    """One page of `rows`, shaped for the answer by `shape` (given the page's rows at once, so
    it can fetch what they share in one go)."""
    count = rows.count()
    start = (paging.page - 1) * paging.page_size
    page_rows = list(rows[start : start + paging.page_size]) if start < count else []
    return {
        "count": count,
        "page": paging.page,
        "page_size": paging.page_size,
        "next": _link(request, paging.page + 1) if start + paging.page_size < count else None,
        "previous": _link(request, min(paging.page - 1, _last(count, paging)))
        if paging.page > 1
        else None,
        "results": list(shape(page_rows)),
    }


def _last(count: int, paging: Paging) -> int:
    return max(1, -(-count // paging.page_size))
