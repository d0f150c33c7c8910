"""Pages for street champions: applying, the officer's answers, a champion's page and
"contact your champion", coverage (public and for officers, with CSV), and the street pack."""

import csv
import io

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from coproduce.common import limits
from coproduce.common.counts import public_count
from coproduce.common.errors import (
    NotAllowed,
    refusal_to_form,
    refusal_to_message,
    render_form,
)
from coproduce.people.naming import name_for

from . import coverage as coverage_selectors
from . import pack, permissions, selectors, services
from .forms import (
    ApplicationForm,
    ContactForm,
    CoverageFilterForm,
    DecisionForm,
    EndRoleForm,
    StreetFinderForm,
)

STREETS_PER_PAGE = 50
CHAMPIONS_PER_PAGE = 50
MESSAGES_PER_PAGE = 20
MESSAGE_LIMIT = "champion_message"


def _officer_only(request) -> None:
    if not permissions.is_officer(request.user):
        raise PermissionDenied


# Coverage ------------------------------------------------------------------------------------


def _coverage_context(request, *, officer: bool) -> dict:
    form = CoverageFilterForm.from_request(request)
    filters = form.filters()
    ward = filters.get("ward")
    ward_id = ward.pk if ward else None
    data = coverage_selectors.coverage()
    rows = data.streets_in(ward_id)
    sort = filters.get("sort") or "gaps"
    if sort == "gaps":
        rows = sorted(
            rows, key=lambda row: (row.covered, -_ranked(row.people, officer), row.name, row.id)
        )
    elif sort == "people":
        rows = sorted(rows, key=lambda row: (-_ranked(row.people, officer), row.name, row.id))
    page = Paginator(rows, STREETS_PER_PAGE).get_page(request.GET.get("page"))
    champions = selectors.champions_on_streets([row.id for row in page]) if officer else {}
    gaps = data.gaps(ward_id=ward_id, public=not officer)[: coverage_selectors.GAPS_SHOWN]
    return {
        "form": form,
        "ward": ward,
        "coverage": data,
        "streets": page,
        "champions": champions,
        "gaps": gaps,
        "map_streets": data.streets_in(ward_id),
        "map_wards": [w for w in data.wards if ward_id is None or w.id == ward_id],
        "officer": officer,
    }


def _ranked(people: int, officer: bool) -> int:
    """In public, 1 to 4 people rank alike, so the order gives no small count away."""
    return 4 if not officer and 0 < people < 5 else people


@require_safe
def coverage(request):
    """Public: streets and wards with and without a champion. Counts under 5 hidden."""
    return render(request, "champions/coverage.html", _coverage_context(request, officer=False))


@require_safe
def coverage_officer(request):
    """Officers: the same, with exact counts and the champions of each street."""
    _officer_only(request)
    return render(request, "champions/coverage.html", _coverage_context(request, officer=True))


def _coverage_csv(*, officer: bool) -> HttpResponse:
    data = coverage_selectors.coverage()
    fewer = _("fewer than 5")
    buffer = io.StringIO()
    buffer.write("\ufeff")  # so spreadsheets open it as UTF-8
    writer = csv.writer(buffer)
    header = ["ward", "street", "has a champion", "people counted"]
    if officer:
        header.append("champions")
    writer.writerow(header)
    for row in data.streets:
        line = [
            row.ward_name,
            row.name,
            "yes" if row.covered else "no",
            row.people if officer else public_count(row.people, fewer_than=fewer),
        ]
        if officer:
            line.append(row.champions)
        writer.writerow(line)
    name = "street-champions-coverage-officer.csv" if officer else "street-champions-coverage.csv"
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@require_safe
def coverage_csv(request):
    return _coverage_csv(officer=False)


@require_safe
def coverage_officer_csv(request):
    _officer_only(request)
    return _coverage_csv(officer=True)


# Applying -------------------------------------------------------------------------------------


