"""Telling, changing, withdrawing and deleting stories, and a moderator's yes or no.

The only writers of stories. A story is public only after its teller agreed to publish it
and a moderator approved it; any change the teller makes sends it back to the moderators.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed, Refusal
from coproduce.discussion.kinds import MODERATION
from coproduce.groups.models import Organisation
from coproduce.notifications.services import notify
from coproduce.places import photos
from coproduce.places.models import Place, Ward
from coproduce.places.selectors import is_someones_own
from coproduce.projects.models import Project
from coproduce.projects.selectors import shown_projects
from coproduce.staff.services import audit_record

from . import coarse, permissions
from .models import Story


@dataclass
class StoryDraft:
    """What a teller writes and chooses; the same for a new story and a changed one."""

    title: str
    what_happened: str
    who_helped: str = ""
    what_made_it_work: str = ""
    could_grow_into: str = ""
    ward: Ward | None = None
    place: Place | None = None
    point: tuple[float, float] | None = None  # (latitude, longitude)
    point_is_exact: bool = False
    projects: Iterable[Project] = field(default_factory=list)
    groups: Iterable[Organisation] = field(default_factory=list)
    publish: bool = False  # the teller agrees to publish it once a moderator has checked it
    show_name: bool = False
    photo: object = None  # an uploaded file, or None to keep (or have) none
    photo_alt: str = ""
    remove_photo: bool = False


def _home_of(teller) -> tuple[float, float] | None:
    """The centre of the teller's own street, if their profile gives one."""
    profile = getattr(teller, "profile", None)
    street = getattr(profile, "street", None) if profile is not None else None
    if street is None or street.centre_latitude is None or street.centre_longitude is None:
        return None
    return (street.centre_latitude, street.centre_longitude)


def _check(teller, draft: StoryDraft) -> None:
    if not draft.title.strip():
        raise Refusal(_("Give your story a title"), field="title")
    if not draft.what_happened.strip():
        raise Refusal(_("Say what happened"), field="what_happened")
    if draft.place is not None and (not draft.place.is_listed or is_someones_own(draft.place)):
        raise Refusal(_("Choose a place from the map's list"), field="place")
    if draft.point is not None:
        latitude, longitude = draft.point
        if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise Refusal(_("The point on the map is not on Earth. Pin it again."))
        if draft.point_is_exact and coarse.near_home(draft.point, _home_of(teller)):
            raise Refusal(
                _(
                    "That point is close to your home, so we only show roughly where it is. "
                    "Choose to show it roughly."
                ),
                field="point_is_exact",
            )
    if draft.photo is not None and not draft.photo_alt.strip():
        raise Refusal(_("Describe what the photo shows"), field="photo_alt")
    projects = list(draft.projects)
    if projects and shown_projects().filter(pk__in=[p.pk for p in projects]).count() != len(
        {p.pk for p in projects}
    ):
        raise Refusal(_("Choose projects from the list"), field="projects")
    if any(not group.is_listed for group in draft.groups):
        raise Refusal(_("Choose groups from the list"), field="groups")


def _fill(story: Story, draft: StoryDraft) -> None:
    story.title = draft.title.strip()[:150]
    story.what_happened = draft.what_happened.strip()
    story.who_helped = draft.who_helped.strip()
    story.what_made_it_work = draft.what_made_it_work.strip()
    story.could_grow_into = draft.could_grow_into.strip()
    story.place = draft.place
    story.ward = draft.place.ward if draft.place is not None else draft.ward
    story.latitude, story.longitude = draft.point if draft.point is not None else (None, None)
    story.point_is_exact = draft.point is not None and draft.point_is_exact
    story.show_name = draft.show_name


def _consent(story: Story, *, teller, publish: bool) -> None:
    """Record the teller's yes or no to publishing; a yes sends it to the moderators."""
    now = timezone.now()
    if publish:
        if story.consent_given_at is None:
            story.consent_given_at = now
            audit_record(actor=teller, action="stories.consent_given", target=f"story {story.pk}")
        story.status = Story.Status.WAITING
        story.moderation_reason = ""
        story.published_at = None
    else:
        if story.consent_given_at is not None:
            story.consent_withdrawn_at = now
            audit_record(
                actor=teller, action="stories.consent_withdrawn", target=f"story {story.pk}"
            )
        story.consent_given_at = None
        story.status = Story.Status.PRIVATE
        story.published_at = None


def _photo_set(story: Story, draft: StoryDraft) -> str | None:
    """Put a cleaned copy of the new photo in place; returns the old file's name to delete."""
    old = story.photo.name or None
    if draft.photo is None:
        if draft.remove_photo and old:
            story.photo, story.photo_format, story.photo_alt = None, "", ""
            return old
        if old:
            story.photo_alt = draft.photo_alt.strip()[:250] or story.photo_alt
        return None
    try:
        cleaned = photos.clean(draft.photo, size=draft.photo.size)
    except photos.PhotoError as error:
        raise Refusal(str(error), field="photo") from None
    story.photo_format = cleaned.extension
    story.photo_alt = draft.photo_alt.strip()[:250]
    story.photo.save(f"photo.{cleaned.extension}", ContentFile(cleaned.content), save=False)
    return old


