from django.shortcuts import render

from coproduce.site import selectors


def home(request):
    return render(request, "site/pages/home.html", {"overview": selectors.borough_overview()})


def accessibility(request):
    return render(request, "site/pages/accessibility.html")


def privacy(request):
    return render(request, "site/pages/privacy.html")


def cookies(request):
    return render(request, "site/pages/cookies.html")


def decide(request):
    """One place for conversations, polls and surveys, and sharing out support."""
    return render(request, "site/pages/decide.html")


def exchange(request):
    """One place for swapping time, booking spaces, sharing things and finding funding."""
    return render(request, "site/pages/exchange.html")
