"""The library of guides: the list, a guide, and officers' writing, history and restore."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form

from .. import diffing, markup, permissions, reading, selectors, services
from ..forms import GuideForm
from ..models import Guide
from ..reading import TARGET_READING_AGE

GUIDES_PER_PAGE = 20
VERSIONS_PER_PAGE = 20


def _officer(request) -> None:
    if not permissions.can_edit_guides(request.user):
        raise PermissionDenied


def _guide_or_404(slug: str) -> Guide:
    guide = selectors.guide_by_slug(slug)
    if guide is None:
        raise Http404
    return guide


def _warn_if_hard(request, guide: Guide) -> None:
    age = reading.guide_reading_age(summary=guide.summary, body=guide.body)
    if reading.is_too_hard(age):
        messages.warning(
            request,
            _(
                "This guide has a reading age of %(age)s. Aim for %(target)s or below: use "
                "shorter words and shorter sentences."
            )
            % {"age": age, "target": TARGET_READING_AGE},
        )


@require_GET
def toolkit_home(request):
    paginator = Paginator(selectors.guides(), GUIDES_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    courses = list(selectors.courses())
    done = selectors.progress_by_course(request.user)
    return render(
        request,
        "toolkit/home.html",
        {
            "guides": page,
            "courses": [(course, done.get(course.pk, 0)) for course in courses],
            "can_edit": permissions.can_edit_guides(request.user),
        },
    )


@require_GET
def guide_detail(request, slug: str):
    guide = _guide_or_404(slug)
    return render(
        request,
        "toolkit/guide_detail.html",
        {
            "guide": guide,
            "blocks": markup.blocks(guide.body),
            "stories": selectors.stories_for(guide),
            "can_edit": permissions.can_edit_guides(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def guide_write(request):
    _officer(request)
    form = GuideForm(request.POST if request.method == "POST" else None, new=True)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            guide = services.guide_create(by=request.user, **form.cleaned_data)
            messages.success(request, _("The guide has been saved."))
            _warn_if_hard(request, guide)
            return redirect("toolkit:guide", slug=guide.slug)
    return render_form(request, "toolkit/guide_form.html", {"form": form, "guide": None})


@login_required
@require_http_methods(["GET", "POST"])
def guide_edit(request, slug: str):
    _officer(request)
    guide = _guide_or_404(slug)
    form = GuideForm(
        request.POST if request.method == "POST" else None, initial=GuideForm.initial_for(guide)
    )
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            version = services.guide_update(guide=guide, by=request.user, **form.cleaned_data)
            if version is None:
                messages.info(request, _("Nothing changed, so no new version was saved."))
            else:
                messages.success(
                    request, _("Saved as version %(number)s.") % {"number": version.number}
                )
            guide.refresh_from_db()
            _warn_if_hard(request, guide)
            return redirect("toolkit:guide", slug=guide.slug)
    context = {
        "form": form,
        "guide": guide,
        "reading_age": reading.guide_reading_age(summary=guide.summary, body=guide.body),
        "target_reading_age": TARGET_READING_AGE,
    }
    return render_form(request, "toolkit/guide_form.html", context)


@login_required
@require_GET
def guide_history(request, slug: str):
    _officer(request)
    guide = _guide_or_404(slug)
    paginator = Paginator(selectors.versions_of(guide), VERSIONS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "toolkit/guide_history.html", {"guide": guide, "versions": page})


def _version_or_404(guide: Guide, number: int):
    version = selectors.version_of(guide, number)
    if version is None:
        raise Http404
    return version


@login_required
@require_GET
def guide_version(request, slug: str, number: int):
    _officer(request)
    guide = _guide_or_404(slug)
    version = _version_or_404(guide, number)
    return render(
        request,
        "toolkit/guide_version.html",
        {"guide": guide, "version": version, "blocks": markup.blocks(version.body)},
    )


def _number(value: str | None, default: int) -> int:
    try:
        return int(value) if value else default
    except ValueError:
        return default


def _whole(version) -> str:
    return f"{version.title}\n{version.summary}\n\n{version.body}"


@login_required
@require_GET
def guide_compare(request, slug: str):
    _officer(request)
    guide = _guide_or_404(slug)
    new_number = _number(request.GET.get("to"), guide.version)
    old_number = _number(request.GET.get("from"), max(new_number - 1, 1))
    old = _version_or_404(guide, old_number)
    new = _version_or_404(guide, new_number)
    rows = diffing.compare(
        f"{old.title}\n{old.summary}\n\n{old.body}", f"{new.title}\n{new.summary}\n\n{new.body}"
    )
    return render(
        request,
        "toolkit/guide_compare.html",
        {
            "guide": guide,
            "old": old,
            "new": new,
            "rows": rows,
            "changed": diffing.changed(rows),
            "numbers": list(range(guide.version, 0, -1)),
        },
    )


@login_required
@require_POST
def guide_restore(request, slug: str, number: int):
    _officer(request)
    guide = _guide_or_404(slug)
    version = _version_or_404(guide, number)
    with refusal_to_message(request):
        restored = services.guide_restore(guide=guide, version=version, by=request.user)
        messages.success(
            request,
            _("Version %(old)s is back, saved as version %(new)s.")
            % {"old": version.number, "new": restored.number},
        )
    return redirect("toolkit:history", slug=guide.slug)
