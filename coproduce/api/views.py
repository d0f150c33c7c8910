"""The API's page for people: what it offers, with links to each list and the document."""

from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

LISTS = [
    ("projects", _("Projects and ideas")),
    ("ideas", _("Ideas")),
    ("events", _("Events to come")),
    ("places", _("Places")),
    ("groups", _("Groups")),
    ("services", _("Services")),
    ("funding-rounds", _("Funding rounds")),
    ("decisions", _("Decisions")),
]


@require_GET
def index(request):
    return render(request, "api/index.html", {"lists": LISTS})
