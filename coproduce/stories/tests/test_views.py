import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.discussion.models import HiddenThing, Report
from coproduce.discussion.tests.factories import moderator
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.places.tests.factories import PlaceFactory, WardFactory
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.stories.models import Story

from .factories import PrivateStoryFactory, StoryFactory, WaitingStoryFactory

pytestmark = pytest.mark.django_db

LIST = reverse("stories:list")


def _page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _tell_data(**changes) -> dict:
    return {
        "title": "Our bike day",
        "what_happened": "We fixed forty bikes.",
        "point_shown": "roughly",
        "publish": "yes",
        "show_name": "no",
        **changes,
    }


# The list ---------------------------------------------------------------------------------


def test_the_list_shows_published_stories_only(client):
    """Waiting, private and hidden stories are not listed."""
    shown = StoryFactory(title="Shown story")
    WaitingStoryFactory(title="Waiting story")
    PrivateStoryFactory(title="Private story")
    hidden = StoryFactory(title="Hidden story")
    HiddenThing.objects.create(kind="story", target_id=hidden.pk, reason="Rude")
    page = _page(client, LIST)
    assert shown.title in page
    assert "Waiting story" not in page
    assert "Private story" not in page
    assert "Hidden story" not in page


def test_the_list_filters_by_ward(client):
    """?ward= narrows the list to one ward."""
    here, there = WardFactory(), WardFactory()
    StoryFactory(title="Story here", ward=here)
    StoryFactory(title="Story there", ward=there)
    page = _page(client, f"{LIST}?ward={here.slug}")
    assert "Story here" in page
    assert "Story there" not in page


@pytest.mark.parametrize("kind", ["project", "group", "place"])
def test_the_list_filters_by_what_a_story_is_about(client, kind):
    """?project=, ?group= and ?place= narrow the list and name what it is about."""
    thing = {"project": ProjectFactory, "group": OrganisationFactory, "place": PlaceFactory}[kind]()
    about = StoryFactory(title="About it")
    if kind == "place":
        Story.objects.filter(pk=about.pk).update(place=thing)
    else:
        getattr(about, f"{kind}s").add(thing)
    StoryFactory(title="Something else")
    page = _page(client, f"{LIST}?{kind}={thing.pk}")
    assert "About it" in page
    assert "Something else" not in page
    assert "Stories about" in page


def test_the_list_costs_the_same_few_queries(client, django_assert_max_num_queries):
    """However many stories and links, the list costs a fixed number of queries."""
    project, group = ProjectFactory(), OrganisationFactory()
    for story in StoryFactory.create_batch(25):
        story.projects.add(project)
        story.groups.add(group)
    client.force_login(UserFactory())
    with django_assert_max_num_queries(10):
        page = client.get(LIST)
    assert page.status_code == 200
    with django_assert_max_num_queries(10):
        assert client.get(f"{LIST}?page=2").status_code == 200


def test_the_teller_is_a_resident_unless_they_chose(client):
    """Without the choice the story reads "A resident"; with it, the name by the one rule."""
    quiet = StoryFactory(teller=UserFactory(display_name="Quiet Quinn"), show_name=False)
    StoryFactory(teller=UserFactory(display_name="Olive Named"), show_name=True)
    client.force_login(UserFactory())  # names are shown to members by default
    page = _page(client, LIST)
    assert "Quiet Quinn" not in page
    assert "Told by A resident" in page
    assert "Told by Olive Named" in page
    assert quiet.teller.email not in page


# One story --------------------------------------------------------------------------------


def test_a_published_story_is_for_everyone(client):
    """Its page opens for a visitor, with its four parts."""
    story = StoryFactory(could_grow_into="A party on every street")
    page = _page(client, reverse("stories:detail", args=[story.pk]))
    assert story.what_happened in page
    assert "A party on every street" in page