def _save_with_photo(story: Story, draft: StoryDraft, *, teller, publish: bool) -> Story:
    old_photo = _photo_set(story, draft)
    new_photo = story.photo.name if draft.photo is not None else None
    try:
        story.save()
        _consent(story, teller=teller, publish=publish)
        story.save()
        story.projects.set(list(draft.projects))
        story.groups.set(list(draft.groups))
    except Exception:
        if new_photo:
            story.photo.storage.delete(new_photo)
        raise
    if old_photo and old_photo != story.photo.name:
        storage = Story._meta.get_field("photo").storage
        transaction.on_commit(lambda: storage.delete(old_photo))
    return story


@transaction.atomic
def story_tell(*, teller, draft: StoryDraft) -> Story:
    """Keep a new story. With the teller's consent it waits for a moderator; without, only
    the teller sees it. Raises Refusal for anything missing or not allowed."""
    if not permissions.can_tell(teller):
        raise NotAllowed(_("Sign in to tell a story."))
    _check(teller, draft)
    story = Story(teller=teller)
    _fill(story, draft)
    return _save_with_photo(story, draft, teller=teller, publish=draft.publish)


@transaction.atomic
def story_update(*, teller, story: Story, draft: StoryDraft) -> Story:
    """Change a story. If the teller still wants it published, it waits for a moderator again,
    so nothing reaches the public unchecked."""
    story = Story.objects.select_for_update(of=("self",)).get(pk=story.pk)
    if not permissions.can_change(teller, story):
        raise NotAllowed(_("Only the person who told a story can change it."))
    _check(teller, draft)
    _fill(story, draft)
    return _save_with_photo(story, draft, teller=teller, publish=draft.publish)


@transaction.atomic
def story_withdraw(*, teller, story: Story) -> Story:
    """Take back consent: the story leaves every public page at once and only its teller
    sees it. They can publish it again later (it then waits for a moderator)."""
    story = Story.objects.select_for_update(of=("self",)).get(pk=story.pk)
    if not permissions.can_change(teller, story):
        raise NotAllowed(_("Only the person who told a story can withdraw it."))
    if story.status == Story.Status.PRIVATE:
        raise Refusal(_("That story is not published."))
    _consent(story, teller=teller, publish=False)
    story.save(
        update_fields=[
            "status",
            "consent_given_at",
            "consent_withdrawn_at",
            "published_at",
            "updated_at",
        ]
    )
    return story


@transaction.atomic
def story_delete(*, teller, story: Story) -> None:
    """Delete a story and its photo for good."""
    if not permissions.can_change(teller, story):
        raise NotAllowed(_("Only the person who told a story can delete it."))
    story_remove(story=story)


def story_remove(*, story: Story) -> None:
    """Delete a story and, once the transaction commits, its photo file (for account
    closing as well as the teller's own delete)."""
    photo = story.photo.name
    storage = Story._meta.get_field("photo").storage
    story.delete()
    if photo:
        transaction.on_commit(lambda: storage.delete(photo))


def story_decide(*, moderator, pk: int, approve: bool, reason: str) -> str:
    """A moderator's yes or no on a waiting story; the teller is told. Returns its text.

    Called by discussion's moderation queue (discussion.services.waiting_decide), which checks
    the moderator and writes the moderation log in the same transaction."""
    if not permissions.can_moderate(moderator):
        raise NotAllowed(_("Only moderators can do that."))
    story = (
        Story.objects.select_for_update(of=("self",)).select_related("teller").filter(pk=pk).first()
    )
    if story is None or story.status != Story.Status.WAITING:
        raise Refusal(_("That story has already been dealt with."))
    now = timezone.now()
    story.status = Story.Status.PUBLISHED if approve else Story.Status.NOT_APPROVED
    story.published_at = now if approve else None
    story.moderation_reason = "" if approve else reason[:500]
    story.save(update_fields=["status", "published_at", "moderation_reason", "updated_at"])
    teller = story.teller
    if teller is not None and teller.is_active and teller.pk != moderator.pk:
        title = (
            _("Your story “%(title)s” is published")
            if approve
            else _("A moderator did not publish your story “%(title)s”")
        )
        notify(
            recipient=teller,
            kind=MODERATION.slug,
            title=title % {"title": story.title},
            body="" if approve else _("Reason: %(reason)s") % {"reason": reason},
            url=reverse("stories:detail", args=[story.pk]),
        )
    return story_text(story)


def story_text(story: Story) -> str:
    """Everything the teller wrote, for moderators and the moderation log."""
    parts = [
        story.title,
        story.what_happened,
        story.who_helped,
        story.what_made_it_work,
        story.could_grow_into,
        story.photo_alt,
    ]
    return "\n".join(part for part in parts if part)
