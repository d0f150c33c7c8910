from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common.errors import refusal_to_form, render_form

from .. import permissions, selectors
from ..forms import BustForm, LinkForm
from ..models import Barrier, BarrierTheme
from ..services import barriers as services
from ..services import treatments as treatment_services


@require_GET
def library(request):
    """Every barrier sets have named, each with the projects that hit it and what worked."""
    q = request.GET.get("q", "").strip()[:100]
    return render(
        request,
        "gatherings/library.html",
        {
            "entries": selectors.barrier_library(q),
            "q": q,
            "unlinked": selectors.barriers_unlinked()
            if services.can_curate(request.user)
            else None,
        },
    )


@require_GET
def theme(request, slug: str):
    entry = BarrierTheme.objects.filter(slug=slug).first()
    if entry is None:
        raise Http404
    barriers = list(selectors.barriers_of_theme(entry))
    return render(
        request,
        "gatherings/barrier_theme.html",
        {
            "theme": entry,
            "busted": [b for b in barriers if b.is_busted],
            "standing": [b for b in barriers if not b.is_busted],
            "can_create_events": permissions.can_create_events(request.user),
        },
    )


def _barrier_or_404(pk: int) -> Barrier:
    barrier = (
        Barrier.objects.select_related("treatment__event", "theme", "treatment__project")
        .filter(pk=pk)
        .first()
    )
    if barrier is None:
        raise Http404
    return barrier


@login_required
@require_http_methods(["GET", "POST"])
def link(request, pk: int):
    """Say which library entry a barrier is, with the closest matches offered first."""
    barrier = _barrier_or_404(pk)
    if not services.can_curate(request.user, barrier):
        raise PermissionDenied(_("Only the session's facilitators or officers can link barriers."))
    form = LinkForm(
        request.POST or None,
        themes=BarrierTheme.objects.order_by("name"),
        initial={"theme": barrier.theme_id, "new_name": barrier.text[:150]},
    )
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            if form.cleaned_data["theme"] is not None:
                services.barrier_link(
                    barrier=barrier, theme=form.cleaned_data["theme"], by=request.user
                )
            else:
                services.barrier_link_new(
                    barrier=barrier, name=form.cleaned_data["new_name"], by=request.user
                )
            messages.success(request, _("The barrier is linked in the library."))
            return redirect("gatherings:treatment", barrier.treatment_id)
    themes = {t.pk: t for t in BarrierTheme.objects.all()}
    suggestions = [
        (themes[m.key], m) for m in services.suggestions(barrier.text) if m.key in themes
    ]
    return render_form(
        request,
        "gatherings/barrier_link.html",
        {"form": form, "barrier": barrier, "suggestions": suggestions},
    )


@login_required
@require_http_methods(["GET", "POST"])
def bust(request, pk: int):
    """Mark a barrier busted and say how."""
    barrier = _barrier_or_404(pk)
    if not treatment_services.can_report_back(request.user, barrier.treatment):
        raise PermissionDenied(_("Only the person who brought the project can say this."))
    form = BustForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            treatment_services.barrier_bust(
                barrier=barrier, by=request.user, how=form.cleaned_data["how"]
            )
            messages.success(request, _("Barrier busted. Well done."))
            return redirect("gatherings:treatment", barrier.treatment_id)
    return render_form(
        request,
        "gatherings/barrier_bust.html",
        {"form": form, "barrier": barrier},
    )