@pytest.mark.parametrize("factory", [WaitingStoryFactory, PrivateStoryFactory])
def test_an_unpublished_story_is_for_its_teller_and_moderators(client, factory):
    """Others get 404; the teller and a moderator see it."""
    story = factory()
    url = reverse("stories:detail", args=[story.pk])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(story.teller)
    assert client.get(url).status_code == 200
    client.force_login(moderator())
    assert client.get(url).status_code == 200


def test_a_hidden_story_is_for_its_teller_and_moderators(client):
    """A story a moderator hid is 404 to others."""
    story = StoryFactory()
    HiddenThing.objects.create(kind="story", target_id=story.pk, reason="Rude")
    url = reverse("stories:detail", args=[story.pk])
    assert client.get(url).status_code == 404
    client.force_login(story.teller)
    page = _page(client, url)
    assert "Hidden by a moderator" in page
    assert "Rude" in page


def test_a_rough_point_is_never_shown_exactly(client):
    """The page shows the coarse point, not the one given."""
    story = StoryFactory(latitude=51.512345, longitude=-0.123456, point_is_exact=False)
    page = _page(client, reverse("stories:detail", args=[story.pk]))
    assert "51.512345" not in page
    assert "Roughly here" in page


def test_an_exact_point_is_shown_when_chosen(client):
    """A teller who chose exact (a park, a hall) has it shown as given."""
    story = StoryFactory(latitude=51.512345, longitude=-0.123456, point_is_exact=True)
    assert "51.512345" in _page(client, reverse("stories:detail", args=[story.pk]))


# Telling, changing, withdrawing, deleting -------------------------------------------------


def test_telling_needs_signing_in(client):
    """A visitor is sent to sign in."""
    assert client.get(reverse("stories:tell")).status_code == 302


def test_telling_a_story(client):
    """A signed-in resident tells a story; it waits for a moderator."""
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("stories:tell")).status_code == 200
    response = client.post(reverse("stories:tell"), _tell_data())
    story = Story.objects.get(teller=user)
    assert response.status_code == 302
    assert story.status == Story.Status.WAITING


def test_telling_with_a_street_keeps_its_centre(client):
    """A street gives the point (its centre) and the ward."""
    from coproduce.places.tests.factories import StreetFactory

    street = StreetFactory(name="Mill Lane", centre_latitude=51.51, centre_longitude=-0.11)
    client.force_login(UserFactory())
    client.post(reverse("stories:tell"), _tell_data(street="mill lane"))
    story = Story.objects.get()
    assert (story.latitude, story.longitude, story.ward) == (51.51, -0.11, street.ward)


def test_a_story_without_its_answers_shows_errors(client):
    """Missing answers give a 400 with the errors."""
    client.force_login(UserFactory())
    response = client.post(reverse("stories:tell"), {"title": ""})
    assert response.status_code == 400
    assert "Say what happened" in response.content.decode()
    assert not Story.objects.exists()


def test_a_link_from_a_project_fills_it_in(client):
    """/stories/tell/?project=12 chooses the project."""
    project = ProjectFactory()
    client.force_login(UserFactory())
    page = _page(client, f"{reverse('stories:tell')}?project={project.pk}")
    assert f'<option value="{project.pk}" selected' in page


@pytest.mark.parametrize("name", ["edit", "delete"])
def test_only_the_teller_opens_change_and_delete(client, name):
    """Others get 403; visitors are sent to sign in; the teller gets the page."""
    story = StoryFactory()
    url = reverse(f"stories:{name}", args=[story.pk])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(moderator())
    assert client.get(url).status_code == 403
    client.force_login(story.teller)
    assert client.get(url).status_code == 200


def test_changing_a_story(client):
    """The teller changes the words; it waits for a moderator again."""
    story = StoryFactory()
    client.force_login(story.teller)
    client.post(reverse("stories:edit", args=[story.pk]), _tell_data(title="Better title"))
    story.refresh_from_db()
    assert story.title == "Better title"
    assert story.status == Story.Status.WAITING


