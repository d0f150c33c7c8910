"""The site's urls, with stand-ins for the gatherings pages while their views are written.

Services link to gatherings pages in notifications (`reverse("gatherings:event", ...)`). Until
coproduce/urls.py includes the gatherings urls, these stand-ins give those names an address;
once it does, this is simply the site's urlconf.
"""

from django.http import HttpResponse
from django.urls import include, path

from coproduce import urls as site


def _stand_in(request, **kwargs):  # pragma: no cover - never requested, only reversed
    return HttpResponse()


_STAND_INS = [
    path("events/<int:pk>/", _stand_in, name="event"),
    path("events/<int:pk>/people/", _stand_in, name="attendees"),
    path("events/<int:pk>/agenda/", _stand_in, name="agenda"),
    path("treatments/<int:pk>/", _stand_in, name="treatment"),
]

if any(getattr(p, "namespace", None) == "gatherings" for p in site.urlpatterns):
    urlpatterns = list(site.urlpatterns)
else:
    urlpatterns = [path("gatherings/", include((_STAND_INS, "gatherings"))), *site.urlpatterns]
