"""Decisions: what the site publishes as "Decisions and results" (the subscriptions' bucket of
that name, also on its public pages and feeds): funding round results, what people said in a
conversation, and surveys with their results. Each links to its page."""

from datetime import datetime

from django.db.models import Q
from django.http import HttpRequest
from ninja import Query, Router, Schema
from pydantic import Field

from coproduce.places.models import Ward
from coproduce.subscriptions.models import Item, Thing

from ..common import Error, WardAndWordsForm, WardOut, checked, id_path, not_found
from ..paging import PageMeta, PagingQuery, paginate

router = Router(tags=["Decisions"])


class DecisionOut(Schema):
    id: int
    title: str
    summary: str
    published_at: datetime
    wards: list[WardOut] = Field(description="The wards it concerns; none for the borough.")
    url: str = Field(description="Its page on the site.")


class DecisionPage(PageMeta):
    results: list[DecisionOut]


class DecisionFilters(Schema):
    ward: str = Field("", max_length=100, description="A ward's short name, as in its address.")
    q: str = Field("", max_length=100, description="Words in the title or summary.")


def _decisions():
    return Item.objects.filter(thing=Thing.DECISIONS).order_by("-published_at", "-pk")


def _ward_ids(item: Item) -> list[int]:
    ids = []
    for topic in item.topics or []:
        kind, _sep, value = str(topic).partition(":")
        if kind == "ward" and value.isdigit():
            ids.append(int(value))
    return ids


def _shape(items: list[Item]) -> list[dict]:
    # The wards of a whole page, read at once.
    wards = Ward.objects.in_bulk({pk for item in items for pk in _ward_ids(item)})
    return [
        {
            "id": item.pk,
            "title": item.title,
            "summary": item.summary,
            "published_at": item.published_at,
            "wards": [
                {"slug": wards[pk].slug, "name": wards[pk].name}
                for pk in _ward_ids(item)
                if pk in wards
            ],
            "url": item.url,
        }
        for item in items
    ]


@router.get("/decisions/", response={200: DecisionPage, 400: Error}, summary="Decisions")
def decision_list(request: HttpRequest, paging: PagingQuery, filters: Query[DecisionFilters]):
    """Decisions and results, newest first."""
    asked = checked(WardAndWordsForm, filters.dict()).filters()
    rows = _decisions()
    if "ward" in asked:
        rows = rows.filter(topic_rows__topic=f"ward:{asked['ward'].pk}")
    if "q" in asked:
        rows = rows.filter(Q(title__icontains=asked["q"]) | Q(summary__icontains=asked["q"]))
    return paginate(request, rows, paging, _shape)


@router.get("/decisions/{pk}/", response={200: DecisionOut, 404: Error}, summary="One decision")
def decision_detail(request: HttpRequest, pk: int = id_path()):
    item = _decisions().filter(pk=pk).first()
    if item is None:
        raise not_found("decision")
    return _shape([item])[0]
