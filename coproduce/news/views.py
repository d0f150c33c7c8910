"""Pages of council news: the list, a post, the feed, and the officers' writing pages."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import refusal_to_form, refusal_to_message, render_form
from coproduce.common.plain_language import TARGET_READING_AGE, advise
from coproduce.common.visitor_pages import kept_for_visitors
from coproduce.subscriptions.buckets import topic_labels

from . import audience, body, emails, feeds, permissions, selectors, services
from .forms import NewsFilterForm, PostForm, ScheduleForm
from .models import NewsPost

POSTS_PER_PAGE = 20
TEST_SEND_LIMIT = "news_test_send"
PUBLISH_LIMIT = "news_publish"


def _officer(request) -> None:
    if not permissions.can_write_news(request.user):
        raise PermissionDenied


def _post_or_404(request, slug: str) -> NewsPost:
    """The post, if this person may see it: drafts are hidden (404) from everyone else."""
    post = selectors.post_by_slug(slug)
    if post is None or not permissions.can_see(request.user, post):
        raise Http404
    return post


def _withdrawn(request, slug: str) -> HttpResponse | None:
    """410 Gone for a withdrawn post, for people who do not write news (links in old emails
    and feeds lead here)."""
    if permissions.can_write_news(request.user):
        return None
    if not selectors.is_withdrawn(slug):
        return None
    return render(request, "news/withdrawn.html", status=410)


def _officers_post(request, slug: str) -> NewsPost:
    _officer(request)
    post = selectors.post_by_slug(slug)
    if post is None:
        raise Http404
    return post


@require_GET
@kept_for_visitors
def post_list(request):
    form = NewsFilterForm.from_request(request)
    filters = form.filters()
    paginator = Paginator(selectors.posts_published(ward=filters.get("ward")), POSTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "news/post_list.html",
        {
            "form": form,
            "posts": page,
            "can_write": permissions.can_write_news(request.user),
        },
    )


@require_GET
def post_detail(request, slug: str):
    gone = _withdrawn(request, slug)
    if gone is not None:
        return gone
    post = _post_or_404(request, slug)
    return render(
        request,
        "news/post_detail.html",
        {
            "post": post,
            "paragraphs": body.paragraphs(post.body),
            "can_write": permissions.can_write_news(request.user),
        },
    )


@require_GET
def feed(request):
    return HttpResponse(
        feeds.atom(selectors.posts_for_feed()),
        content_type="application/atom+xml; charset=utf-8",
    )


@login_required
@require_GET
def drafts(request):
    _officer(request)
    return render(
        request,
        "news/drafts.html",
        {
            "unpublished": list(selectors.posts_unpublished()),
            "recent": list(selectors.posts_sent_recently()),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def post_write(request):
    _officer(request)
    form = PostForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            post = services.post_create(by=request.user, **form.service_fields())
            messages.success(request, _("Your draft has been saved. Check it before publishing."))
            return redirect("news:preview", slug=post.slug)
    return render_form(request, "news/post_form.html", {"form": form, "post": None})


@login_required
@require_http_methods(["GET", "POST"])
def post_edit(request, slug: str):
    post = _officers_post(request, slug)
    if not post.can_change:
        messages.error(request, _("This news has been published, so it cannot be changed."))
        return redirect("news:preview", slug=post.slug)
    form = PostForm(request.POST or None, initial=PostForm.initial_for(post))
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            services.post_update(post=post, by=request.user, **form.service_fields())
            messages.success(request, _("Your changes have been saved."))
            return redirect("news:preview", slug=post.slug)
    return render_form(request, "news/post_form.html", {"form": form, "post": post})


def _preview(request, post: NewsPost, *, schedule_form: ScheduleForm | None = None):
    subject, text, html = emails.rendered(
        post, unsubscribe_url=audience.unsubscribe_link(request.user.pk)
    )
    advice = {
        _("Title"): advise(post.title),
        _("Summary"): advise(post.summary),
        _("The news"): advise(post.body),
    }
    context = {
        "post": post,
        "paragraphs": body.paragraphs(post.body),
        "email_subject": subject,
        "email_text": text,
        "email_html": html,
        "advice": advice,
        "target_reading_age": TARGET_READING_AGE,
        "topic_names": list(topic_labels(list(post.topics)).values()),
        "form": schedule_form or ScheduleForm(),
        "can_test": request.user.has_email,
        "mailing_url": _mailing_url(post),
    }
    return render_form(request, "news/preview.html", context)


def _mailing_url(post: NewsPost) -> str:
    if post.mailing_id is None:
        return ""
    return reverse("mailing:detail", args=[post.mailing_id])


@login_required
@require_GET
def post_preview(request, slug: str):
    return _preview(request, _officers_post(request, slug))


@login_required
@require_POST
def post_test_send(request, slug: str):
    post = _officers_post(request, slug)
    limits.check(request, TEST_SEND_LIMIT)
    with refusal_to_message(request):
        services.post_send_test(post=post, by=request.user)
        messages.success(request, _("A test email is on its way to your email address."))
    return redirect("news:preview", slug=post.slug)


@login_required
@require_POST
def post_schedule(request, slug: str):
    post = _officers_post(request, slug)
    form = ScheduleForm(request.POST)
    if form.is_valid():
        limits.check(request, PUBLISH_LIMIT)
        with refusal_to_form(form):
            services.post_schedule(
                post=post, by=request.user, publish_at=form.cleaned_data["publish_at"]
            )
            messages.success(request, _("The news will be published at the time you chose."))
            return redirect("news:preview", slug=post.slug)
    return _preview(request, post, schedule_form=form)


@login_required
@require_POST
def post_unschedule(request, slug: str):
    post = _officers_post(request, slug)
    with refusal_to_message(request):
        services.post_unschedule(post=post, by=request.user)
        messages.success(request, _("The news is a draft again. It will not be published."))
    return redirect("news:preview", slug=post.slug)


@login_required
@require_POST
def post_publish(request, slug: str):
    post = _officers_post(request, slug)
    limits.check(request, PUBLISH_LIMIT)
    with refusal_to_message(request):
        post = services.post_publish(post=post, by=request.user)
        if post.send_email:
            messages.success(request, _("The news is published and the emails are being sent."))
        else:
            messages.success(request, _("The news is published."))
    return redirect("news:preview", slug=post.slug)


@login_required
@require_POST
def post_withdraw(request, slug: str):
    post = _officers_post(request, slug)
    with refusal_to_message(request):
        services.post_withdraw(post=post, by=request.user)
        messages.success(
            request, _("The news has been withdrawn. Emails not yet sent will not go.")
        )
    return redirect("news:preview", slug=post.slug)
