"""Ward pages: a ward's streets (places) with how many people signed up there (people)."""

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render

from coproduce.news.selectors import latest as latest_news
from coproduce.places.selectors import streets_in_ward

from .. import selectors

STREETS_PER_PAGE = 50


def ward_list(request):
    return render(request, "site/ward_list.html", {"wards": selectors.wards_with_counts()})


def ward_detail(request, slug: str):
    ward = get_object_or_404(selectors.wards_with_counts(), slug=slug)
    paginator = Paginator(streets_in_ward(ward), STREETS_PER_PAGE)
    streets = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "site/ward_detail.html",
        {"ward": ward, "streets": streets, "news": latest_news(limit=3, ward=ward)},
    )
