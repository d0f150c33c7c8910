"""Threads for tests: a project with an owner, and a helper whose offer the owner took."""

from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.messaging import services
from coproduce.messaging.topics import get
from coproduce.projects.models import Contribution
from coproduce.projects.tests.factories import owned_project


def helped_project(*, owner=None, helper=None):
    """A project (owner as lead) and a helper whose offer of time was accepted."""
    owner = owner or UserFactory()
    helper = helper or UserFactory()
    project = owned_project(owner=owner, status="active")
    Contribution.objects.create(
        project=project,
        person=helper,
        kind="offer",
        offering="time",
        message="Saturdays",
        status="accepted",
        decided_by=owner,
        decided_at=timezone.now(),
    )
    return project, owner, helper


def thread_between(*, owner=None, helper=None, body="Hello, when shall I come?"):
    """A thread a helper started with a project's owner; (thread, owner, helper)."""
    project, owner, helper = helped_project(owner=owner, helper=helper)
    thread = services.thread_start(user=helper, topic=get("project"), subject=project, body=body)
    return thread, owner, helper
