"""Who may see ranked people for a need, and invite them: the one rule
(docs/adr/0013-who-sees-matches.md).

Every page that lists people for a need and every invitation goes through
`can_see_candidates` and `can_invite`; nothing else decides it.

- Officers (the "match any need" permission) may, for any need, without a daily allowance.
- For a project's need: the project's accepted owners, once the project is published (going,
  with its parameters out, not hidden by a moderator) and has either existed for a while
  (MATCHING_PROJECT_MIN_AGE_DAYS) or has the council among its owners (an officer took part).
- For a need of no project: the person who asked, if they hold the organiser role that
  staff give ("run a group or project").
- Everyone but officers may send MATCHING_INVITATIONS_PER_DAY invitations in 24 hours.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from coproduce.projects.lifecycle import OPEN_TO_JOIN
from coproduce.projects.models import Need
from coproduce.projects.selectors import council_owns

from .models import Invitation

MATCH_ANY_NEED = "matching.match_any_need"
RUN_GROUP_OR_PROJECT = "accounts.run_group_or_project"


def _active(user) -> bool:
    return user is not None and user.is_authenticated and user.is_active


def is_matching_officer(user) -> bool:
    return _active(user) and user.has_perm(MATCH_ANY_NEED)


def _project_earned_matching(project) -> bool:
    """Published, not hidden, and old enough or with the council among its owners."""
    if project.is_hidden or project.status not in OPEN_TO_JOIN:
        return False
    if not project.parameters_published:
        return False
    old_enough = project.created_at <= timezone.now() - timedelta(
        days=settings.MATCHING_PROJECT_MIN_AGE_DAYS
    )
    return old_enough or council_owns(project)


def can_see_candidates(user, need: Need) -> bool:
    """Whether this person may see the ranked people for this need."""
    if not _active(user):
        return False
    if user.has_perm(MATCH_ANY_NEED):
        return True
    if need.project_id is None:
        return user.pk == need.created_by_id and user.has_perm(RUN_GROUP_OR_PROJECT)
    project = need.project
    is_owner = project.owners.filter(user=user).exists()
    return is_owner and _project_earned_matching(project)


def invitations_left_today(user) -> int | None:
    """How many more invitations this person may send in the next moment; None: no limit."""
    if is_matching_officer(user):
        return None
    since = timezone.now() - timedelta(days=1)
    sent = Invitation.objects.filter(invited_by=user, sent_at__gt=since).count()
    return max(settings.MATCHING_INVITATIONS_PER_DAY - sent, 0)


def can_invite(user, need: Need) -> bool:
    """Whether this person may send an invitation for this need now."""
    if not can_see_candidates(user, need):
        return False
    left = invitations_left_today(user)
    return left is None or left > 0
