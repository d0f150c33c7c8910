"""Taking part: the conversation's page (the next statement, one at a time), voting, adding a
statement of your own, and joining through a link without an account.

A person without an account holds a signed cookie naming their participant (made only by the
POST on the link's page); a signed-in person takes part with their account, whatever cookie
they hold.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
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
from coproduce.common.numbers import NumberError, whole_number

from .. import permissions, selectors, services
from ..forms import StatementForm
from ..models import Conversation, Participant, SignedLink, Vote

COOKIE_SALT = "coproduce.conversations.participant"
COOKIE_AGE = 60 * 60 * 24 * 365
ANSWERS = {"agree": Vote.Value.AGREE, "disagree": Vote.Value.DISAGREE, "pass": Vote.Value.PASS}


def cookie_name(conversation_id: int) -> str:
    return f"conversation_{conversation_id}"


def visible_conversation(request, pk: int) -> Conversation:
    conversation = selectors.conversation_detail(pk)
    if conversation is None or not permissions.can_see(request.user, conversation):
        raise Http404  # not saying that a conversation being set up exists
    return conversation


def link_participant(request, conversation: Conversation) -> Participant | None:
    """The participant named by this browser's signed cookie for the conversation, if any."""
    value = request.get_signed_cookie(
        cookie_name(conversation.pk), default=None, salt=COOKIE_SALT, max_age=COOKIE_AGE
    )
    if not value or ":" not in value:
        return None
    pk, _sep, key = value.partition(":")
    try:
        pk_number = whole_number(pk, minimum=1)
    except NumberError:
        return None
    return Participant.objects.filter(
        pk=pk_number, key=key, conversation=conversation, user__isnull=True
    ).first()


def current_participant(request, conversation: Conversation) -> Participant | None:
    """Who this request takes part as, without making a row: the account's participant or
    the link's."""
    if request.user.is_authenticated:
        return selectors.participant_of(conversation=conversation, user=request.user)
    return link_participant(request, conversation)


def _detail(request, conversation: Conversation, *, form=None, status_form=None):
    user = request.user
    participant = current_participant(request, conversation)
    signed_in = user.is_authenticated
    may_take_part = conversation.is_open and (signed_in or participant is not None)
    upcoming = None
    if may_take_part:
        upcoming = selectors.statement_next(
            conversation=conversation, participant=participant, seed=user.pk if signed_in else 0
        )
    refusal = services.statement_refusal(user=user, conversation=conversation)
    context = {
        "conversation": conversation,
        "participant": participant,
        "may_take_part": may_take_part,
        "upcoming": upcoming,
        "answers": selectors.answers_of(participant) if may_take_part else [],
        "answer_words": dict(Vote.Value.choices),
        "waiting": list(selectors.waiting_by(conversation=conversation, user=user)),
        "may_add": refusal is None,
        "can_manage": permissions.can_manage(user, conversation),
        "form": status_form,
        "statement_form": form,
    }
    return render_form(request, "conversations/detail.html", context, form=status_form)


@require_GET
def detail(request, pk: int):
    """About the conversation, and taking part: the next statement with three buttons."""
    conversation = visible_conversation(request, pk)
    return _detail(request, conversation)


@require_POST
def vote(request, pk: int):
    """Agree, disagree or pass on one statement (a plain form: no JavaScript needed)."""
    conversation = visible_conversation(request, pk)
    answer = ANSWERS.get(request.POST.get("answer", ""))
    try:
        statement_pk = whole_number(
            request.POST.get("statement", ""), name=_("The statement"), minimum=1
        )
    except NumberError as problem:
        return _detail(request, conversation, status_form=form_with_errors(str(problem)))
    if answer is None:
        errors = form_with_errors(_("Choose agree, disagree or pass."))
        return _detail(request, conversation, status_form=errors)
    if not request.user.is_authenticated:
        participant = link_participant(request, conversation)
        if participant is None:
            raise NotAllowed(_("Sign in, or use the link you were given, to take part."))
    statement = selectors.shown_statement(conversation=conversation, pk=statement_pk)
    if statement is None:
        errors = form_with_errors(_("That statement is not shown here. Answer the one below."))
        return _detail(request, conversation, status_form=errors)
    if not conversation.is_open:
        errors = form_with_errors(_("The conversation is not open, so it does not take votes."))
        return _detail(request, conversation, status_form=errors)
    if request.user.is_authenticated:
        participant = services.participant_for_user(user=request.user, conversation=conversation)
    try:
        services.vote_record(participant=participant, statement=statement, value=answer)
    except Refusal as refusal:
        return _detail(request, conversation, status_form=form_with_errors(str(refusal)))
    return redirect(reverse("conversations:detail", args=[conversation.pk]) + "#take-part")


@login_required
@require_http_methods(["GET", "POST"])
def statement_new(request, pk: int):
    """Add a statement of your own. It waits for a moderator before others see it."""
    conversation = visible_conversation(request, pk)
    refusal = services.statement_refusal(user=request.user, conversation=conversation)
    if refusal:
        messages.error(request, refusal)
        return redirect("conversations:detail", pk=conversation.pk)
    form = StatementForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "comment")
        with refusal_to_form(form, let_through=NotAllowed):
            statement = services.statement_add(
                by=request.user, conversation=conversation, text=form.cleaned_data["text"]
            )
            if statement.status == statement.Status.SHOWN:
                messages.success(request, _("Your statement has been added."))
            else:
                messages.success(
                    request,
                    _("Thank you. A moderator will check your statement before others see it."),
                )
            return redirect("conversations:detail", pk=conversation.pk)
    context = {"conversation": conversation, "form": form}
    return render_form(request, "conversations/statement_form.html", context)


def _link(token: str) -> SignedLink:
    if len(token) > 64:
        raise Http404
    return get_object_or_404(
        SignedLink.objects.select_related("conversation"),
        token=token,
        conversation__status__in=[Conversation.Status.OPEN, Conversation.Status.CLOSED],
    )


@require_http_methods(["GET", "POST"])
def join(request, token: str):
    """A link handed out in a street or at a meeting. The GET shows a button; only the POST
    makes a participant and gives this browser its cookie."""
    link = _link(token)
    conversation = link.conversation
    if request.method == "POST":
        if request.user.is_authenticated:
            # A signed-in person takes part with their account: nothing to join.
            return redirect("conversations:detail", pk=conversation.pk)
        if link_participant(request, conversation) is not None:
            return redirect("conversations:detail", pk=conversation.pk)
        try:
            participant = services.link_join(link=link)
        except Refusal as refusal:
            context = {"link": link, "conversation": conversation, "form": None}
            context["form"] = form_with_errors(str(refusal))
            return render_form(request, "conversations/join.html", context)
        response = redirect(reverse("conversations:detail", args=[conversation.pk]) + "#take-part")
        response.set_signed_cookie(
            cookie_name(conversation.pk),
            f"{participant.pk}:{participant.key}",
            salt=COOKIE_SALT,
            max_age=COOKIE_AGE,
            secure=settings.SESSION_COOKIE_SECURE,
            httponly=True,
            samesite="Lax",
        )
        return response
    context = {
        "link": link,
        "conversation": conversation,
        "already": link_participant(request, conversation) is not None,
        "form": None,
    }
    return render(request, "conversations/join.html", context)
