"""Pages of "who is not yet connected", for people with the permission to see them."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from coproduce.common.counts import public_count
from coproduce.people.naming import name_for
from coproduce.places.models import Ward

from . import permissions, selectors

MOST_LINKS_SHOWN = 20


def _allowed(request) -> None:
    if not permissions.can_see(request.user):
        raise PermissionDenied(_("Only council officers can see who is not yet connected."))


def _fewer() -> str:
    return _("fewer than 5")


@login_required
@require_GET
def overview(request) -> HttpResponse:
    _allowed(request)
    rows, no_ward, counted_at = selectors.ward_summary()
    chart_rows = [
        (row.ward.name, row.taking_part_share or 0)
        for row in rows
        if row.population and not _small(row.taking_part)
    ]
    return render(
        request,
        "insights/overview.html",
        {
            "rows": rows,
            "totals": selectors.totals(rows),
            "no_ward": no_ward,
            "chart_rows": chart_rows,
            "days": selectors.TAKING_PART_DAYS,
            "counted_at": counted_at,
            "settle_minutes": selectors.settle_minutes(),
        },
    )


def _small(count: int) -> bool:
    return 0 < count < 5


@login_required
@require_GET
def ward(request, pk: int) -> HttpResponse:
    _allowed(request)
    place = get_object_or_404(Ward, pk=pk)
    rows, counted_at = selectors.street_summary(place)
    chart_rows = sorted(
        ((row.street.name, row.not_linked) for row in rows if row.street and row.not_linked >= 5),
        key=lambda pair: -pair[1],
    )[:20]
    return render(
        request,
        "insights/ward.html",
        {
            "ward": place,
            "rows": rows,
            "chart_rows": chart_rows,
            "counted_at": counted_at,
            "settle_minutes": selectors.settle_minutes(),
        },
    )


@login_required
@require_GET
def groups(request) -> HttpResponse:
    _allowed(request)
    found = selectors.group_network()
    net, names = found.network, found.names
    strongest = sorted(net.links.items(), key=lambda item: (-item[1], item[0]))[:MOST_LINKS_SHOWN]
    components = [[names.get(pk, "") for pk in part] for part in net.components if len(part) > 1]
    return render(
        request,
        "insights/groups.html",
        {
            "network": net,
            "components": components,
            "component_chart": [
                (_("Part %(n)s") % {"n": n}, len(part)) for n, part in enumerate(components, 1)
            ][:20],
            "bridges": [(names.get(a, ""), names.get(b, "")) for a, b in net.bridges],
            "articulation": [(names.get(pk, ""), net.degree.get(pk, 0)) for pk in net.articulation],
            "isolated": [names.get(pk, "") for pk in net.isolated],
            "strongest": [(names.get(a, ""), names.get(b, ""), n) for (a, b), n in strongest],
        },
    )


@login_required
@require_GET
def go_to_people(request) -> HttpResponse:
    _allowed(request)
    people = selectors.go_to_people()
    return render(
        request,
        "insights/go_to_people.html",
        {
            "people": people,
            "limits": selectors.go_to_thresholds(),
            "chart_rows": [(name_for(p.person, request.user), p.load) for p in people[:20]],
        },
    )


@login_required
@require_GET
def people_by_ward_csv(request) -> HttpResponse:
    """People by ward, every count of people through public_count: 1 to 4 is "fewer than 5"."""
    _allowed(request)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="people-by-ward.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Ward"),
            _("Population"),
            _("Year of estimate"),
            _("People with a profile"),
            _("Taking part in the last 12 months"),
            _("Linked to no one"),
        ]
    )
    fewer = _fewer()
    for row in selectors.ward_rows():
        writer.writerow(
            [
                row.ward.name,
                row.population.population if row.population else "",
                (row.population.year or "") if row.population else "",
                public_count(row.people, fewer_than=fewer),
                public_count(row.taking_part, fewer_than=fewer),
                public_count(row.not_linked, fewer_than=fewer),
            ]
        )
    return response