def _apply_page(request, *, form=None):
    finder = StreetFinderForm.from_request(request)
    filters = finder.filters()
    ward = filters.get("ward")
    if ward is None and not finder.is_filtered:
        profile = getattr(request.user, "profile", None)
        ward = getattr(profile, "ward", None)
    streets = selectors.streets_to_choose(ward, filters.get("q", ""))
    if form is None:
        form = ApplicationForm(streets=streets)
    return render_form(
        request,
        "champions/apply.html",
        {
            "finder": finder,
            "ward": ward,
            "form": form,
            "has_streets": bool(form.fields["streets"].queryset),
            "waiting": selectors.application_waiting_of(request.user),
            "may_apply": permissions.may_apply(request.user),
            "most_streets": permissions.most_streets(),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def apply(request):
    if request.method != "POST":
        return _apply_page(request)
    if not permissions.may_apply(request.user):
        raise PermissionDenied
    finder = StreetFinderForm.from_request(request)
    ward = finder.filters().get("ward")
    form = ApplicationForm(
        request.POST, streets=selectors.streets_to_choose(ward, finder.filters().get("q", ""))
    )
    if form.is_valid():
        with refusal_to_form(form, let_through=NotAllowed):
            services.application_submit(
                applicant=request.user,
                streets=list(form.cleaned_data["streets"]),
                why=form.cleaned_data["why"],
            )
            messages.success(
                request, _("Thank you. We have your application and will tell you our answer.")
            )
            return redirect("champions:mine")
    return _apply_page(request, form=form)


@login_required
@require_safe
def mine(request):
    """A person's streets, applications and the way to their pack and messages."""
    return render(
        request,
        "champions/mine.html",
        {
            "roles": selectors.roles_of(request.user),
            "applications": selectors.applications_of(request.user)[:20],
        },
    )


@login_required
@require_POST
def withdraw(request):
    application = selectors.application_waiting_of(request.user)
    if application is None:
        raise Http404
    with refusal_to_message(request):
        services.application_withdraw(application=application, by=request.user)
        messages.success(request, _("You have withdrawn your application."))
    return redirect("champions:mine")


@login_required
@require_safe
def my_messages(request):
    page = Paginator(selectors.messages_to(request.user), MESSAGES_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(request, "champions/messages.html", {"messages_page": page})


def _role(pk: int):
    role = selectors.role_detail(pk)
    if role is None:
        raise Http404
    return role


@login_required
@require_POST
def step_down(request, pk: int):
    role = _role(pk)
    if role.champion_id != request.user.pk:
        raise PermissionDenied
    with refusal_to_message(request):
        services.champion_step_down(role=role, by=request.user)
        messages.success(
            request,
            _("You are no longer the champion for %(street)s. Thank you for your help.")
            % {"street": role.street.name},
        )
    return redirect("champions:mine")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def end_role(request, pk: int):
    _officer_only(request)
    role = _role(pk)
    form = EndRoleForm(request.POST if request.method == "POST" else None)
    if role.is_current and request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.champion_end(role=role, by=request.user, reason=form.cleaned_data["reason"])
            messages.success(request, _("The role has ended. We have told the champion."))
            return redirect("champions:officer")
    return render_form(request, "champions/end_role.html", {"role": role, "form": form})


# Officers ------------------------------------------------------------------------------------


@login_required
@require_safe
def officer(request):
    """Applications waiting for an answer, and every current champion."""
    _officer_only(request)
    q = request.GET.get("q", "")[:100]
    champions = Paginator(selectors.current_champions(q), CHAMPIONS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "champions/officer.html",
        {"waiting": selectors.applications_waiting()[:100], "champions": champions, "q": q},
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def application(request, pk: int):
    _officer_only(request)
    found = selectors.application_detail(pk)
    if found is None:
        raise Http404
    form = DecisionForm(request.POST if request.method == "POST" else None)
    if found.status == found.Status.WAITING and request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_to_form(form):
            if data["decision"] == "approve":
                services.application_approve(
                    application=found, by=request.user, reason=data["reason"]
                )
                messages.success(request, _("Approved. We have told the person."))
            else:
                services.application_decline(
                    application=found, by=request.user, reason=data["reason"]
                )
                messages.success(request, _("Not approved. We have told the person why."))
            return redirect("champions:officer")
    held = selectors.roles_of(found.applicant).count()
    return render_form(
        request,
        "champions/application.html",
        {"application": found, "form": form, "held": held},
    )


# A champion's page, contact and pack ----------------------------------------------------------


def _champion(pk: int):
    champion = selectors.champion_detail(pk)
    if champion is None:
        raise Http404
    return champion


@require_safe
def champion(request, pk: int):
    person = _champion(pk)
    return render(
        request,
        "champions/champion.html",
        {
            "champion": person,
            "streets": selectors.champions_of(person),
            "is_me": request.user.is_authenticated and request.user.pk == person.pk,
            "may_see_pack": permissions.may_see_pack(request.user, person),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contact(request, pk: int):
    person = _champion(pk)
    streets = selectors.champions_of(person)
    can_share = request.user.has_email
    if request.method != "POST":
        form = ContactForm(streets=streets, can_share_email=can_share)
    else:
        limits.check(request, MESSAGE_LIMIT)
        form = ContactForm(request.POST, streets=streets, can_share_email=can_share)
        if form.is_valid():
            with refusal_to_form(form):
                services.champion_message_send(
                    champion=person,
                    sender=request.user,
                    body=form.cleaned_data["body"],
                    share_email=form.cleaned_data.get("share_email", False),
                    street=form.cleaned_data["street"],
                )
                messages.success(
                    request,
                    _("We have sent your message to %(name)s.")
                    % {"name": name_for(person, request.user)},
                )
                return redirect("champions:champion", pk=person.pk)
    return render_form(
        request,
        "champions/contact.html",
        {"champion": person, "form": form, "is_me": request.user.pk == person.pk},
    )


@login_required
@require_safe
def street_pack(request, pk: int):
    """One printable flyer per street the champion looks after (A4, print styles)."""
    person = _champion(pk)
    if not permissions.may_see_pack(request.user, person):
        raise PermissionDenied
    streets = list(selectors.champions_of(person))
    flyers = pack.flyers_for(
        streets,
        subscribe_title=_("QR code: a link to get news of %(ward)s ward"),
        sign_up_title=_("QR code: a link to join the site"),
        now=timezone.now(),
    )
    return render(request, "champions/pack.html", {"champion": person, "flyers": flyers})