def test_withdrawing(client):
    """Withdrawing is a POST by the teller; others get 403; GET is not allowed."""
    story = StoryFactory()
    url = reverse("stories:withdraw", args=[story.pk])
    client.force_login(UserFactory())
    assert client.post(url).status_code == 403
    client.force_login(story.teller)
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    story.refresh_from_db()
    assert story.status == Story.Status.PRIVATE
    assert story.title not in _page(client, LIST)


def test_deleting(client):
    """The teller deletes their story after confirming."""
    story = StoryFactory()
    client.force_login(story.teller)
    assert client.post(reverse("stories:delete", args=[story.pk])).status_code == 302
    assert not Story.objects.filter(pk=story.pk).exists()


def test_your_stories_lists_only_yours(client):
    """Your page lists your stories, of every status, and nobody else's."""
    mine = PrivateStoryFactory(title="Mine, private")
    StoryFactory(title="Someone else's")
    assert client.get(reverse("stories:mine")).status_code == 302
    client.force_login(mine.teller)
    page = _page(client, reverse("stories:mine"))
    assert "Mine, private" in page
    assert "Someone else&#x27;s" not in page


def test_an_unknown_story_is_404(client):
    """A made-up number is not found."""
    assert client.get(reverse("stories:detail", args=[999999])).status_code == 404


# Reporting and moderating -----------------------------------------------------------------


def test_a_resident_reports_and_a_moderator_hides(client):
    """A report reaches the moderators; hiding takes the story off the list."""
    story = StoryFactory(title="Story to report")
    client.force_login(UserFactory())
    page = _page(client, reverse("stories:detail", args=[story.pk]))
    report_url = reverse("discussion:report_thing", args=["story", story.pk])
    assert report_url in page
    client.post(report_url, {"reason": "abusive", "details": ""})
    assert Report.objects.filter(target_kind="story", target_id=story.pk).exists()
    client.force_login(moderator())
    hide = reverse("discussion:thing_hide", args=["story", story.pk])
    client.post(hide, {"reason": "Rude about a neighbour"})
    client.logout()
    assert "Story to report" not in _page(client, LIST)


def test_a_waiting_story_is_in_the_moderators_queue(client):
    """The queue shows waiting stories to moderators."""
    story = WaitingStoryFactory(title="Waiting to be checked")
    client.force_login(moderator())
    page = _page(client, reverse("discussion:queue"))
    assert "Waiting to be checked" in page or story.what_happened in page


# Panels -----------------------------------------------------------------------------------


def test_a_project_page_shows_its_stories(client):
    """A published story about a project shows on the project's page; a waiting one does not."""
    project = ProjectFactory()
    StoryFactory(title="Told about the project").projects.add(project)
    WaitingStoryFactory(title="Not yet checked").projects.add(project)
    page = _page(client, reverse("projects:detail", args=[project.pk]))
    assert "Told about the project" in page
    assert "Not yet checked" not in page


def test_a_group_page_shows_its_stories(client):
    """The group's page lists stories about it."""
    group = OrganisationFactory()
    StoryFactory(title="Told about the group").groups.add(group)
    assert "Told about the group" in _page(client, reverse("groups:detail", args=[group.slug]))


def test_a_place_page_shows_its_stories(client):
    """The place's page lists stories that happened there."""
    place = PlaceFactory()
    StoryFactory(title="Told about the place", place=place)
    page = _page(client, reverse("places_catalogue:place_detail", args=[place.pk]))
    assert "Told about the place" in page


@pytest.mark.parametrize("value", ["²", "①", "-1", "99999999999999999999999", "x"])
def test_odd_numbers_in_the_query_do_no_harm(client, value):
    """Made-up numbers in the list's filters and the telling link give a page, not an error."""
    assert client.get(f"{LIST}?project={value}&group={value}&place={value}").status_code == 200
    client.force_login(UserFactory())
    assert client.get(f"{reverse('stories:tell')}?project={value}").status_code == 200
