"""Pages for things to give, lend or ask for."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import (
    NotAllowed,
    Refusal,
    form_with_errors,
    refusal_to_form,
    render_form,
)
from coproduce.discussion import hiding
from coproduce.places.photos import PhotoError

from .. import permissions, selectors, topics
from ..forms import ItemFilterForm, ItemForm, ReplyForm
from ..models import Item, ItemPhoto, ItemReply
from ..services import items as services
from ..services import reservations

ITEMS_PER_PAGE = 20


@require_GET
def item_list(request):
    form = ItemFilterForm.from_request(request)
    filters = selectors.ItemFilters(**form.filters())
    paginator = Paginator(selectors.items_listed(filters), ITEMS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "sharing/item_list.html", {"form": form, "items": page})


def _visible_item(request, pk: int) -> tuple[Item, dict]:
    """The item and who the viewer is to it. Gone items are only for those involved."""
    item = selectors.item_detail(pk)
    if item is None:
        raise Http404
    user = request.user
    reservation = selectors.live_reservation(item)
    keeper = permissions.looks_after(user, item)
    can_change = keeper or permissions.can_change_item(user, item)
    is_reserver = (
        reservation is not None and user.is_authenticated and reservation.reserved_by_id == user.pk
    )
    if not item.is_open and not can_change and not selectors.ever_reserved(item, user):
        raise Http404
    if hiding.hidden_from(user, item):
        raise Http404  # a moderator hid it: only its giver and moderators see it
    return item, {
        "keeper": keeper,
        "can_change": can_change,
        "reservation": reservation,
        "is_reserver": is_reserver,
    }


def _detail(request, item, roles, *, form=None, reply_form=None) -> HttpResponse:
    """The item's page; 400 when `form` holds errors."""
    user = request.user
    replies = list(selectors.replies_to(item)) if roles["keeper"] else []
    my_reply = None if roles["keeper"] else selectors.reply_from(item, user)
    context = {
        "item": item,
        **roles,
        "photos": list(item.photos.all()),
        "show_where": roles["keeper"] or roles["is_reserver"],
        "replies": replies,
        "my_reply": my_reply,
        "keeper_email": item.organisation.email
        if item.organisation_id and item.organisation.email
        else (item.posted_by.email or ""),
        "can_reserve": item.kind == Item.Kind.OFFERED
        and item.status == Item.Status.AVAILABLE
        and not roles["keeper"],
        "can_reply": item.kind == Item.Kind.WANTED
        and item.status == Item.Status.AVAILABLE
        and not roles["keeper"]
        and my_reply is None,
        "reply_form": reply_form or ReplyForm(),
        "form": form,
        "can_message": topics.may_write_about(user, item),
        "message_url": reverse("messaging:new", args=["item", item.pk]),
    }
    return render_form(request, "sharing/item_detail.html", context)


@require_GET
def item_detail(request, pk: int):
    item, roles = _visible_item(request, pk)
    return _detail(request, item, roles)


def _save(request, form, item: Item | None):
    """Create or change the item from a valid form; a refused photo becomes a field error."""
    data = dict(form.cleaned_data)
    photo, alt_text = data.pop("photo", None), data.pop("alt_text", "")
    try:
        with refusal_to_form(form):
            if item is None:
                return services.item_create(by=request.user, photo=photo, alt_text=alt_text, **data)
            return services.item_update(
                item=item, by=request.user, photo=photo, alt_text=alt_text, **data
            )
    except PhotoError as problem:
        form.add_error("photo", str(problem))
    return None


@login_required
@require_http_methods(["GET", "POST"])
def item_create(request):
    groups = selectors.organised_groups(request.user)
    form = ItemForm(request.POST or None, request.FILES or None, groups=groups)
    if request.method == "POST" and form.is_valid():
        item = _save(request, form, None)
        if item is not None:
            messages.success(request, _("Your post has been added."))
            return redirect("sharing:item_detail", pk=item.pk)
    return render_form(request, "sharing/item_form.html", {"form": form, "item": None})


