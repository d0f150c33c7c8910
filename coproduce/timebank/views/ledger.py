"""Time bank pages: parse, authorise, call one service or selector, render."""

import csv

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form
from coproduce.groups.models import Organisation

from .. import permissions, selectors, services
from ..forms import LimitsForm, ListingForm, RecordTransferForm, ReverseForm, TransferRequestForm
from ..hours import decimal_hours, format_minutes
from ..models import Account, Listing, Transfer

RECENT = 10


def _coordinator_only(user) -> None:
    if not permissions.is_coordinator(user):
        raise PermissionDenied


def _visible_account(user, pk: int) -> Account:
    account = selectors.account_detail(pk)
    if account is None or not permissions.can_see(user, account):
        raise Http404
    return account


def _account_page(request, account: Account, *, own: bool):
    acted_for = selectors.accounts_acted_for(request.user)
    to_confirm, _asked = selectors.pending_for([a for a in acted_for if a.pk == account.pk])
    organised = Organisation.objects.filter(
        pk__in=permissions.organised_group_ids(request.user)
    ).order_by("name")
    return render(
        request,
        "timebank/account.html",
        {
            "account": account,
            "own": own,
            "can_act": permissions.can_act_for(request.user, account),
            "transfers": selectors.transfers_of(account)[:RECENT],
            "to_confirm_count": len(to_confirm),
            "listings": account.listings.filter(is_open=True),
            "organised": organised if own else [],
            "is_coordinator": permissions.is_coordinator(request.user),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def home(request):
    """The person's account; someone new sees a button that opens one (a POST)."""
    if request.method == "POST":
        services.account_open_for_user(user=request.user)
        return redirect("timebank:home")
    account = selectors.account_for_user(request.user)
    if account is None:
        return render(request, "timebank/no_account.html")
    return _account_page(request, selectors.account_detail(account.pk), own=True)


@login_required
def account_detail(request, pk: int):
    account = _visible_account(request.user, pk)
    if account.user_id == request.user.pk:
        return redirect("timebank:home")
    return _account_page(request, account, own=False)


@login_required
@require_POST
def group_account(request, organisation_pk: int):
    """Open (the first time) and show a group's account; for its organisers only."""
    organisation = get_object_or_404(Organisation, pk=organisation_pk)
    if organisation.pk not in permissions.organised_group_ids(request.user):
        raise PermissionDenied
    account = services.account_open_for_organisation(organisation=organisation)
    return redirect("timebank:account", pk=account.pk)


class _Echo:
    def write(self, value: str) -> str:
        return value


@login_required
def statement(request, pk: int):
    """Every posting of one account, oldest first, with a running balance, as CSV."""
    account = _visible_account(request.user, pk)
    writer = csv.writer(_Echo())

    def rows():
        yield writer.writerow(
            ["posted_at", "transfer", "other_account", "description", "hours", "balance_hours"]
        )
        for (
            posted_at,
            transfer_id,
            other,
            description,
            minutes,
            running,
        ) in selectors.statement_rows(account):
            yield writer.writerow(
                [
                    timezone.localtime(posted_at).isoformat(timespec="seconds"),
                    transfer_id,
                    other or "",
                    _csv_safe(description),
                    decimal_hours(minutes),
                    decimal_hours(running),
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statement-{account.number}.csv"'
    return response


def _csv_safe(text: str) -> str:
    # A cell starting with = + - @ is run as a formula by spreadsheets: make it plain text.
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _transfer_summary(form: TransferRequestForm) -> str:
    """ "You are sending 2 hours to Sam H for 'Fixing shelves'." in the viewer's words."""
    data = form.cleaned_data
    account = data["account"]
    words = {
        "time": format_minutes(data["total_minutes"]),
        "name": form.recipient_name(),
        "what": data["description"].strip(),
        "group": account.holder_name_for(form.viewer),
    }
    gave = data["direction"] == "gave"
    if account.organisation_id:
        if gave:
            return _("You are asking %(name)s to send %(group)s %(time)s for ‘%(what)s’.") % words
        return _("%(group)s is sending %(time)s to %(name)s for ‘%(what)s’.") % words
    if gave:
        return _("You are asking %(name)s to send you %(time)s for ‘%(what)s’.") % words
    return _("You are sending %(time)s to %(name)s for ‘%(what)s’.") % words


@login_required
@require_http_methods(["GET", "POST"])
def transfer_new(request):
    """Record time in up to four steps, each a POST of the same form, so it works without
    JavaScript: the details; choosing the person when several share the name typed; a tick
    for an unusual amount (a form error until ticked); then a check page. Only the POST from
    the check page (confirm=yes) records anything."""
    accounts = selectors.accounts_acted_for(request.user)
    if not accounts:  # nothing to record time from until the person opens an account
        return render(request, "timebank/no_account.html")
    fields = ("account", "direction", "other", "hours", "minutes", "description")
    if request.method == "POST" and request.POST.get("change"):
        # "Change something" on the check page: the form again, filled in, with no errors.
        initial = {key: request.POST[key] for key in fields if request.POST.get(key)}
        form = TransferRequestForm(accounts=accounts, viewer=request.user, initial=initial)
        return render(request, "timebank/transfer_form.html", {"form": form})
    initial = {
        key: request.GET[key]
        for key in ("other", "direction", "description")
        if request.GET.get(key)
    }
    form = TransferRequestForm(
        request.POST or None, accounts=accounts, viewer=request.user, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        if form.choosing:
            return render(request, "timebank/transfer_form.html", {"form": form})
        data = form.cleaned_data
        if request.POST.get("confirm") != "yes":
            return render(
                request,
                "timebank/transfer_check.html",
                {
                    "form": form,
                    "summary": _transfer_summary(form),
                    "number": "" if form.found_by_name else data["other"].number,
                },
            )
        limits.check(request, "transfer_request")
        with refusal_to_form(form):
            services.transfer_request(
                actor=request.user,
                account=data["account"],
                other=data["other"],
                minutes=data["total_minutes"],
                description=data["description"],
                gave=data["direction"] == "gave",
            )
            messages.success(
                request,
                _("We have asked %(name)s to confirm the time.") % {"name": form.recipient_name()},
            )
            return redirect("timebank:pending")
    return render_form(request, "timebank/transfer_form.html", {"form": form})


@login_required
def pending(request):
    accounts = selectors.accounts_acted_for(request.user)
    to_confirm, asked = selectors.pending_for(accounts)
    return render(request, "timebank/pending.html", {"to_confirm": to_confirm, "asked": asked})


def _pending_action(request, pk: int, action, done: str):
    transfer = get_object_or_404(Transfer, pk=pk)
    # Someone who may not answer it gets the 403 page, from RefusalMiddleware.
    with refusal_to_message(request, let_through=NotAllowed):
        action(actor=request.user, transfer=transfer)
        messages.success(request, done)
    return redirect("timebank:pending")


@login_required
@require_POST
def transfer_confirm(request, pk: int):
    return _pending_action(request, pk, services.transfer_confirm, _("The time is confirmed."))


@login_required
@require_POST
def transfer_decline(request, pk: int):
    return _pending_action(request, pk, services.transfer_decline, _("The request is closed."))


@login_required
def listing_list(request):
    kind = request.GET.get("kind", "")
    if kind not in Listing.Kind.values:
        kind = ""
    page = Paginator(selectors.open_listings(kind), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "timebank/listing_list.html",
        {"listings": page, "kind": kind, "kinds": Listing.Kind.choices},
    )


@login_required
@require_http_methods(["GET", "POST"])
def listing_new(request):
    form = ListingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        account = services.account_open_for_user(user=request.user)
        services.listing_create(actor=request.user, account=account, **form.cleaned_data)
        messages.success(request, _("Your listing is up."))
        return redirect("timebank:listing_list")
    return render(request, "timebank/listing_form.html", {"form": form})


@login_required
@require_POST
def listing_close(request, pk: int):
    listing = get_object_or_404(Listing.objects.select_related("account"), pk=pk)
    services.listing_close(actor=request.user, listing=listing)  # NotAllowed: the 403 page
    messages.success(request, _("The listing is closed."))
    return redirect("timebank:home")


@login_required
def coordinator_report(request):
    _coordinator_only(request.user)
    report = selectors.coordinator_report()
    people = Paginator(report.filter(user__isnull=False), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "timebank/coordinator_report.html",
        {
            "people": people,
            "groups": report.filter(organisation__isnull=False),
            "month_start": selectors.month_start(),
            "totals": selectors.ledger_totals(),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def transfer_record(request):
    _coordinator_only(request.user)
    form = RecordTransferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_to_form(form):
            services.transfer_record(
                actor=request.user,
                from_account=data["from_account"],
                to_account=data["to_account"],
                minutes=data["total_minutes"],
                description=data["description"],
            )
            messages.success(request, _("The time is recorded."))
            return redirect("timebank:coordinator")
    return render(request, "timebank/record_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def transfer_reverse(request, pk: int):
    _coordinator_only(request.user)
    transfer = get_object_or_404(selectors.transfers_of_any(), pk=pk, status=Transfer.Status.POSTED)
    form = ReverseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.transfer_reverse(
                actor=request.user, transfer=transfer, reason=form.cleaned_data["reason"]
            )
            messages.success(request, _("The transfer is reversed."))
            return redirect("timebank:account", pk=transfer.from_account_id)
    return render(request, "timebank/reverse_form.html", {"form": form, "transfer": transfer})


@login_required
@require_http_methods(["GET", "POST"])
def account_limits(request, pk: int):
    _coordinator_only(request.user)
    account = _visible_account(request.user, pk)
    form = LimitsForm(
        request.POST or None,
        initial={
            "debt_hours": -account.min_balance // 60,
            "credit_hours": account.max_balance // 60,
        },
    )
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.account_set_limits(
                actor=request.user,
                account=account,
                min_balance=-form.cleaned_data["debt_hours"] * 60,
                max_balance=form.cleaned_data["credit_hours"] * 60,
            )
            messages.success(request, _("The limits are changed."))
            return redirect("timebank:account", pk=account.pk)
    return render(request, "timebank/limits_form.html", {"form": form, "account": account})
