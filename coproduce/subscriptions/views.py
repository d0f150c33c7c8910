"""Pages: subscribing, confirming, your subscriptions, one-click unsubscribing, bucket pages
and feeds, and the letter run."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import Refusal, refusal_to_form, refusal_to_message, render_form

from . import buckets, feeds, permissions, postal, selectors, services, tokens
from .forms import ChangeForm, SubscribeForm
from .models import LetterRun, Subscriber, Subscription

# Until settings.RATE_LIMITS has "subscribe_confirm" and "subscribe_confirm_ip", the
# confirmation email is counted with the limits for resending an account's confirmation.
LIMIT_PER_ADDRESS = "subscribe_confirm"
LIMIT_PER_IP = "subscribe_confirm_ip"


def _chosen(request) -> str | None:
    value = request.GET.get("topic", "")
    if not value or value == buckets.BOROUGH:
        return None
    return value if buckets.topic_exists(value) else None


@require_http_methods(["GET", "POST"])
def start(request):
    signed_in = request.user.is_authenticated
    form = SubscribeForm(request.POST or None, signed_in=signed_in, chosen=_chosen(request) or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            topic = form.topic_key()
            choices = {
                "topic": topic,
                "things": form.cleaned_data["things"],
                "frequency": form.cleaned_data["frequency"],
            }
            if signed_in:
                services.subscription_add(user=request.user, **choices)
                messages.success(
                    request,
                    _("You are subscribed to %(bucket)s.") % {"bucket": buckets.topic_label(topic)},
                )
                return redirect("subscriptions:yours")
            limits.check(request, LIMIT_PER_IP, per=limits.IP)
            limits.check(request, LIMIT_PER_ADDRESS, per=limits.post_field("email"))
            services.subscription_request(email=form.cleaned_data["email"], **choices)
            return redirect("subscriptions:check_email")
    return render_form(request, "subscriptions/start.html", {"form": form, "signed_in": signed_in})


@require_GET
def check_email(request):
    return render(request, "subscriptions/check_email.html")


@require_http_methods(["GET", "POST"])
def confirm(request, token: str):
    try:
        tokens.confirm_read(token)
    except tokens.BadToken:
        return render(request, "subscriptions/link_problem.html", status=400)
    if request.method == "GET":
        # Never confirm on GET: mail scanners open links to check them.
        return render(request, "subscriptions/confirm.html", {"token": token})
    try:
        subscription = services.subscription_confirm(token=token)
    except Refusal as refusal:
        return render(
            request, "subscriptions/link_problem.html", {"message": str(refusal)}, status=400
        )
    return render(
        request,
        "subscriptions/confirmed.html",
        {
            "bucket": buckets.topic_label(subscription.topic_key),
            "manage_url": selectors.manage_url(subscription.subscriber),
        },
    )


def _list_page(request, subscriber: Subscriber | None, *, manage_token: str = ""):
    subscriptions = selectors.subscriptions_of(subscriber)
    labels = buckets.topic_labels([s.topic for s in subscriptions])
    rows = [
        {
            "subscription": subscription,
            "label": labels.get(subscription.topic, subscription.topic),
            "form": ChangeForm.for_subscription(subscription),
            "bucket_url": reverse(
                "subscriptions:bucket", args=[buckets.to_url(subscription.topic_key)]
            ),
        }
        for subscription in subscriptions
    ]
    return render(
        request,
        "subscriptions/yours.html",
        {"rows": rows, "manage_token": manage_token, "subscriber": subscriber},
    )


@login_required
@require_GET
def yours(request):
    return _list_page(request, selectors.subscriber_of(request.user))


def _subscriber_from_manage(token: str) -> Subscriber:
    try:
        subscriber_id = tokens.manage_read(token)
    except tokens.BadToken:
        raise Http404 from None
    subscriber = Subscriber.objects.filter(pk=subscriber_id, user__isnull=True).first()
    if subscriber is None:
        raise Http404
    return subscriber


@require_GET
def manage(request, token: str):
    return _list_page(request, _subscriber_from_manage(token), manage_token=token)


def _own_subscription(request, pk: int) -> tuple[Subscription, str]:
    """The subscription, if the signed-in person or the manage link in the form owns it."""
    token = request.POST.get("manage", "")
    if token:
        subscriber = _subscriber_from_manage(token)
    elif request.user.is_authenticated:
        subscriber = selectors.subscriber_of(request.user)
    else:
        raise PermissionDenied
    if subscriber is None:
        raise Http404
    subscription = get_object_or_404(
        Subscription.objects.select_related("subscriber__user"), pk=pk, subscriber=subscriber
    )
    return subscription, token


def _back(token: str):
    if token:
        return redirect("subscriptions:manage", token=token)
    return redirect("subscriptions:yours")


@require_POST
def change(request, pk: int):
    subscription, token = _own_subscription(request, pk)
    form = ChangeForm.for_subscription(subscription, request.POST)
    if form.is_valid():
        with refusal_to_message(request):
            services.subscription_change(
                subscription=subscription,
                things=form.cleaned_data["things"],
                frequency=form.cleaned_data["frequency"],
            )
            messages.success(request, _("Your choices have been saved."))
    else:
        messages.error(request, _("Choose how often you want to hear."))
    return _back(token)


@require_POST
def stop(request, pk: int):
    subscription, token = _own_subscription(request, pk)
    services.subscription_stop(subscription=subscription)
    messages.success(request, _("That subscription has stopped."))
    return _back(token)


# Mail programs send the RFC 8058 one-click POST with no session and no CSRF token. The signed
# token in the address is the proof that the request comes from the person's own email, and
# unsubscribing is the only thing this view can do, so CSRF protection is not needed here.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    try:
        data = tokens.unsubscribe_read(token)
    except tokens.BadToken:
        return render(request, "subscriptions/link_problem.html", status=400)
    everything = data.subscription_id is None
    if request.method == "GET":
        # Never change anything on GET: mail scanners open links to check them.
        return render(
            request, "subscriptions/unsubscribe.html", {"token": token, "everything": everything}
        )
    services.unsubscribe_by_token(token=token)
    return render(request, "subscriptions/unsubscribed.html", {"everything": everything})


def _bucket_key(topic: str) -> str | None:
    try:
        key = buckets.from_url(topic)
    except Refusal:
        raise Http404 from None
    if not buckets.topic_exists(key):
        raise Http404
    return key


@require_GET
def bucket(request, topic: str):
    key = _bucket_key(topic)
    items = list(selectors.bucket_items(key))
    url_topic = buckets.to_url(key)
    subscribe_url = reverse("subscriptions:start")
    if key:
        subscribe_url += f"?topic={key}"
    return render(
        request,
        "subscriptions/bucket.html",
        {
            "label": buckets.topic_label(key),
            "items": items,
            "atom_url": reverse("subscriptions:atom", args=[url_topic]),
            "ical_url": reverse("subscriptions:ical", args=[url_topic]),
            "subscribe_url": subscribe_url,
        },
    )


@require_GET
def atom(request, topic: str):
    key = _bucket_key(topic)
    body = feeds.atom(key, request=request)
    return HttpResponse(body, content_type="application/atom+xml; charset=utf-8")


@require_GET
def ical(request, topic: str):
    key = _bucket_key(topic)
    response = HttpResponse(feeds.ical(key), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


# Letters ------------------------------------------------------------------------------


def _letters_officer(request) -> None:
    if not permissions.can_run_letters(request.user):
        raise PermissionDenied


@login_required
@require_GET
def letters(request):
    _letters_officer(request)
    return render(
        request,
        "subscriptions/letters.html",
        {
            "waiting": selectors.letters_waiting_count(),
            "runs": selectors.letter_runs()[:50],
        },
    )


@login_required
@require_POST
def letters_prepare(request):
    _letters_officer(request)
    try:
        run = services.letter_run_prepare(by=request.user)
    except Refusal as refusal:
        messages.error(request, str(refusal))
        return redirect("subscriptions:letters")
    return redirect("subscriptions:letter_run", pk=run.pk)


@login_required
@require_GET
def letter_run(request, pk: int):
    _letters_officer(request)
    run = get_object_or_404(LetterRun, pk=pk)
    letters_ = selectors.letters_of(run)
    for letter in letters_:
        letter["address"] = postal.postal_address(letter["subscriber"].user)
    return render(request, "subscriptions/letter_run.html", {"run": run, "letters": letters_})


@login_required
@require_POST
def letter_run_printed(request, pk: int):
    _letters_officer(request)
    run = get_object_or_404(LetterRun, pk=pk)
    with refusal_to_message(request):
        services.letter_run_mark_printed(run=run, by=request.user)
        messages.success(request, _("These letters are marked as printed."))
    return redirect("subscriptions:letters")
