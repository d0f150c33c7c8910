import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.messaging import services
from coproduce.messaging.models import Message, Participant, Thread
from coproduce.notifications.models import Notification

from .factories import helped_project, thread_between

pytestmark = pytest.mark.django_db


def test_the_inbox_is_for_signed_in_people(client):
    response = client.get(reverse("messaging:inbox"))
    assert response.status_code == 302 and "next=" in response.url


def test_the_inbox_lists_only_my_threads_with_new_marks(client, django_assert_max_num_queries):
    """New messages are marked; someone else's threads are not listed; queries are fixed."""
    thread, owner, helper = thread_between()
    for _ in range(3):
        thread_between(owner=owner)
    thread_between(body="Not for them")
    client.force_login(owner)
    with django_assert_max_num_queries(10):
        page = client.get(reverse("messaging:inbox")).text
    assert page.count(">New</strong>") == 4
    assert page.count(thread.subject_title) == 2  # the heading and the hidden button text
    assert "Not for them" not in page
    client.force_login(helper)
    page = client.get(reverse("messaging:inbox")).text
    assert ">New</strong>" not in page  # their own message is not news to them


def test_opening_a_thread_marks_it_read(client):
    """The inbox's Open button (a POST) marks it read; the New mark goes."""
    thread, owner, _helper = thread_between()
    client.force_login(owner)
    response = client.post(reverse("messaging:open", args=[thread.pk]))
    assert response.status_code == 302 and response.url == reverse(
        "messaging:thread", args=[thread.pk]
    )
    assert ">New</strong>" not in client.get(reverse("messaging:inbox")).text


def test_reading_a_thread_writes_nothing(client):
    """A GET shows the thread and its new messages without marking them read."""
    thread, owner, _helper = thread_between(body="Hello from the helper")
    client.force_login(owner)
    response = client.get(reverse("messaging:thread", args=[thread.pk]))
    assert response.status_code == 200
    assert "Hello from the helper" in response.text and ">New</strong>" in response.text
    assert Participant.objects.get(thread=thread, user=owner).last_read_at is None
    assert client.get(reverse("messaging:open", args=[thread.pk])).status_code == 405


def test_only_participants_see_a_thread(client):
    """Anyone else gets 404 (the thread's existence is not said); visitors sign in."""
    thread, _owner, _helper = thread_between()
    url = reverse("messaging:thread", args=[thread.pk])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    assert client.post(url, {"body": "Hi"}).status_code == 404
    assert client.post(reverse("messaging:share_email", args=[thread.pk])).status_code == 404
    assert client.post(reverse("messaging:open", args=[thread.pk])).status_code == 404
    assert thread.messages.count() == 1


def test_no_email_address_is_shown_until_both_agree(client):
    """The page shows neither address; after both press the button, each sees the other's."""
    thread, owner, helper = thread_between()
    client.force_login(helper)
    url = reverse("messaging:thread", args=[thread.pk])
    page = client.get(url).text
    assert owner.email not in page and helper.email not in page
    assert "Share my email address with" in page
    client.post(reverse("messaging:share_email", args=[thread.pk]), {"share": "yes"})
    assert owner.email not in client.get(url).text
    client.force_login(owner)
    assert helper.email not in client.get(url).text
    client.post(reverse("messaging:share_email", args=[thread.pk]), {"share": "yes"})
    assert helper.email in client.get(url).text
    client.force_login(helper)
    assert owner.email in client.get(url).text


def test_a_reply_is_sent_and_the_others_told(client):
    thread, owner, helper = thread_between()
    client.force_login(owner)
    response = client.post(
        reverse("messaging:thread", args=[thread.pk]), {"body": "See you at 10am"}
    )
    assert response.status_code == 302
    assert Notification.objects.filter(recipient=helper, body="See you at 10am").exists()


def test_an_empty_reply_is_a_400_with_the_error(client):
    thread, owner, _helper = thread_between()
    client.force_login(owner)
    response = client.post(reverse("messaging:thread", args=[thread.pk]), {"body": ""})
    assert response.status_code == 400 and "Write your message" in response.text
    assert thread.messages.count() == 1


def test_messages_past_the_limit_get_the_429_page(client, settings):
    """Each message tells someone, so sending is limited (RATE_LIMITS["message_send"])."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "message_send": "2/h"}
    thread, owner, _helper = thread_between()
    client.force_login(owner)
    url = reverse("messaging:thread", args=[thread.pk])
    codes = [client.post(url, {"body": f"Message {n}"}).status_code for n in range(3)]
    assert codes == [302, 302, 429]
    assert thread.messages.count() == 3  # the first, from the helper, and two replies


def test_visitors_are_asked_to_sign_in_before_writing(client):
    project, _owner, _helper = helped_project()
    response = client.get(reverse("messaging:new", args=["project", project.pk]))
    assert response.status_code == 302 and "next=" in response.url


def test_a_helper_writes_to_the_owners_from_the_new_page(client):
    project, owner, helper = helped_project()
    client.force_login(helper)
    url = reverse("messaging:new", args=["project", project.pk])
    page = client.get(url)
    assert page.status_code == 200 and "Send a message to the project" in page.text
    response = client.post(url, {"body": "When do we start?"})
    thread = Thread.objects.get()
    assert response.status_code == 302 and response.url == reverse(
        "messaging:thread", args=[thread.pk]
    )
    assert Notification.objects.filter(recipient=owner, kind="messages").exists()
    # Coming back to the page goes to the same thread.
    assert client.get(url).url == reverse("messaging:thread", args=[thread.pk])


def test_someone_not_helping_cannot_write(client):
    """The page says who may write; a POST sends nothing."""
    project, _owner, _helper = helped_project()
    client.force_login(UserFactory())
    url = reverse("messaging:new", args=["project", project.pk])
    assert "Only people whose offer" in client.get(url).text
    client.post(url, {"body": "Hi"})
    assert not Message.objects.exists()


def test_an_unknown_topic_or_thing_is_404(client):
    client.force_login(UserFactory())
    assert client.get(reverse("messaging:new", args=["nothing", 1])).status_code == 404
    assert client.get(reverse("messaging:new", args=["project", 999999])).status_code == 404


def test_a_message_from_a_closed_account_reads_as_a_former_member(client):
    from coproduce.personal_data import services as personal_data

    thread, owner, helper = thread_between(body="I can bring a ladder")
    personal_data.account_close(user=helper, remove_comments=False)
    client.force_login(owner)
    page = client.get(reverse("messaging:thread", args=[thread.pk])).text
    assert "I can bring a ladder" in page and "A former member" in page


def test_a_second_message_from_the_new_page_keeps_one_thread():
    project, _owner, helper = helped_project()
    from coproduce.messaging.topics import get

    services.thread_start(user=helper, topic=get("project"), subject=project, body="One")
    services.thread_start(user=helper, topic=get("project"), subject=project, body="Two")
    assert Thread.objects.count() == 1
