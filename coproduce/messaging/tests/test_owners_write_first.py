"""Owners write first to someone helping with their project, in that person's thread."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed
from coproduce.messaging import services
from coproduce.messaging.models import Thread
from coproduce.messaging.topics import get
from coproduce.notifications.models import Notification

from .factories import helped_project

pytestmark = pytest.mark.django_db


def test_an_owner_writes_first_to_a_helper_who_is_told():
    project, owner, helper = helped_project()
    thread = services.thread_start_with_member(
        user=owner, topic=get("project"), subject=project, member=helper, body="Can you do Tuesday?"
    )
    assert thread.member == helper
    assert set(thread.participants.values_list("user", flat=True)) == {owner.pk, helper.pk}
    assert Notification.objects.get(recipient=helper).body == "Can you do Tuesday?"
    # The helper writing later adds to the same thread.
    again = services.thread_start(user=helper, topic=get("project"), subject=project, body="Yes")
    assert again.pk == thread.pk and Thread.objects.count() == 1


def test_nobody_who_did_not_offer_can_be_written_to():
    project, owner, _helper = helped_project()
    with pytest.raises(NotAllowed):
        services.thread_start_with_member(
            user=owner, topic=get("project"), subject=project, member=UserFactory(), body="Hi"
        )
    assert not Thread.objects.exists()


def test_only_the_team_writes_first():
    project, _owner, helper = helped_project()
    with pytest.raises(NotAllowed):
        services.thread_start_with_member(
            user=UserFactory(), topic=get("project"), subject=project, member=helper, body="Hi"
        )
    assert not Thread.objects.exists()


def _url(project, person) -> str:
    return reverse("messaging:new_to", args=["project", project.pk, person.pk])


def test_the_project_page_offers_owners_a_link_to_each_helper(client):
    project, owner, helper = helped_project()
    link = _url(project, helper)
    client.force_login(owner)
    assert link in client.get(reverse("projects:detail", args=[project.pk])).text
    client.force_login(helper)
    assert link not in client.get(reverse("projects:detail", args=[project.pk])).text


def test_an_owner_sends_from_the_page_and_lands_in_the_thread(client):
    project, owner, helper = helped_project()
    client.force_login(owner)
    page = client.get(_url(project, helper))
    assert page.status_code == 200 and "Send a message to" in page.text
    response = client.post(_url(project, helper), {"body": "Thank you for offering"})
    thread = Thread.objects.get(member=helper)
    assert response.status_code == 302 and response.url == f"/messages/{thread.pk}/"
    # A second visit goes to the thread rather than starting another.
    assert client.get(_url(project, helper)).url == f"/messages/{thread.pk}/"


def test_the_page_names_only_helpers(client):
    """Asking for anyone else is a 404, so the page says nothing about who exists."""
    project, owner, _helper = helped_project()
    client.force_login(owner)
    assert client.get(_url(project, UserFactory())).status_code == 404


def test_people_outside_the_team_cannot_send(client):
    project, _owner, helper = helped_project()
    client.force_login(UserFactory())
    response = client.post(_url(project, helper), {"body": "Hello"})
    assert response.status_code == 200 and "You cannot send a message about this" in response.text
    assert not Thread.objects.exists()
