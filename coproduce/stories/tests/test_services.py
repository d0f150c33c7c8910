import pytest
from django.core.files.storage import default_storage

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.discussion.models import ModerationAction
from coproduce.discussion.services import waiting_decide
from coproduce.discussion.tests.factories import moderator
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.notifications.models import Notification
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.models import Place
from coproduce.places.tests.factories import PlaceFactory, StreetFactory
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.staff.models import AuditEntry
from coproduce.stories import services
from coproduce.stories.models import Story
from coproduce.stories.services import StoryDraft

from .factories import StoryFactory, WaitingStoryFactory, photo_upload

pytestmark = pytest.mark.django_db


def _draft(**changes) -> StoryDraft:
    fields = {"title": "Our repair café", "what_happened": "We fixed forty bikes in a day."}
    return StoryDraft(**(fields | changes))


def test_a_story_with_consent_waits_for_a_moderator():
    """Consent sends the story to the moderators, with the time consent was given."""
    story = services.story_tell(teller=UserFactory(), draft=_draft(publish=True))
    assert story.status == Story.Status.WAITING
    assert story.consent_given_at is not None
    assert AuditEntry.objects.filter(action="stories.consent_given").exists()


def test_a_story_without_consent_stays_private():
    """Without consent only the teller has it."""
    story = services.story_tell(teller=UserFactory(), draft=_draft(publish=False))
    assert story.status == Story.Status.PRIVATE
    assert story.consent_given_at is None


def test_a_visitor_cannot_tell_a_story():
    """Telling needs an account."""
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(NotAllowed):
        services.story_tell(teller=AnonymousUser(), draft=_draft())


def test_what_happened_is_needed():
    """The first prompt is the one that must be answered."""
    with pytest.raises(Refusal) as refused:
        services.story_tell(teller=UserFactory(), draft=_draft(what_happened="  "))
    assert refused.value.field == "what_happened"


def test_a_place_gives_the_ward():
    """A story at a place is in the place's ward."""
    place = PlaceFactory()
    story = services.story_tell(teller=UserFactory(), draft=_draft(place=place))
    assert story.ward == place.ward


def test_someones_own_place_is_refused():
    """A private place a person added (a home or garden) cannot be where a story is."""
    place = PlaceFactory(owner=Place.Owner.PRIVATE, added_by=UserFactory())
    with pytest.raises(Refusal) as refused:
        services.story_tell(teller=UserFactory(), draft=_draft(place=place))
    assert refused.value.field == "place"


def test_an_exact_point_near_home_is_refused():
    """Showing exactly a point by the teller's own street would show their home."""
    profile = ProfileFactory(street=StreetFactory(centre_latitude=51.5, centre_longitude=-0.1))
    draft = _draft(point=(51.5005, -0.1), point_is_exact=True)
    with pytest.raises(Refusal) as refused:
        services.story_tell(teller=profile.user, draft=draft)
    assert refused.value.field == "point_is_exact"


def test_a_rough_point_near_home_is_kept():
    """The same point shown roughly is fine."""
    profile = ProfileFactory(street=StreetFactory(centre_latitude=51.5, centre_longitude=-0.1))
    story = services.story_tell(teller=profile.user, draft=_draft(point=(51.5005, -0.1)))
    assert (story.latitude, story.longitude, story.point_is_exact) == (51.5005, -0.1, False)


def test_hidden_projects_and_unlisted_groups_cannot_be_linked():
    """A story links only to things anyone can see."""
    with pytest.raises(Refusal):
        services.story_tell(
            teller=UserFactory(), draft=_draft(projects=[ProjectFactory(is_hidden=True)])
        )
    with pytest.raises(Refusal):
        services.story_tell(
            teller=UserFactory(), draft=_draft(groups=[OrganisationFactory(is_listed=False)])
        )


def test_links_are_kept():
    """Projects and groups given are linked."""
    project, group = ProjectFactory(), OrganisationFactory()
    story = services.story_tell(
        teller=UserFactory(), draft=_draft(projects=[project], groups=[group])
    )
    assert list(story.projects.all()) == [project]
    assert list(story.groups.all()) == [group]


def test_a_photo_is_cleaned_and_stored(settings, tmp_path):
    """A photo is re-encoded and stored under a random name, with its description."""
    settings.MEDIA_ROOT = tmp_path
    story = services.story_tell(
        teller=UserFactory(), draft=_draft(photo=photo_upload(), photo_alt="Bikes in a row")
    )
    assert story.photo.name.startswith("stories/")
    assert "party" not in story.photo.name
    assert story.photo_format == "png"
    assert default_storage.exists(story.photo.name)


