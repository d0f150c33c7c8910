"""Pages for officers: the mailings sent lately, and one mailing's progress.

The progress page needs no JavaScript: a progress bar drawn by the browser, and a link to
look again (or to have the page look again every 15 seconds, until asked to stop)."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from . import selectors
from .models import Mailing
from .permissions import may_watch

REFRESH_SECONDS = 15


def _check(request) -> None:
    if not may_watch(request.user):
        raise PermissionDenied(_("Only council officers can see emails sent to many people."))


@require_GET
@login_required
def mailing_list(request) -> HttpResponse:
    _check(request)
    return render(request, "mailing/mailing_list.html", {"mailings": selectors.mailings_recent()})


@require_GET
@login_required
def mailing_detail(request, pk: int) -> HttpResponse:
    _check(request)
    mailing = get_object_or_404(Mailing, pk=pk)
    progress = selectors.mailing_progress(mailing)
    still_going = mailing.status in (Mailing.Status.SENDING, Mailing.Status.SCHEDULED)
    return render(
        request,
        "mailing/mailing_detail.html",
        {
            "mailing": mailing,
            "progress": progress,
            "problems": selectors.mailing_problems(mailing),
            "still_going": still_going,
            "watching": still_going and request.GET.get("watch") == "1",
            "refresh_seconds": REFRESH_SECONDS,
        },
    )
