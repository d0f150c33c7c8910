from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from . import kinds, selectors, services, tokens
from .forms import PreferencesForm
from .models import Notification

PAGE_SIZE = 20


@login_required
def notification_list(request):
    page = Paginator(selectors.notifications_for(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "notifications/list.html",
        {"page": page, "unread": selectors.unread_count_for(request.user)},
    )


@login_required
@require_POST
def notification_open(request, pk: int):
    """Mark one notification read, then go where it points (only within this site)."""
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    services.notification_mark_read(notification=notification)
    target = notification.url
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return redirect(target)
    return redirect("notifications:list")


@login_required
@require_POST
def mark_all_read(request):
    count = services.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:list")


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request):
    form = PreferencesForm(
        request.POST or None, initial_frequencies=selectors.preferences_for(request.user)
    )
    if request.method == "POST" and form.is_valid():
        for slug, frequency in form.cleaned_data.items():
            services.notification_preference_set(
                user=request.user, kind=slug, frequency=kinds.Frequency(frequency)
            )
        messages.success(request, _("Your email choices have been saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


# Mail programs send the RFC 8058 one-click POST with no session and no CSRF token. The signed
# token in the address is the proof that the request comes from the person's own email, and
# unsubscribing is the only thing this view can do, so CSRF protection is not needed here.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    try:
        data = tokens.read(token)
        kind = None if data.kind == tokens.DAILY_SUMMARY else kinds.get(data.kind)
    except (tokens.BadUnsubscribeToken, ValueError):
        return render(request, "notifications/unsubscribe_problem.html", status=400)
    if request.method == "GET":
        # Never change anything on GET: mail scanners open links to check them.
        return render(request, "notifications/unsubscribe.html", {"kind": kind})
    try:
        services.unsubscribe_by_token(token=token)
    except tokens.BadUnsubscribeToken:
        return render(request, "notifications/unsubscribe_problem.html", status=400)
    return render(request, "notifications/unsubscribe_done.html", {"kind": kind})
