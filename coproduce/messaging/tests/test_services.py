import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.messaging import services
from coproduce.messaging.models import Message, Participant, Thread
from coproduce.messaging.topics import get
from coproduce.notifications.models import Notification
from coproduce.personal_data import services as personal_data
from coproduce.projects.models import Owner
from coproduce.projects.tests.factories import owned_project

from .factories import helped_project, thread_between

pytestmark = pytest.mark.django_db


def test_a_helper_writes_to_the_owners_who_are_told():
    """The thread holds both; the owner is told with the 'messages' kind, not the sender."""
    thread, owner, helper = thread_between(body="Hello")
    assert set(thread.participants.values_list("user", flat=True)) == {owner.pk, helper.pk}
    assert list(thread.messages.values_list("body", flat=True)) == ["Hello"]
    told = Notification.objects.get(recipient=owner)
    assert told.kind == "messages" and told.body == "Hello"
    assert f"/messages/{thread.pk}/" in told.url
    assert not Notification.objects.filter(recipient=helper).exists()


def test_writing_again_adds_to_the_same_thread():
    """One thread per person and thing."""
    thread, _owner, helper = thread_between()
    project = thread.subject
    again = services.thread_start(user=helper, topic=get("project"), subject=project, body="Hi")
    assert again.pk == thread.pk and Thread.objects.count() == 1
    assert thread.messages.count() == 2


def test_only_people_whose_help_was_taken_may_write_to_the_owners():
    """Someone with no accepted offer cannot open a thread."""
    project, _owner, _helper = helped_project()
    with pytest.raises(NotAllowed):
        services.thread_start(user=UserFactory(), topic=get("project"), subject=project, body="x")
    assert not Thread.objects.exists()


def test_an_owner_does_not_write_to_themselves():
    """The team's own members are refused a thread with themselves."""
    project, _owner, _helper = helped_project()
    other = UserFactory()
    Owner.objects.create(project=project, user=other, role="co_owner")
    from coproduce.projects.models import Contribution

    Contribution.objects.filter(project=project).update(person=other)
    with pytest.raises(Refusal):
        services.thread_start(user=other, topic=get("project"), subject=project, body="x")


def test_an_empty_message_is_refused():
    project, _owner, helper = helped_project()
    with pytest.raises(Refusal):
        services.thread_start(user=helper, topic=get("project"), subject=project, body="   ")


def test_only_participants_may_reply():
    """Someone outside the thread cannot send in it."""
    thread, _owner, _helper = thread_between()
    with pytest.raises(NotAllowed):
        services.message_send(user=UserFactory(), thread=thread, body="Let me in")
    assert thread.messages.count() == 1


def test_a_reply_tells_the_others_and_marks_it_read_for_the_sender():
    thread, owner, helper = thread_between()
    message = services.message_send(user=owner, thread=thread, body="Come at 10am")
    assert Notification.objects.filter(recipient=helper, kind="messages").count() == 1
    mine = Participant.objects.get(thread=thread, user=owner)
    assert mine.last_read_at == message.sent_at


def test_a_new_owner_joins_the_thread_on_the_next_message():
    """Owners change; whoever owns the project now is in the conversation."""
    thread, _owner, helper = thread_between()
    newcomer = UserFactory()
    Owner.objects.create(project=thread.subject, user=newcomer, role="co_owner")
    services.message_send(user=helper, thread=thread, body="Still on?")
    assert Participant.objects.filter(thread=thread, user=newcomer).exists()
    assert Notification.objects.filter(recipient=newcomer, kind="messages").exists()


def test_email_addresses_show_only_when_both_agree():
    """Consent is recorded with its time; one side agreeing shows nothing."""
    from coproduce.messaging.selectors import thread_for, thread_view

    thread, owner, helper = thread_between()
    services.email_share(user=helper, thread=thread)
    _me, others = thread_view(thread_for(pk=thread.pk, user=owner), owner)
    assert [o.email for o in others] == [""]
    _me, others = thread_view(thread_for(pk=thread.pk, user=helper), helper)
    assert [o.email for o in others] == [""]
    shared = services.email_share(user=owner, thread=thread)
    assert shared.email_shared_at is not None
    _me, others = thread_view(thread_for(pk=thread.pk, user=helper), helper)
    assert [o.email for o in others] == [owner.email]
    services.email_share(user=owner, thread=thread, share=False)
    _me, others = thread_view(thread_for(pk=thread.pk, user=helper), helper)
    assert [o.email for o in others] == [""]


def test_closing_an_account_keeps_the_thread_for_the_others():
    """The other side still reads the messages, from 'a former member'."""
    from coproduce.messaging.selectors import thread_for, thread_view
    from coproduce.people.naming import name_for

    thread, owner, helper = thread_between(body="I can bring a ladder")
    services.email_share(user=helper, thread=thread)
    personal_data.account_close(user=helper, remove_comments=False)
    seen = thread_for(pk=thread.pk, user=owner)
    message = seen.messages.all()[0]
    assert message.body == "I can bring a ladder" and message.sender is None
    assert name_for(message.sender, owner) == "A former member"
    _me, others = thread_view(seen, owner)
    assert [(o.user, o.email) for o in others] == [(None, "")]
    assert not Participant.objects.filter(user=helper).exists()
    with pytest.raises(Refusal):
        services.message_send(user=owner, thread=thread, body="Hello?")


def test_no_thread_without_a_team():
    """A project with nobody to answer refuses a thread."""
    project = owned_project(status="active")
    project.owners.all().delete()
    helper = UserFactory()
    from django.utils import timezone

    from coproduce.projects.models import Contribution

    Contribution.objects.create(
        project=project,
        person=helper,
        kind="offer",
        message="m",
        status="accepted",
        decided_at=timezone.now(),
    )
    with pytest.raises(Refusal):
        services.thread_start(user=helper, topic=get("project"), subject=project, body="x")
    assert not Message.objects.exists()
