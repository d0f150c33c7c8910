"""Pages for "you said, we did": the public lists (borough, ward, service), one response with
its history, and the pages officers use to record, update and own a response."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form
from coproduce.directory.models import Service
from coproduce.places.models import Ward

from . import permissions, selectors, services, sources
from .forms import (
    BoroughFilterForm,
    OwnerInviteForm,
    ResponseFilterForm,
    ResponseRecordForm,
    ResponseUpdateForm,
)
from .models import CouncilResponse

PER_PAGE = 20


def _list(request, *, form, template: str, ward=None, service=None, **context) -> HttpResponse:
    filters = form.filters()
    found = selectors.responses_listed(
        ward=filters.get("ward", ward), service=service, status=filters.get("status", "")
    )
    page = Paginator(found, PER_PAGE).get_page(request.GET.get("page"))
    context.update(form=form, responses=page, today=timezone.localdate())
    return render(request, template, context)


@require_GET
def borough(request) -> HttpResponse:
    return _list(
        request, form=BoroughFilterForm.from_request(request), template="yousaid/list.html"
    )


@require_GET
def ward_list(request, slug: str) -> HttpResponse:
    ward = Ward.objects.filter(slug=slug).first()
    if ward is None:
        raise Http404
    return _list(
        request,
        form=ResponseFilterForm.from_request(request),
        template="yousaid/list.html",
        ward=ward,
        place=ward,
    )


@require_GET
def service_list(request, uuid) -> HttpResponse:
    service = Service.objects.filter(
        uuid=uuid, is_listed=True, organisation__is_listed=True
    ).first()
    if service is None:
        raise Http404
    return _list(
        request,
        form=ResponseFilterForm.from_request(request),
        template="yousaid/list.html",
        service=service,
    )


def _response(pk: int) -> CouncilResponse:
    response = selectors.response_detail(pk)
    if response is None:
        raise Http404
    return response


@require_GET
def detail(request, pk: int) -> HttpResponse:
    response = _response(pk)
    source = sources.get(response.source)
    return render(
        request,
        "yousaid/detail.html",
        {
            "response": response,
            "source": source,
            "item_url": _item_url(source, response),
            "overdue": response.is_overdue(),
            "today": timezone.localdate(),
            "may_change": permissions.may_change(request.user, response),
            "asked": request.user.is_authenticated and response.owner_invited_id == request.user.pk,
        },
    )


def _item_url(source, response: CouncilResponse) -> str:
    if source is None:
        return ""
    item = source.fetch(response.item_id)
    return source.url(item) if item is not None else ""


def _owner(form) -> object | None:
    pk = form.cleaned_data.get("owner")
    return get_user_model().objects.get(pk=pk) if pk else None


@login_required
@require_http_methods(["GET", "POST"])
def record(request, source: str, item_id: int) -> HttpResponse:
    found = sources.get(source)
    item = found.fetch(item_id) if found is not None else None
    if item is None:
        raise Http404
    if not permissions.may_respond(request.user, found, item):
        raise PermissionDenied
    form = ResponseRecordForm(
        request.POST or None, owners=selectors.possible_owners(), viewer=request.user
    )
    if request.method == "POST" and form.is_valid():
        owner = _owner(form)
        if owner is not None and owner.pk != request.user.pk:
            limits.check(request, "yousaid_owner_invite")
        with refusal_to_form(form, let_through=NotAllowed):
            response = services.response_record(
                actor=request.user,
                source_key=found.key,
                item_id=item_id,
                heard=form.cleaned_data["heard"],
                will_change=form.cleaned_data["will_change"],
                due_on=form.cleaned_data["due_on"],
                owner=owner,
            )
            messages.success(request, _("The council's response is recorded."))
            return redirect("yousaid:detail", pk=response.pk)
    return render_form(
        request,
        "yousaid/record.html",
        {
            "form": form,
            "source": found,
            "title": found.title(item),
            "item_url": found.url(item),
            "ready": found.is_ready(item),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def update(request, pk: int) -> HttpResponse:
    response = _response(pk)
    if not permissions.may_change(request.user, response):
        raise PermissionDenied
    initial = {
        name: getattr(response, name)
        for name in ResponseUpdateForm.base_fields
        if hasattr(response, name)
    }
    form = ResponseUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form, let_through=NotAllowed):
            services.response_update(actor=request.user, response=response, **form.cleaned_data)
            messages.success(request, _("The response is updated."))
            return redirect("yousaid:detail", pk=response.pk)
    return render_form(request, "yousaid/update.html", {"form": form, "response": response})


@login_required
@require_http_methods(["GET", "POST"])
def owner_invite(request, pk: int) -> HttpResponse:
    response = _response(pk)
    if not permissions.may_change(request.user, response):
        raise PermissionDenied
    form = OwnerInviteForm(
        request.POST or None, owners=selectors.possible_owners(), viewer=request.user
    )
    if request.method == "POST" and form.is_valid():
        owner = _owner(form)
        if owner.pk != request.user.pk:
            limits.check(request, "yousaid_owner_invite")
        with refusal_to_form(form, let_through=NotAllowed):
            services.response_owner_invite(actor=request.user, response=response, person=owner)
            messages.success(request, _("We have asked them to own it."))
            return redirect("yousaid:detail", pk=response.pk)
    return render_form(request, "yousaid/owner.html", {"form": form, "response": response})


@login_required
@require_POST
def owner_answer(request, pk: int, answer: str) -> HttpResponse:
    response = _response(pk)
    with refusal_to_message(request, let_through=NotAllowed):
        if answer == "accept":
            services.response_owner_accept(actor=request.user, response=response)
            messages.success(request, _("You own this response now."))
        else:
            services.response_owner_decline(actor=request.user, response=response)
            messages.success(request, _("You said no. Whoever asked can ask someone else."))
    return redirect("yousaid:detail", pk=response.pk)
