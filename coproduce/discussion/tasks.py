"""Work that discussion's services queue, run by the task worker once their write commits.

Telling people of a new comment can mean many rows, so comment_post queues it rather than
doing it while the person waits. This module imports no services: they import it.
"""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django_tasks import task

from coproduce.groups.models import Membership
from coproduce.notifications.services import notify
from coproduce.people.naming import name_for
from coproduce.projects.models import Follow, Owner, Project

from .kinds import PROJECT_COMMENTS
from .models import Comment


def _comment_recipients(project: Project, *, skip_ids: set[int]) -> list:
    """People who hear of a new comment: owners, organisers of owning groups, followers."""
    owner_users = Owner.objects.filter(project=project, user__isnull=False).values("user_id")
    owner_groups = Owner.objects.filter(project=project, organisation__isnull=False).values(
        "organisation_id"
    )
    organisers = Membership.objects.filter(
        organisation_id__in=owner_groups, role=Membership.Role.ORGANISER
    ).values("user_id")
    followers = Follow.objects.filter(project=project).values("user_id")
    return list(
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(pk__in=owner_users) | Q(pk__in=organisers) | Q(pk__in=followers))
        .exclude(pk__in=skip_ids)
        .order_by("pk")
    )


@task()
def comment_notify(comment_id: int, replying_to_id: int | None = None) -> int:
    """Queued by services.comment_post once a comment is saved: tell the project's owners and
    followers, and the author of the comment replied to; never the comment's own author.
    Returns how many were told.

    Nothing is sent if the comment has gone or been hidden since it was posted.
    """
    with transaction.atomic():
        return _tell(comment_id, replying_to_id)


def _tell(comment_id: int, replying_to_id: int | None) -> int:
    comment = (
        Comment.objects.select_related("author__profile", "project").filter(pk=comment_id).first()
    )
    if comment is None or comment.is_hidden or comment.author is None:
        return 0
    project, author = comment.project, comment.author
    url = reverse("projects:detail", args=[project.pk]) + f"#comment-{comment.pk}"
    body = comment.body[:500]
    told = {author.pk}
    replying_to = (
        Comment.objects.select_related("author").filter(pk=replying_to_id).first()
        if replying_to_id
        else None
    )
    if replying_to is not None and replying_to.author_id and replying_to.author_id not in told:
        if replying_to.author.is_active:
            notify(
                recipient=replying_to.author,
                kind=PROJECT_COMMENTS.slug,
                title=_("%(name)s replied to your comment on %(title)s")
                % {"name": name_for(author, replying_to.author), "title": project.title},
                body=body,
                url=url,
            )
        told.add(replying_to.author_id)
    recipients = _comment_recipients(project, skip_ids=told)
    for person in recipients:
        notify(
            recipient=person,
            kind=PROJECT_COMMENTS.slug,
            title=_("%(name)s commented on %(title)s")
            % {"name": name_for(author, person), "title": project.title},
            body=body,
            url=url,
        )
    return len(told) - 1 + len(recipients)