@login_required
@require_http_methods(["GET", "POST"])
def item_edit(request, pk: int):
    item, roles = _visible_item(request, pk)
    if not roles["can_change"]:
        raise PermissionDenied(_("Only the person who posted this can change it."))
    initial = {name: getattr(item, name) for name in services.UPDATABLE} | {"ward": item.ward_id}
    form = ItemForm(request.POST or None, request.FILES or None, initial=initial, editing=True)
    if request.method == "POST" and form.is_valid() and _save(request, form, item) is not None:
        messages.success(request, _("Your changes have been saved."))
        return redirect("sharing:item_detail", pk=item.pk)
    return render_form(
        request,
        "sharing/item_form.html",
        {"form": form, "item": item, "photos": list(item.photos.all())},
    )


@login_required
@require_POST
def photo_remove(request, pk: int, photo_pk: int):
    item, roles = _visible_item(request, pk)
    photo = get_object_or_404(ItemPhoto, pk=photo_pk, item=item)
    if not roles["can_change"]:
        raise PermissionDenied(_("Only the person who posted this can change it."))
    services.item_photo_remove(photo=photo, by=request.user)
    messages.success(request, _("The photo has been removed."))
    return redirect("sharing:item_edit", pk=item.pk)


# What each button on the item page does, and what it tells the person afterwards.
ACTIONS = {
    "reserve": (reservations.item_reserve, _("You have reserved it.")),
    "collected": (reservations.item_mark_collected, _("Marked as collected.")),
    "lent": (reservations.item_mark_lent, _("Marked as lent.")),
    "returned": (reservations.item_mark_returned, _("Marked as returned. It is available again.")),
    "release": (reservations.reservation_release, _("The reservation has been released.")),
    "withdraw": (reservations.item_withdraw, _("Your post has been withdrawn.")),
}
# Reserving and releasing tell the other person: reserve, release, reserve... is limited.
LIMITED_ACTIONS = {"reserve", "release"}


@login_required
@require_POST
def item_action(request, pk: int, action: str):
    if action not in ACTIONS:
        raise Http404
    item, roles = _visible_item(request, pk)
    if action in LIMITED_ACTIONS:
        limits.check(request, "item_reserve")
    service, done = ACTIONS[action]
    try:
        service(item=item, by=request.user)
    except Refusal as refusal:
        item, roles = _visible_item(request, pk)
        return _detail(request, item, roles, form=form_with_errors(str(refusal)))
    messages.success(request, str(done))
    if action == "withdraw":
        return redirect("sharing:my_items")
    return redirect("sharing:item_detail", pk=item.pk)


@login_required
@require_POST
def item_reply(request, pk: int):
    item, roles = _visible_item(request, pk)
    form = ReplyForm(request.POST)
    if not form.is_valid():
        errors = [str(e) for field_errors in form.errors.values() for e in field_errors]
        refusal = form_with_errors(*errors)
        return _detail(request, item, roles, form=refusal, reply_form=form)
    limits.check(request, "item_reply")
    try:
        services.item_reply_send(item=item, by=request.user, message=form.cleaned_data["message"])
    except Refusal as refusal:
        return _detail(request, item, roles, form=form_with_errors(str(refusal)))
    messages.success(request, _("Your message has been sent."))
    return redirect("sharing:item_detail", pk=item.pk)


@login_required
@require_POST
def reply_answer(request, pk: int, reply_pk: int, answer: str):
    if answer not in ("accept", "decline"):
        raise Http404
    item, roles = _visible_item(request, pk)
    reply = get_object_or_404(ItemReply, pk=reply_pk, item=item)
    try:
        services.item_reply_answer(reply=reply, by=request.user, accept=answer == "accept")
    except NotAllowed:
        raise  # the 403 page, from RefusalMiddleware
    except Refusal as refusal:
        return _detail(request, item, roles, form=form_with_errors(str(refusal)))
    messages.success(
        request,
        _("You accepted. You can now see each other's email address.")
        if answer == "accept"
        else _("You declined the offer."),
    )
    return redirect("sharing:item_detail", pk=item.pk)


@login_required
@require_GET
def my_items(request):
    paginator = Paginator(selectors.items_looked_after_by(request.user), ITEMS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "sharing/my_items.html", {"items": page})


@login_required
@require_GET
def my_reservations(request):
    paginator = Paginator(selectors.reservations_of(request.user), ITEMS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(request, "sharing/my_reservations.html", {"reservations": page})
