"""What the project services share: the owners' check and telling followers."""

from django.urls import reverse
from django.utils.translation import gettext as _

from coproduce.common.errors import NotAllowed
from coproduce.notifications.services import notify

from ..kinds import PROJECT_UPDATES
from ..models import Follow, Project
from ..permissions import can_manage


def require_manager(user, project: Project) -> None:
    """Refuse unless this person manages the project."""
    if not can_manage(user, project):
        raise NotAllowed(_("Only the project's owners can do that."))


def notify_followers(project: Project, *, title: str, body: str = "", skip=None) -> None:
    """Tell every active follower of the project, but `skip`, with a link to its page."""
    url = reverse("projects:detail", args=[project.pk])
    followers = Follow.objects.filter(project=project).select_related("user")
    for follow in followers:
        if follow.user.is_active and follow.user != skip:
            notify(
                recipient=follow.user, kind=PROJECT_UPDATES.slug, title=title, body=body, url=url
            )
