"""People protected from direct contact (a young panel member): nobody starts or joins a
thread with them, and they are kept out of direct messages."""

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed
from coproduce.messaging import services
from coproduce.messaging.models import Participant, Thread
from coproduce.messaging.protection import (
    contact_protection_lift,
    contact_protection_set,
    is_protected,
)
from coproduce.messaging.topics import get
from coproduce.projects.models import Owner

from .factories import helped_project, thread_between

pytestmark = pytest.mark.django_db


def _protect(user):
    contact_protection_set(user=user, source="test:1", reason="Young panel member")


def test_an_adult_cannot_start_a_thread_with_a_protected_person():
    """An owner cannot write first to a protected helper."""
    project, owner, helper = helped_project()
    _protect(helper)
    with pytest.raises(NotAllowed):
        services.thread_start_with_member(
            user=owner, topic=get("project"), subject=project, member=helper, body="Hi"
        )
    assert not Thread.objects.exists()


def test_a_protected_person_cannot_start_a_thread_with_adults():
    """A protected helper cannot open a thread with a project's owners either."""
    project, _owner, helper = helped_project()
    _protect(helper)
    with pytest.raises(NotAllowed):
        services.thread_start(user=helper, topic=get("project"), subject=project, body="Hi")
    assert not Thread.objects.exists()


def test_nobody_writes_to_a_protected_owner():
    """A thread whose team holds a protected person is refused."""
    project, owner, helper = helped_project()
    _protect(owner)
    with pytest.raises(NotAllowed):
        services.thread_start(user=helper, topic=get("project"), subject=project, body="Hi")


def test_a_protected_person_is_not_added_to_an_existing_thread():
    """Someone protected who joins the team is not brought into its threads."""
    thread, _owner, helper = thread_between()
    young = UserFactory()
    _protect(young)
    Owner.objects.create(project=thread.subject, user=young, role="co_owner")
    with pytest.raises(NotAllowed):
        services.message_send(user=helper, thread=thread, body="Anyone there?")
    assert not Participant.objects.filter(user=young).exists()


def test_a_thread_with_someone_later_protected_takes_no_more_messages():
    """Once protected, nobody can go on writing to them in an old thread."""
    thread, owner, helper = thread_between()
    _protect(helper)
    with pytest.raises(NotAllowed):
        services.message_send(user=owner, thread=thread, body="Hello again")


def test_lifting_one_source_leaves_the_others():
    """Protection lasts while any source holds it."""
    person = UserFactory()
    _protect(person)
    contact_protection_set(user=person, source="test:2", reason="Another panel")
    contact_protection_lift(user=person, source="test:1")
    assert is_protected(person)
    contact_protection_lift(user=person, source="test:2")
    assert not is_protected(person)
