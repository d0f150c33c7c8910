"""Reading stories: the public list, one story's page, a teller's own, and the few shown on
a project's, a group's or a place's page."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from coproduce.discussion.hiding import exclude_hidden
from coproduce.groups.models import Organisation
from coproduce.places.models import Place, Ward
from coproduce.projects.models import Project

from . import coarse
from .models import Story

PANEL_SIZE = 3


@dataclass(frozen=True)
class StoryFilters:
    ward: Ward | None = None
    project: Project | None = None
    group: Organisation | None = None
    place: Place | None = None


def _with_links(stories: QuerySet[Story]) -> QuerySet[Story]:
    projects = Project.objects.filter(is_hidden=False).only("id", "title")
    groups = Organisation.objects.filter(is_listed=True).only("id", "name", "slug")
    return stories.select_related("ward", "place", "teller__profile").prefetch_related(
        Prefetch("projects", queryset=projects), Prefetch("groups", queryset=groups)
    )


def published_stories() -> QuerySet[Story]:
    """Stories anyone may read: published, and not hidden by a moderator."""
    return exclude_hidden(Story.objects.filter(status=Story.Status.PUBLISHED))


def listed_stories(filters: StoryFilters) -> QuerySet[Story]:
    """Published stories, newest first, narrowed by ward and by what they are linked to."""
    stories = published_stories()
    if filters.ward is not None:
        stories = stories.filter(ward=filters.ward)
    if filters.project is not None:
        stories = stories.filter(projects=filters.project)
    if filters.group is not None:
        stories = stories.filter(groups=filters.group)
    if filters.place is not None:
        stories = stories.filter(place=filters.place)
    return _with_links(stories).order_by("-published_at", "-pk")


def story_for_page(pk: int) -> Story | None:
    """One story with what it links to, whatever its status (the view checks who may see it)."""
    return _with_links(Story.objects.filter(pk=pk)).first()


def stories_of(user) -> QuerySet[Story]:
    """A teller's own stories, newest first."""
    return Story.objects.filter(teller=user).select_related("ward").order_by("-created_at", "-pk")


def _panel(stories: QuerySet[Story]) -> list[Story]:
    return list(
        stories.select_related("teller__profile").order_by("-published_at", "-pk")[:PANEL_SIZE]
    )


def stories_for_project(project: Project) -> list[Story]:
    return _panel(published_stories().filter(projects=project))


def stories_for_group(group: Organisation) -> list[Story]:
    return _panel(published_stories().filter(groups=group))


def stories_for_place(place: Place) -> list[Story]:
    return _panel(published_stories().filter(place=place))


def shown_point(story: Story) -> tuple[float, float] | None:
    """Where to show the story's point: as given if its teller chose exact, else roughly."""
    if not story.has_point:
        return None
    if story.point_is_exact:
        return (story.latitude, story.longitude)
    return coarse.coarse_point(story.latitude, story.longitude)


def linked_choices() -> tuple[QuerySet[Project], QuerySet[Organisation], QuerySet[Place]]:
    """What a story may link to: shown projects, listed groups and listed public places."""
    projects = Project.objects.filter(is_hidden=False).order_by("title").only("id", "title")
    groups = Organisation.objects.filter(is_listed=True).order_by("name").only("id", "name")
    places = (
        Place.objects.filter(is_listed=True)
        .exclude(owner=Place.Owner.PRIVATE, added_by__isnull=False)
        .select_related("ward")
        .order_by("name", "pk")
    )
    return projects, groups, places
