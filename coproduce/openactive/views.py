"""The OpenActive feeds (RPDE 1.0) and the dataset page that lists them. Public and read-only:
the feeds hold only what the public pages show."""

from django.conf import settings
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import rpde
from .feeds import FEEDS


@require_GET
def feed(request, name: str):
    """One page of a feed, after the position in `afterTimestamp` and `afterId`."""
    found = FEEDS.get(name)
    if found is None:
        raise Http404
    try:
        position = rpde.Position.from_query(
            request.GET.get("afterTimestamp"), request.GET.get("afterId")
        )
    except rpde.FeedError as problem:
        return JsonResponse({"error": str(problem)}, status=400)
    base_url = settings.SITE_URL + reverse("openactive:feed", args=[name])
    return JsonResponse(
        found.page(position, base_url=base_url), json_dumps_params={"ensure_ascii": False}
    )


@require_GET
def dataset(request):
    """What the feeds are and where they are: a schema.org Dataset, as OpenActive's dataset
    sites describe one."""
    return JsonResponse(
        {
            "@context": ["https://schema.org/", "https://openactive.io/"],
            "@type": "Dataset",
            "name": f"{settings.COUNCIL_NAME} gatherings and bookable rooms",
            "license": rpde.LICENSE,
            "publisher": {"@type": "Organization", "name": settings.COUNCIL_NAME},
            "distribution": [
                {
                    "@type": "DataDownload",
                    "name": feed.kind,
                    "additionalType": f"https://openactive.io/{feed.kind}",
                    "encodingFormat": "application/vnd.openactive.rpde+json; version=1",
                    "contentUrl": settings.SITE_URL + reverse("openactive:feed", args=[name]),
                }
                for name, feed in FEEDS.items()
            ],
        },
        json_dumps_params={"ensure_ascii": False},
    )
