from django.shortcuts import render

from coproduce.common import selectors


def home(request):
    return render(request, "common/pages/home.html", {"overview": selectors.borough_overview()})


def accessibility(request):
    return render(request, "common/pages/accessibility.html")


def privacy(request):
    return render(request, "common/pages/privacy.html")


def cookies(request):
    return render(request, "common/pages/cookies.html")


def exchange(request):
    """One place for swapping time, booking spaces, sharing things and finding funding."""
    return render(request, "common/pages/exchange.html")
