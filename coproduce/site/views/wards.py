"""Ward pages: what is in a ward (projects, events, groups, places, services, its street
champions), how many people signed up there (a count), and its streets."""

from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render

from coproduce.news.selectors import latest as latest_news
from coproduce.places.selectors import streets_in_ward

from .. import selectors

STREETS_PER_PAGE = 50


def ward_list(request):
    return render(request, "site/ward_list.html", {"wards": selectors.wards_with_counts()})


def ward_detail(request, slug: str):
    ward = selectors.ward_for_page(slug)
    if ward is None:
        raise Http404
    paginator = Paginator(streets_in_ward(ward), STREETS_PER_PAGE)
    streets = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "site/ward_detail.html",
        {
            "ward": ward,
            "contents": selectors.ward_contents(ward),
            "streets": streets,
            "news": latest_news(limit=3, ward=ward),
        },
    )
