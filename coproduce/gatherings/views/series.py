"""Series: programmes of events, such as a monthly action learning set, and a set's progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common.errors import refusal_to_form, render_form

from .. import permissions, selectors
from ..forms import (
    SeriesForm,
)
from ..models import Event, Series
from ..services import events as services


@require_GET
def series_list(request):
    return render(
        request,
        "gatherings/series_list.html",
        {
            "series_list": Series.objects.order_by("title"),
            "can_create": permissions.can_create_events(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def series_create(request):
    if not permissions.can_create_events(request.user):
        raise PermissionDenied(_("Only organisers and council officers can set up a series."))
    form = SeriesForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            data = form.cleaned_data
            series = services.series_create(
                title=data["title"],
                summary=data["summary"],
                kind=data["kind"],
                group=data.get("group"),
                by=request.user,
            )
            messages.success(request, _("The series is set up. Now add its first event."))
            return redirect("gatherings:series", series.slug)
    return render_form(request, "gatherings/series_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def series_edit(request, slug: str):
    series = selectors.series_detail(slug)
    if series is None:
        raise Http404
    if not permissions.can_manage_series(request.user, series):
        raise PermissionDenied(_("Only the series' organisers can change it."))
    form = SeriesForm(
        request.POST or None,
        initial={"title": series.title, "summary": series.summary, "kind": series.kind},
    )
    form.fields.pop("group", None)  # settled when the series is set up
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_to_form(form):
            services.series_update(
                series=series,
                by=request.user,
                title=data["title"],
                summary=data["summary"],
                kind=data["kind"],
            )
            messages.success(request, _("The series has been changed."))
            return redirect("gatherings:series", series.slug)
    return render_form(request, "gatherings/series_form.html", {"form": form, "series": series})


@require_GET
def series_detail(request, slug: str):
    series = selectors.series_detail(slug)
    if series is None:
        raise Http404
    now = timezone.now()
    events = list(selectors.events_upcoming(series=series, include_past=True))
    is_set = series.kind == Event.Kind.ACTION_LEARNING_SET
    progress = selectors.set_progress(series) if is_set else None
    return render(
        request,
        "gatherings/series_detail.html",
        {
            "series": series,
            "upcoming": [e for e in events if e.ends_at > now],
            "past": list(reversed([e for e in events if e.ends_at <= now])),
            "manages": permissions.can_manage_series(request.user, series),
            "progress": progress,
            "bust_next": selectors.barriers_to_bust_next(series) if is_set else [],
            "totals": {
                "actions": sum(p.actions for p in progress),
                "done": sum(p.done for p in progress),
                "barriers": sum(p.barriers for p in progress),
                "busted": sum(p.busted for p in progress),
            }
            if progress
            else None,
        },
    )
