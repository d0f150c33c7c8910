"""Pages for stories: the public list, one story, telling and changing one, the teller's own
stories, withdrawing and deleting."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coproduce.common import limits
from coproduce.common.errors import NotAllowed, refusal_to_form, refusal_to_message, render_form
from coproduce.common.visitor_pages import kept_for_visitors
from coproduce.discussion.hiding import hidden_from

from . import permissions, selectors, services
from .forms import EXACTLY, NO, ROUGHLY, YES, StoryFilterForm, StoryForm
from .models import Story

STORIES_PER_PAGE = 20


def _linked(filters: dict) -> tuple[selectors.StoryFilters, object]:
    """The list's filters, and the project, group or place the list is about (if any)."""
    projects, groups, places = selectors.linked_choices()
    found = {
        "project": projects.filter(pk=filters["project"]).first() if "project" in filters else None,
        "group": groups.filter(pk=filters["group"]).first() if "group" in filters else None,
        "place": places.filter(pk=filters["place"]).first() if "place" in filters else None,
    }
    about = next((thing for thing in found.values() if thing is not None), None)
    return selectors.StoryFilters(ward=filters.get("ward"), **found), about


@require_GET
@kept_for_visitors
def story_list(request) -> HttpResponse:
    form = StoryFilterForm.from_request(request)
    story_filters, about = _linked(form.filters())
    paginator = Paginator(selectors.listed_stories(story_filters), STORIES_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "stories/list.html",
        {"form": form, "stories": page, "about": about},
    )


def _story_or_404(request, pk: int) -> Story:
    story = selectors.story_for_page(pk)
    if story is None or not permissions.can_see(request.user, story):
        raise Http404
    if story.status == Story.Status.PUBLISHED and hidden_from(request.user, story):
        raise Http404
    return story


@require_GET
def story_detail(request, pk: int) -> HttpResponse:
    story = _story_or_404(request, pk)
    return render(
        request,
        "stories/detail.html",
        {
            "story": story,
            "point": selectors.shown_point(story),
            "is_teller": permissions.is_teller(request.user, story),
        },
    )


def _draft(form: StoryForm) -> services.StoryDraft:
    data = form.cleaned_data
    return services.StoryDraft(
        title=data["title"],
        what_happened=data["what_happened"],
        who_helped=data.get("who_helped") or "",
        what_made_it_work=data.get("what_made_it_work") or "",
        could_grow_into=data.get("could_grow_into") or "",
        ward=data.get("ward"),
        place=data.get("place"),
        point=data.get("point"),
        point_is_exact=data.get("point_shown") == EXACTLY,
        projects=[data["project"]] if data.get("project") else [],
        groups=[data["group"]] if data.get("group") else [],
        publish=data["publish"] == YES,
        show_name=data["show_name"] == YES,
        photo=data.get("photo") or None,
        photo_alt=data.get("photo_alt") or "",
        remove_photo=bool(data.get("remove_photo")),
    )


def _initial_links(request) -> dict:
    """A link from a project's, group's or place's page fills in what the story is about."""
    initial = {}
    for name in ("project", "group", "place"):
        value = request.GET.get(name, "")
        # Only plain digits: "²" is a digit to str.isdigit() but not to int().
        if value.isascii() and value.isdigit() and len(value) <= 12:
            initial[name] = int(value)
    return initial


@login_required
@require_http_methods(["GET", "POST"])
def story_tell(request) -> HttpResponse:
    if not permissions.can_tell(request.user):
        raise PermissionDenied
    form = StoryForm(
        request.POST or None,
        request.FILES or None,
        initial={"point_shown": ROUGHLY, "show_name": NO, **_initial_links(request)},
    )
    if request.method == "POST" and form.is_valid():
        limits.check(request, "story_tell")
        with refusal_to_form(form, let_through=NotAllowed):
            story = services.story_tell(teller=request.user, draft=_draft(form))
            messages.success(request, _told_message(story))
            return redirect("stories:detail", story.pk)
    return render_form(request, "stories/form.html", {"form": form, "story": None})


def _told_message(story: Story) -> str:
    if story.status == Story.Status.WAITING:
        return _("Thank you. A moderator will check your story before it is published.")
    return _("Your story is saved. Only you can see it.")


def _own_story_or_404(request, pk: int) -> Story:
    story = selectors.story_for_page(pk)
    if story is None:
        raise Http404
    if not permissions.can_change(request.user, story):
        raise PermissionDenied
    return story


def _initial_from(story: Story) -> dict:
    projects, groups = list(story.projects.all()), list(story.groups.all())
    return {
        "title": story.title,
        "what_happened": story.what_happened,
        "who_helped": story.who_helped,
        "what_made_it_work": story.what_made_it_work,
        "could_grow_into": story.could_grow_into,
        "photo_alt": story.photo_alt,
        "place": story.place_id,
        "ward": story.ward_id,
        "latitude": story.latitude,
        "longitude": story.longitude,
        "point_shown": EXACTLY if story.point_is_exact else ROUGHLY,
        "project": projects[0].pk if projects else None,
        "group": groups[0].pk if groups else None,
        "publish": NO if story.status == Story.Status.PRIVATE else YES,
        "show_name": YES if story.show_name else NO,
    }


@login_required
@require_http_methods(["GET", "POST"])
def story_edit(request, pk: int) -> HttpResponse:
    story = _own_story_or_404(request, pk)
    form = StoryForm(
        request.POST or None,
        request.FILES or None,
        initial=_initial_from(story),
        has_photo=bool(story.photo),
    )
    if request.method == "POST" and form.is_valid():
        limits.check(request, "story_tell")
        with refusal_to_form(form, let_through=NotAllowed):
            story = services.story_update(teller=request.user, story=story, draft=_draft(form))
            messages.success(request, _told_message(story))
            return redirect("stories:detail", story.pk)
    return render_form(request, "stories/form.html", {"form": form, "story": story})


@login_required
@require_GET
def mine(request) -> HttpResponse:
    return render(request, "stories/mine.html", {"stories": selectors.stories_of(request.user)})


@login_required
@require_POST
def story_withdraw(request, pk: int) -> HttpResponse:
    story = _own_story_or_404(request, pk)
    with refusal_to_message(request, let_through=NotAllowed):
        services.story_withdraw(teller=request.user, story=story)
        messages.success(request, _("Your story is no longer published. Only you can see it."))
    return redirect("stories:detail", story.pk)


@login_required
@require_http_methods(["GET", "POST"])
def story_delete(request, pk: int) -> HttpResponse:
    story = _own_story_or_404(request, pk)
    if request.method == "POST":
        services.story_delete(teller=request.user, story=story)
        messages.success(request, _("Your story is deleted."))
        return redirect("stories:mine")
    return render(request, "stories/delete.html", {"story": story})
