"""The list of conversations, opening one, its results, and the page for those who run it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form
from coproduce.gatherings.models import Series
from coproduce.groups.models import Membership, Organisation
from coproduce.projects.models import Project

from .. import permissions, results, selectors, services
from ..forms import ConversationFilterForm, ConversationForm, LinkForm, SeedForm
from ..models import SignedLink
from .taking_part import visible_conversation

PER_PAGE = 20


@require_GET
def conversation_list(request):
    """Open conversations, newest first, filtered by ward."""
    form = ConversationFilterForm.from_request(request)
    filters = form.filters()
    paginator = Paginator(selectors.conversations_listed(ward=filters.get("ward")), PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "form": form,
        "conversations": page,
        "can_open": permissions.can_open_any(request.user),
    }
    return render(request, "conversations/list.html", context)


def _choices(user):
    """What this person may open a conversation for: projects, series and groups."""
    organised = Membership.objects.filter(user=user, role=Membership.Role.ORGANISER).values(
        "organisation_id"
    )
    groups = Organisation.objects.filter(pk__in=organised).order_by("name")
    if permissions.is_officer(user):
        return (
            Project.objects.filter(is_hidden=False).order_by("title"),
            Series.objects.order_by("title"),
            Organisation.objects.order_by("name"),
        )
    projects = (
        Project.objects.filter(is_hidden=False)
        .filter(Q(owners__user=user) | Q(owners__organisation__in=organised))
        .distinct()
        .order_by("title")
    )
    series = (
        Series.objects.filter(Q(organisers=user) | Q(group__in=organised))
        .distinct()
        .order_by("title")
    )
    return (
        projects,
        series,
        groups,
    )


@login_required
@require_http_methods(["GET", "POST"])
def conversation_new(request):
    """Open a conversation: officers for anything, organisers for what they run."""
    if not permissions.can_open_any(request.user):
        raise PermissionDenied(_("Only council officers and organisers can open conversations."))
    projects, series, groups = _choices(request.user)
    form = ConversationForm(
        request.POST if request.method == "POST" else None,
        projects=projects,
        series=series,
        groups=groups,
    )
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            conversation = services.conversation_open(by=request.user, **form.cleaned_data)
            messages.success(
                request,
                _("Your conversation is set up. Add statements, then open it to everyone."),
            )
            return redirect("conversations:manage", pk=conversation.pk)
    return render_form(request, "conversations/conversation_form.html", {"form": form})


@require_GET
def results_page(request, pk: int):
    """What people said: groups, common ground, where groups divide, a map and a summary.
    Read from the latest snapshot; the page never runs the maths itself."""
    conversation = visible_conversation(request, pk)
    context = {"conversation": conversation, "results": results.results_for(conversation)}
    return render(request, "conversations/results.html", context)


def _managed(request, pk: int):
    conversation = visible_conversation(request, pk)
    if not permissions.can_manage(request.user, conversation):
        raise PermissionDenied(_("Only the people running this conversation can see this page."))
    return conversation


def _manage_page(request, conversation, *, seed_form=None, link_form=None):
    context = {
        "conversation": conversation,
        "statements": list(selectors.statements_for_owner(conversation)),
        "links": list(selectors.links_of(conversation)),
        "seed_form": seed_form or SeedForm(),
        "link_form": link_form or LinkForm(),
        "join_base": request.build_absolute_uri("/")[:-1],
    }
    errors = (seed_form and seed_form.errors) or (link_form and link_form.errors)
    return render(request, "conversations/manage.html", context, status=400 if errors else 200)


@login_required
@require_http_methods(["GET", "POST"])
def manage(request, pk: int):
    """For those who run it: statements (add seed statements here), opening and closing, links."""
    conversation = _managed(request, pk)
    if request.method == "POST":
        form = SeedForm(request.POST)
        if form.is_valid():
            with refusal_to_form(form, let_through=NotAllowed):
                statement = services.statement_seed(
                    by=request.user, conversation=conversation, text=form.cleaned_data["text"]
                )
                if statement.status == statement.Status.SHOWN:
                    messages.success(request, _("The statement has been added."))
                else:
                    messages.success(request, _("The statement waits for a moderator."))
                return redirect("conversations:manage", pk=conversation.pk)
        return _manage_page(request, conversation, seed_form=form)
    return _manage_page(request, conversation)


@login_required
@require_POST
def publish(request, pk: int):
    conversation = _managed(request, pk)
    with refusal_to_message(request, let_through=NotAllowed):
        services.conversation_publish(by=request.user, conversation=conversation)
        messages.success(request, _("The conversation is open. Anyone can take part now."))
    return redirect("conversations:manage", pk=conversation.pk)


@login_required
@require_POST
def close(request, pk: int):
    conversation = _managed(request, pk)
    with refusal_to_message(request, let_through=NotAllowed):
        services.conversation_close(by=request.user, conversation=conversation)
        messages.success(request, _("The conversation is closed. Its results stay."))
    return redirect("conversations:manage", pk=conversation.pk)


@login_required
@require_POST
def link_new(request, pk: int):
    """A link to hand out, to take part without an account."""
    conversation = _managed(request, pk)
    form = LinkForm(request.POST)
    if form.is_valid():
        with refusal_to_form(form, let_through=NotAllowed):
            services.link_create(by=request.user, conversation=conversation, **form.cleaned_data)
            messages.success(request, _("The link is ready. Copy it from the list of links."))
            return redirect("conversations:manage", pk=conversation.pk)
    return _manage_page(request, conversation, link_form=form)


@login_required
@require_POST
def link_close(request, pk: int, link_pk: int):
    conversation = _managed(request, pk)
    link = get_object_or_404(SignedLink, pk=link_pk, conversation=conversation)
    link.conversation = conversation
    with refusal_to_message(request, let_through=NotAllowed):
        services.link_close(by=request.user, link=link)
        messages.success(request, _("The link is closed. Nobody new can join with it."))
    return redirect("conversations:manage", pk=conversation.pk)
