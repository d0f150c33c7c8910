"""The API's pages for people: what it offers, and its reference drawn from its document."""

from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from . import reference as reference_text
from .main import api

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
    return render(
        request, "api/index.html", {"lists": LISTS, "tokens_url": reverse("staff:api_tokens")}
    )


@require_GET
def reference(request):
    document = api.get_openapi_schema()
    return render(
        request,
        "api/reference.html",
        {
            "sections": reference_text.sections(document),
            "shapes": reference_text.shapes(document),
            "version": document["info"]["version"],
            "document_url": reverse("api:openapi-json"),
            "tokens_url": reverse("staff:api_tokens"),
        },
    )
