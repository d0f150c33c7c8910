"""Paper sheets: numbering one to print, printing it, typing it in; walk-ins at an event."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common.errors import Refusal, form_with_errors, refusal_to_form, render_form
from coproduce.gatherings import permissions as event_permissions
from coproduce.gatherings.models import Event
from coproduce.places.models import Ward
from coproduce.places.selectors import wards_by_name

from .. import consent, permissions, selectors
from ..forms import ROWS, SheetRowFormSet, WalkInsForm
from ..models import OfflineResident, PaperSheet
from ..services.sheets import SheetRow, sheet_create, sheet_rows_enter, walk_ins_set


def _officer(request) -> None:
    if not permissions.is_officer(request.user):
        raise PermissionDenied


@login_required
@require_http_methods(["GET", "POST"])
def sheets(request):
    """Sheets printed so far, and a new one numbered to print."""
    _officer(request)
    problems = []
    if request.method == "POST":
        kind = request.POST.get("kind", "")
        try:
            event = street = None
            if kind == PaperSheet.Kind.EVENT:
                event = Event.objects.filter(pk=_number(request.POST.get("event"))).first()
            elif kind == PaperSheet.Kind.STREET:
                ward = Ward.objects.filter(pk=_number(request.POST.get("ward"))).first()
                street = selectors.street_find(request.POST.get("street", ""), ward=ward)
            sheet = sheet_create(by=request.user, kind=kind, event=event, street=street)
        except Refusal as refusal:
            problems.append(str(refusal))
        else:
            return redirect("offline:sheet", sheet.pk)
    context = {
        "recent": selectors.sheets_recent(),
        "events": Event.objects.filter(starts_at__gt=timezone.now())
        .exclude(status=Event.Status.CANCELLED)
        .order_by("starts_at", "pk")[:100],
        "wards": wards_by_name(),
    }
    if problems:
        context["form"] = form_with_errors(*problems)
    return render_form(request, "offline/sheets.html", context)


def _number(value) -> int:
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 12:
        raise Refusal(_("Choose from the list."))
    return int(value)


def _sheet(pk: int) -> PaperSheet:
    sheet = (
        PaperSheet.objects.select_related("event__place", "street__ward", "created_by__profile")
        .filter(pk=pk)
        .first()
    )
    if sheet is None:
        raise Http404
    return sheet


@login_required
@require_GET
def sheet(request, pk: int):
    """The sheet to print on A4, with the platform's fields and the consent words."""
    _officer(request)
    return render(
        request,
        "offline/sheet_print.html",
        {
            "sheet": _sheet(pk),
            "lines": range(1, ROWS + 1),
            "script": consent.script(),
            "agreements": consent.AGREEMENTS,
            "contact_choices": OfflineResident.Contact.choices,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def sheet_type_in(request, pk: int):
    """Type in many lines at once: a plain table of fields, no JavaScript needed."""
    _officer(request)
    paper = _sheet(pk)
    formset = SheetRowFormSet(request.POST or None, prefix="line")
    form = None
    if request.method == "POST":
        if formset.is_valid():
            rows = [SheetRow(**row) for row in formset.cleaned_data if row]
            form = form_with_errors()
            with refusal_to_form(form):
                entered = sheet_rows_enter(sheet=paper, by=request.user, rows=rows)
                messages.success(request, _("%(n)s lines typed in.") % {"n": entered})
                return redirect("offline:sheet_type_in", paper.pk)
        else:
            form = form_with_errors(
                *[
                    _("Line %(n)s: %(problem)s") % {"n": number, "problem": error}
                    for number, errors in enumerate(formset.errors, start=1)
                    for messages_ in errors.values()
                    for error in messages_
                ],
                *formset.non_form_errors(),
            )
    return render_form(
        request,
        "offline/sheet_type_in.html",
        {"sheet": paper, "formset": formset, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def walk_ins(request, pk: int):
    """How many came without a name: for the event's organisers and officers."""
    event = get_object_or_404(Event, pk=pk)
    if not (
        event_permissions.can_manage(request.user, event) or permissions.is_officer(request.user)
    ):
        raise PermissionDenied
    form = WalkInsForm(request.POST or None, initial={"count": selectors.walk_ins(event)})
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            walk_ins_set(event=event, by=request.user, count=form.cleaned_data["count"])
            messages.success(request, _("The number of walk-ins is saved."))
            return redirect("gatherings:event", event.pk)
    return render_form(request, "offline/walk_ins.html", {"form": form, "event": event})