def test_a_file_that_is_not_a_photo_is_refused(settings, tmp_path):
    """An HTML file named .png is refused, and nothing is stored."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    settings.MEDIA_ROOT = tmp_path
    fake = SimpleUploadedFile("x.png", b"<script>alert(1)</script>", content_type="image/png")
    with pytest.raises(Refusal) as refused:
        services.story_tell(teller=UserFactory(), draft=_draft(photo=fake, photo_alt="x"))
    assert refused.value.field == "photo"
    assert not Story.objects.exists()


def test_a_photo_needs_a_description():
    """Alt text is needed with a photo."""
    with pytest.raises(Refusal) as refused:
        services.story_tell(teller=UserFactory(), draft=_draft(photo=photo_upload()))
    assert refused.value.field == "photo_alt"


def test_changing_a_published_story_sends_it_back_to_the_moderators():
    """An edit is checked again before the public sees it."""
    story = StoryFactory()
    changed = services.story_update(
        teller=story.teller, story=story, draft=_draft(title="New title", publish=True)
    )
    assert changed.status == Story.Status.WAITING
    assert changed.title == "New title"


def test_only_the_teller_changes_withdraws_or_deletes():
    """Someone else, even a moderator, cannot."""
    story = StoryFactory()
    for person in (UserFactory(), moderator()):
        with pytest.raises(NotAllowed):
            services.story_update(teller=person, story=story, draft=_draft())
        with pytest.raises(NotAllowed):
            services.story_withdraw(teller=person, story=story)
        with pytest.raises(NotAllowed):
            services.story_delete(teller=person, story=story)


def test_withdrawing_takes_consent_back():
    """A withdrawn story is private, with the time consent was taken back."""
    story = StoryFactory()
    withdrawn = services.story_withdraw(teller=story.teller, story=story)
    assert withdrawn.status == Story.Status.PRIVATE
    assert withdrawn.consent_given_at is None
    assert withdrawn.consent_withdrawn_at is not None
    assert AuditEntry.objects.filter(action="stories.consent_withdrawn").exists()


def test_deleting_removes_the_story_and_its_photo(
    settings, tmp_path, django_capture_on_commit_callbacks
):
    """The row and the file go."""
    settings.MEDIA_ROOT = tmp_path
    teller = UserFactory()
    story = services.story_tell(
        teller=teller, draft=_draft(photo=photo_upload(), photo_alt="Bikes")
    )
    name = story.photo.name
    with django_capture_on_commit_callbacks(execute=True):
        services.story_delete(teller=teller, story=story)
    assert not Story.objects.filter(pk=story.pk).exists()
    assert not default_storage.exists(name)


def test_approving_publishes_logs_and_tells_the_teller():
    """Through the moderators' queue: published, logged, and the teller is told."""
    story = WaitingStoryFactory()
    waiting_decide(moderator=moderator(), kind="story", pk=story.pk, approve=True, reason="")
    story.refresh_from_db()
    assert story.status == Story.Status.PUBLISHED
    assert story.published_at is not None
    assert ModerationAction.objects.filter(target="story", target_id=story.pk).exists()
    assert Notification.objects.filter(recipient=story.teller).exists()


def test_rejecting_needs_a_reason_and_keeps_it():
    """A no says why; the teller sees the reason."""
    story = WaitingStoryFactory()
    with pytest.raises(Refusal):
        waiting_decide(moderator=moderator(), kind="story", pk=story.pk, approve=False, reason="")
    waiting_decide(
        moderator=moderator(), kind="story", pk=story.pk, approve=False, reason="Names a child"
    )
    story.refresh_from_db()
    assert story.status == Story.Status.NOT_APPROVED
    assert story.moderation_reason == "Names a child"


def test_a_resident_cannot_decide():
    """Only moderators approve stories."""
    story = WaitingStoryFactory()
    with pytest.raises(NotAllowed):
        waiting_decide(moderator=UserFactory(), kind="story", pk=story.pk, approve=True, reason="")


def test_a_story_decided_once_cannot_be_decided_again():
    """A published story no longer waits."""
    story = StoryFactory()
    with pytest.raises(Refusal):
        services.story_decide(moderator=moderator(), pk=story.pk, approve=True, reason="")
