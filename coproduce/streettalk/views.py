"""Pages for street conversations. Views parse, authorise, call one service or selector."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common.counts import public_count
from coproduce.common.errors import Refusal, refusal_to_form, render_form

from . import selectors, services
from .forms import DayForm, EntryForm, MergeForm, MoveForm, ThemeNameForm
from .models import StreetDay, StreetEntry, Theme
from .permissions import may_facilitate, may_see_public, may_start_day

PAGE_SIZE = 25


def _day(request, pk: int) -> StreetDay:
    day = get_object_or_404(StreetDay.objects.select_related("ward"), pk=pk)
    if not may_facilitate(request.user, day):
        raise PermissionDenied
    return day


@require_GET
def index(request):
    """Published days for everyone; the days this person runs when signed in."""
    mine = None
    if request.user.is_authenticated:
        mine = Paginator(selectors.days_for(request.user), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
    return render(
        request,
        "streettalk/index.html",
        {
            "published": selectors.published_days()[:50],
            "page": mine,
            "may_start": may_start_day(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def day_new(request):
    if not may_start_day(request.user):
        raise PermissionDenied
    form = DayForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            day = services.day_create(facilitator=request.user, **form.cleaned_data)
            return redirect("streettalk:day", pk=day.pk)
    return render_form(request, "streettalk/day_new.html", {"form": form})


@login_required
@require_GET
def day(request, pk: int):
    day = _day(request, pk)
    page = Paginator(selectors.entries_of(day), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "streettalk/day.html", {"day": day, "page": page})


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _entry_page(request, pk: int, *, via: str, template: str):
    day = _day(request, pk)
    form = EntryForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                entry, created = services.entry_save(day=day, by=request.user, via=via, **data)
            except Refusal as refusal:
                field = refusal.field if refusal.field in form.fields else None
                form.add_error(field, str(refusal))
            else:
                if _wants_json(request):
                    return JsonResponse(
                        {"uuid": str(entry.uuid), "id": entry.pk, "created": created},
                        status=201 if created else 200,
                    )
                messages.success(request, _("Saved. Ready for the next person."))
                return redirect(request.path)
        if _wants_json(request):
            errors = {name: [str(e) for e in errs] for name, errs in form.errors.items()}
            return JsonResponse({"errors": errors}, status=400)
    saved = StreetEntry.objects.filter(day=day).count()
    return render_form(request, template, {"day": day, "form": form, "saved": saved})


@login_required
@require_http_methods(["GET", "POST"])
def capture(request, pk: int):
    """The quick form on a phone. With JavaScript, entries wait on the phone until sent."""
    return _entry_page(request, pk, via=StreetEntry.Via.PHONE, template="streettalk/capture.html")


@login_required
@require_http_methods(["GET", "POST"])
def paper(request, pk: int):
    """Typing in what was written on the paper sheet."""
    return _entry_page(request, pk, via=StreetEntry.Via.PAPER, template="streettalk/paper.html")


@login_required
@require_GET
def sheet(request, pk: int):
    day = _day(request, pk)
    return render(request, "streettalk/sheet.html", {"day": day, "lines": range(1, 13)})


@login_required
@require_GET
def themes(request, pk: int):
    day = _day(request, pk)
    return render(
        request,
        "streettalk/themes.html",
        {
            "day": day,
            "themes": selectors.themes_of(day),
            "unthemed": selectors.waiting_for_theme(day),
        },
    )


@login_required
@require_POST
def themes_find(request, pk: int):
    day = _day(request, pk)
    services.themes_request(day=day, by=request.user)
    messages.success(request, _("Finding the themes. This can take a minute: refresh the page."))
    return redirect("streettalk:themes", pk=day.pk)


@login_required
@require_POST
def publish(request, pk: int):
    day = _day(request, pk)
    published = request.POST.get("published") == "yes"
    services.day_publish(day=day, by=request.user, published=published)
    if published:
        messages.success(request, _("The named themes are now public, with counts only."))
    else:
        messages.success(request, _("The themes are no longer public."))
    return redirect("streettalk:themes", pk=day.pk)


def _public_rows(pairs, fewer_than: str) -> list[tuple[str, str]]:
    return [(name, public_count(n, fewer_than=fewer_than)) for name, n in pairs]


@require_GET
def public(request, pk: int):
    """A published day's named themes: top words and counts, small numbers hidden. No
    entries: people did not agree to their words being shown on their own."""
    day = get_object_or_404(StreetDay.objects.select_related("ward"), pk=pk)
    if not may_see_public(day):
        raise Http404
    fewer = _("fewer than 5")
    wards = selectors.ward_counts_by_theme(day)
    rows = [
        {
            "theme": theme,
            "count": public_count(theme.entry_count, fewer_than=fewer),
            "wards": _public_rows(wards.get(theme.pk, []), fewer),
        }
        for theme in selectors.themes_of(day, named_only=True)
    ]
    return render(request, "streettalk/public.html", {"day": day, "rows": rows})


def _theme(request, pk: int) -> Theme:
    theme = get_object_or_404(Theme.objects.select_related("day"), pk=pk)
    if not may_facilitate(request.user, theme.day):
        raise PermissionDenied
    return theme


@login_required
@require_http_methods(["GET", "POST"])
def theme(request, pk: int):
    """A theme's words, where they were heard and how many; the facilitator names it here."""
    theme = _theme(request, pk)
    form = ThemeNameForm(request.POST or None, initial={"name": theme.name})
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.theme_rename(theme=theme, by=request.user, name=form.cleaned_data["name"])
            messages.success(request, _("Theme name saved."))
            return redirect("streettalk:theme", pk=theme.pk)
    entries = StreetEntry.objects.filter(theme=theme).select_related("ward").order_by("pk")
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    return render_form(
        request,
        "streettalk/theme.html",
        {
            "theme": theme,
            "day": theme.day,
            "form": form,
            "page": page,
            "where": selectors.where_heard(theme),
            "count": entries.count(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def merge(request, pk: int):
    theme = _theme(request, pk)
    form = MergeForm(request.POST or None, theme=theme)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            into = services.theme_merge(
                theme=theme, into=form.cleaned_data["into"], by=request.user
            )
            messages.success(request, _("The themes are merged."))
            return redirect("streettalk:theme", pk=into.pk)
    return render_form(
        request, "streettalk/merge.html", {"theme": theme, "day": theme.day, "form": form}
    )


@login_required
@require_http_methods(["GET", "POST"])
def move(request, pk: int):
    entry = get_object_or_404(StreetEntry.objects.select_related("day", "theme"), pk=pk)
    if not may_facilitate(request.user, entry.day):
        raise PermissionDenied
    form = MoveForm(request.POST or None, day_id=entry.day_id, initial={"theme": entry.theme})
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.entry_move(entry=entry, theme=form.cleaned_data["theme"], by=request.user)
            messages.success(request, _("The entry is moved."))
            return redirect("streettalk:themes", pk=entry.day_id)
    return render_form(
        request, "streettalk/move.html", {"entry": entry, "day": entry.day, "form": form}
    )
