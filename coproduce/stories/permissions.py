"""Who may do what with stories. Moderators are those who moderate comments."""

from coproduce.discussion.permissions import can_moderate_comments

from .models import Story


def _signed_in(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def can_tell(user) -> bool:
    """Anyone signed in can tell a story."""
    return _signed_in(user)


def is_teller(user, story: Story) -> bool:
    return _signed_in(user) and story.teller_id == user.pk


def can_moderate(user) -> bool:
    return can_moderate_comments(user)


def can_see(user, story: Story) -> bool:
    """Published stories are public; the rest only to their teller and moderators.
    (Whether a moderator hid a published one is discussion.hiding's question.)"""
    if story.status == Story.Status.PUBLISHED:
        return True
    return is_teller(user, story) or can_moderate(user)


def can_change(user, story: Story) -> bool:
    """Only the teller edits, withdraws or deletes their story."""
    return is_teller(user, story)
