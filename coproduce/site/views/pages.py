from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from coproduce.champions.selectors import champions_of
from coproduce.common.visitor_pages import kept_for_visitors
from coproduce.news.selectors import latest as latest_news
from coproduce.site import selectors

# Staff tools for reaching everyone: (permission, page, link, what it is for).
_REACH_TOOLS = [
    (
        "news.publish_news",
        "news:drafts",
        _("Write council news"),
        _("Write a news post, check its words, preview it, and send it to residents."),
    ),
    (
        "mailing.watch_sending",
        "mailing:list",
        _("Emails being sent"),
        _("See how far each newsletter has got, and which addresses bounced."),
    ),
    (
        "champions.approve_champion",
        "champions:officer",
        _("Street champion applications"),
        _("Approve or decline people who want to be a street champion."),
    ),
    (
        "offline.register_offline",
        "offline:index",
        _("People who are not online"),
        _("Register someone with no email, with their consent, and act for them."),
    ),
    (
        "subscriptions.run_letters",
        "subscriptions:letters",
        _("Letters by post"),
        _("Print the letters for people who get their updates by post."),
    ),
    (
        "accounts.see_inclusion_insights",
        "insights:overview",
        _("Who is not yet connected"),
        _("See, by ward and street, who takes part and who is not linked to anyone."),
    ),
    (
        "accounts.see_inclusion_insights",
        "impact:officer_borough",
        _("Impact at a glance"),
        _("See, for the borough and each ward, what people have done together, month by month."),
    ),
]
_CHAMPION_TEXT = _("Register neighbours who are not online, and act for them.")


@kept_for_visitors
def home(request):
    return render(
        request,
        "site/pages/home.html",
        {"overview": selectors.borough_overview(), "news": latest_news(limit=3)},
    )


def accessibility(request):
    return render(request, "site/pages/accessibility.html")


def privacy(request):
    return render(request, "site/pages/privacy.html")


def cookies(request):
    return render(request, "site/pages/cookies.html")


def decide(request):
    """One place for conversations, polls and surveys, and sharing out support."""
    return render(request, "site/pages/decide.html")


def keep_in_touch(request):
    """News, getting updates, street champions; and, for staff, reaching people offline."""
    user = request.user
    tools = [
        {"url": reverse(page), "label": label, "text": text}
        for perm, page, label, text in _REACH_TOOLS
        if user.is_authenticated and user.has_perm(perm)
    ]
    is_champion = user.is_authenticated and bool(champions_of(user))
    if is_champion and not user.has_perm("offline.register_offline"):
        tools.append(
            {"url": reverse("offline:index"), "label": _("People you help"), "text": _CHAMPION_TEXT}
        )
    return render(
        request, "site/pages/keep_in_touch.html", {"tools": tools, "is_champion": is_champion}
    )


def exchange(request):
    """One place for swapping time, booking spaces, sharing things and finding funding."""
    return render(request, "site/pages/exchange.html")
