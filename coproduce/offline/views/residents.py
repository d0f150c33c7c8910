"""The list of people a helper looks after, registering someone, their record page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coproduce.common import limits
from coproduce.common.errors import refusal_to_form, render_form

from .. import consent, permissions, selectors
from ..forms import ContactForm, RegisterForm, TakeOverForm
from ..services.residents import resident_contact_change, resident_register
from ..services.takeover import takeover_request
from .common import resident_acted_for, resident_seen


@login_required
@require_GET
def index(request):
    """The people this officer or champion registered or looks after."""
    if not permissions.can_register(request.user):
        raise PermissionDenied
    page = Paginator(selectors.residents_for(request.user), 50).get_page(request.GET.get("page"))
    return render(request, "offline/index.html", {"page": page})


@login_required
@require_http_methods(["GET", "POST"])
def register(request):
    if not permissions.can_register(request.user):
        raise PermissionDenied
    form = RegisterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        with refusal_to_form(form):
            street = selectors.street_find(data["street"], ward=data["ward"])
            resident = resident_register(
                by=request.user,
                name=data["name"],
                street=street,
                ward=data["ward"],
                contact_by=data["contact_by"],
                postal_address=data["postal_address"],
                phone=data["phone"],
                agreed_to=data["agreed_to"],
                consent_how=data["consent_how"],
            )
            messages.success(
                request,
                _("They are registered. Their reference is %(ref)s.") % {"ref": resident.reference},
            )
            return redirect("offline:resident", resident.pk)
    return render_form(request, "offline/register.html", {"form": form, "script": consent.script()})


@login_required
@require_GET
def resident(request, pk: int):
    """Their record: how to contact them, their consent, what was done for them, and what
    can be done for them next."""
    record = resident_seen(request, pk)
    acts = Paginator(selectors.acts_of(record), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "offline/resident.html",
        {
            "record": record,
            "person": record.user,
            "acts": acts,
            "consents": selectors.consents_of(record),
            "places": selectors.upcoming_places(record),
            "time_waiting": selectors.time_waiting_for(record),
            "can_act": permissions.can_act_for(request.user, record),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def contact(request, pk: int):
    record = resident_acted_for(request, pk)
    form = ContactForm(
        request.POST or None,
        initial={
            "contact_by": record.contact_by,
            "postal_address": record.postal_address,
            "phone": record.phone,
        },
    )
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            resident_contact_change(resident=record, by=request.user, **form.cleaned_data)
            messages.success(request, _("How to contact them has been saved."))
            return redirect("offline:resident", record.pk)
    return render_form(request, "offline/contact.html", {"form": form, "record": record})


@login_required
@require_http_methods(["GET", "POST"])
def take_over_start(request, pk: int):
    """They (or someone helping them) give an email address to take over the account."""
    record = resident_acted_for(request, pk)
    form = TakeOverForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "email_change")
        limits.check(request, "sign_up_address", per=limits.post_field("email"))
        with refusal_to_form(form):
            takeover_request(resident=record, by=request.user, email=form.cleaned_data["email"])
            messages.success(
                request,
                _(
                    "We have sent an email to that address. They need to open the link in it "
                    "within a few days to take over their account."
                ),
            )
            return redirect("offline:resident", record.pk)
    return render_form(request, "offline/take_over_start.html", {"form": form, "record": record})
