"""Pages for places: a place's page, flagging an unloved space, adding photos."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coproduce.common import limits
from coproduce.common import opening_hours as hours
from coproduce.common.errors import render_form
from coproduce.common.visitor_pages import kept_for_visitors

from . import selectors, services, vocab
from .forms import PlacePhotoForm, UnlovedSpaceForm
from .photos import PhotoError


@kept_for_visitors
def place_detail(request, pk: int):
    place = selectors.listed_place(pk)
    if place is None:
        raise Http404
    exact = not selectors.is_someones_own(place)
    context = {
        "place": place,
        "exact": exact,
        "hours": hours.describe(place.opening_hours) if place.opening_hours else [],
        "facilities": vocab.labels(place.facilities, vocab.FACILITIES),
        "accessibility": vocab.labels(place.accessibility, vocab.ACCESSIBILITY),
        "photos": list(place.photos.all()),
        "rooms": [room for room in place.rooms.all() if room.is_listed],
        "can_change": services.can_change(request.user, place),
        # The small map: drawn by JavaScript where there is a spot to show; the text above
        # it says the same, and links to the big map.
        "map": {
            "tile_url": settings.MAP_TILE_URL,
            "attribution": settings.MAP_TILE_ATTRIBUTION,
        }
        if exact
        else None,
    }
    return render(request, "places/place_detail.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def unloved_space_new(request):
    form = UnlovedSpaceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        limits.check(request, "unloved_space")  # each one tells the officers
        place = services.unloved_space_flag(
            user=request.user,
            ward=data["ward"],
            name=data["name"],
            description=data["description"],
            could_become=data["could_become"],
            street=data["street_object"],
            latitude=data["latitude"],
            longitude=data["longitude"],
        )
        messages.success(request, _("Thank you. The space is now on the map."))
        return redirect("places_catalogue:place_detail", pk=place.pk)
    return render(request, "places/unloved_space_new.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def photo_add(request, pk: int):
    place = selectors.listed_place(pk)
    if place is None:
        raise Http404
    if not services.can_change(request.user, place):
        raise PermissionDenied(
            _("Only council officers and the person who added a place can add photos.")
        )
    form = PlacePhotoForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.place_photo_add(
                user=request.user,
                place=place,
                upload=form.cleaned_data["image"],
                alt_text=form.cleaned_data["alt_text"],
            )
        except PhotoError as problem:
            form.add_error("image", str(problem))
        else:
            messages.success(request, _("The photo has been added."))
            return redirect("places_catalogue:place_detail", pk=place.pk)
    return render_form(request, "places/photo_add.html", {"form": form, "place": place})
