"""Pages for messages: your threads, one thread, writing to a thing's team, sharing email."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.accounts.models import User
from coproduce.common import limits
from coproduce.common.errors import Refusal, refusal_to_form, render_form
from coproduce.people.naming import name_for

from . import selectors, services, topics
from .forms import MessageForm
from .models import Participant

PAGE_SIZE = 20


@login_required
@require_GET
def inbox(request):
    page = Paginator(selectors.threads_for(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    for thread in page.object_list:
        thread.others = []  # filled below in one query per page
    _fill_others(page.object_list, request.user)
    return render(request, "messaging/inbox.html", {"page": page})


def _fill_others(threads, user) -> None:
    by_thread = {thread.pk: thread for thread in threads}
    rows = (
        Participant.objects.filter(thread_id__in=by_thread)
        .exclude(user=user)
        .select_related("user__profile")
    )
    for row in rows:
        by_thread[row.thread_id].others.append(
            row.user if row.user and row.user.is_active else None
        )


def _thread_or_404(request, pk: int):
    thread = selectors.thread_for(pk=pk, user=request.user)
    if thread is None:
        raise Http404  # not saying whether it exists to someone outside it
    return thread


def _thread_page(request, thread, form):
    me, others = selectors.thread_view(thread, request.user)
    read_at = me.last_read_at
    unread = [
        m
        for m in thread.messages.all()
        if m.sender_id != request.user.pk and (read_at is None or m.sent_at > read_at)
    ]
    context = {
        "thread": thread,
        "me": me,
        "others": others,
        "new_ids": {m.pk for m in unread},
        "form": form,
    }
    return render_form(request, "messaging/thread.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def thread(request, pk: int):
    thread = _thread_or_404(request, pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        limits.check(request, "message_send")  # each message tells the others
        with refusal_to_form(form):
            services.message_send(user=request.user, thread=thread, body=form.cleaned_data["body"])
            messages.success(request, _("Your message has been sent."))
            return redirect("messaging:thread", pk=thread.pk)
        thread = _thread_or_404(request, pk)
    return _thread_page(request, thread, form if request.method == "POST" else MessageForm())


@login_required
@require_POST
def thread_open(request, pk: int):
    """Mark the thread read, then show it (the inbox's "Open" button)."""
    thread = _thread_or_404(request, pk)
    services.thread_mark_read(user=request.user, thread=thread)
    return redirect("messaging:thread", pk=thread.pk)


@login_required
@require_POST
def thread_read(request, pk: int):
    thread = _thread_or_404(request, pk)
    services.thread_mark_read(user=request.user, thread=thread)
    messages.success(request, _("Marked as read."))
    return redirect("messaging:thread", pk=thread.pk)


@login_required
@require_POST
def email_share(request, pk: int):
    thread = _thread_or_404(request, pk)
    share = request.POST.get("share") != "no"
    try:
        services.email_share(user=request.user, thread=thread, share=share)
    except Refusal as refusal:
        messages.error(request, str(refusal))
        return redirect("messaging:thread", pk=thread.pk)
    if share:
        messages.success(
            request,
            _("Thank you. They see your email address once they agree to share theirs too."),
        )
    else:
        messages.success(request, _("Your email address is no longer shared here."))
    return redirect("messaging:thread", pk=thread.pk)


def _subject_or_404(request, topic_slug: str, pk: int):
    topic = topics.get(topic_slug)
    if topic is None:
        raise Http404
    subject = topic.model._default_manager.filter(pk=pk).first()
    if subject is None or not topic.visible(request.user, subject):
        raise Http404
    return topic, subject


@require_http_methods(["GET", "POST"])
def thread_new(request, topic: str, pk: int):
    """Write to the team of a thing. Visitors are asked to sign in first."""
    topic, subject = _subject_or_404(request, topic, pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    existing = selectors.thread_of_member(subject=subject, user=request.user)
    if existing is not None:
        return redirect("messaging:thread", pk=existing.pk)
    allowed = topic.may_write(request.user, subject)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and allowed and form.is_valid():
        limits.check(request, "message_send")
        with refusal_to_form(form):
            thread = services.thread_start(
                user=request.user, topic=topic, subject=subject, body=form.cleaned_data["body"]
            )
            messages.success(request, _("Your message has been sent."))
            return redirect("messaging:thread", pk=thread.pk)
    context = {
        "topic": topic,
        "subject_title": topic.title(subject),
        "subject_url": topic.url(subject),
        "allowed": allowed,
        "form": form,
    }
    return render_form(request, "messaging/thread_new.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def thread_new_to(request, topic: str, pk: int, member: int):
    """Someone who looks after a thing writes first to a person helping with it."""
    topic, subject = _subject_or_404(request, topic, pk)
    person = User.objects.filter(pk=member, is_active=True).first()
    if person is None or not topic.may_write(person, subject):
        raise Http404  # only helpers can be written to; others are not named
    existing = selectors.thread_of_member(subject=subject, user=person)
    on_team = any(p.pk == request.user.pk for p in topic.team(subject))
    if existing is not None and on_team:
        return redirect("messaging:thread", pk=existing.pk)
    form = MessageForm(request.POST or None)
    if request.method == "POST" and on_team and form.is_valid():
        limits.check(request, "message_send")
        with refusal_to_form(form):
            thread = services.thread_start_with_member(
                user=request.user,
                topic=topic,
                subject=subject,
                member=person,
                body=form.cleaned_data["body"],
            )
            messages.success(request, _("Your message has been sent."))
            return redirect("messaging:thread", pk=thread.pk)
    context = {
        "topic": topic,
        "subject_title": topic.title(subject),
        "subject_url": topic.url(subject),
        "allowed": on_team,
        "to_name": name_for(person, request.user),
        "form": form,
    }
    return render_form(request, "messaging/thread_new.html", context)
