import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.credits.models import Credit, CreditChoice
from coproduce.projects.tests.factories import owned_project
from coproduce.timebank.models import Account

from .factories import accepted_volunteer, group_event, group_project

pytestmark = pytest.mark.django_db


def test_my_credits_needs_signing_in(client):
    """A visitor is sent to sign in."""
    response = client.get(reverse("credits:mine"))
    assert response.status_code == 302


def test_my_credits_lists_the_persons_credits(client, django_assert_max_num_queries):
    """The person sees what each credit was for and from which group."""
    project, owner, group = group_project()
    contribution = accepted_volunteer(project)
    client.force_login(owner)
    client.post(
        reverse("credits:project", args=[project.pk]),
        {"contribution": contribution.pk, "hours": "2", "minutes": "0"},
    )
    client.force_login(contribution.person)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("credits:mine"))
    assert response.status_code == 200
    assert group.name in response.content.decode()
    assert "2 hours" in response.content.decode()


def test_declining_credits_is_a_post(client):
    """The choice is saved by POST and shown afterwards."""
    person = UserFactory()
    client.force_login(person)
    response = client.post(reverse("credits:choice"), {"wants_credits": "no"})
    assert response.status_code == 302
    assert CreditChoice.objects.get(person=person).wants_credits is False


def test_a_bad_choice_is_a_400_with_a_message(client):
    """Made-up answers are refused with a plain message."""
    client.force_login(UserFactory())
    response = client.post(reverse("credits:choice"), {"wants_credits": "maybe"})
    assert response.status_code == 400
    assert "Choose yes or no" in response.content.decode()


def test_the_choice_page_refuses_get(client):
    """Changing the choice is never a GET."""
    client.force_login(UserFactory())
    assert client.get(reverse("credits:choice")).status_code == 405


def test_project_page_is_for_the_people_who_run_it(client):
    """A stranger gets 403; the owner sees the page."""
    project, owner, _group = group_project()
    client.force_login(UserFactory())
    assert client.get(reverse("credits:project", args=[project.pk])).status_code == 403
    client.force_login(owner)
    assert client.get(reverse("credits:project", args=[project.pk])).status_code == 200


def test_project_page_needs_signing_in(client):
    """A visitor is sent to sign in."""
    project, _owner, _group = group_project()
    assert client.get(reverse("credits:project", args=[project.pk])).status_code == 302


def test_project_page_lists_accepted_help(client, django_assert_max_num_queries):
    """The owner sees each accepted volunteer, in a fixed number of queries."""
    project, owner, _group = group_project()
    for _n in range(3):
        accepted_volunteer(project)
    client.force_login(owner)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("credits:project", args=[project.pk]))
    assert response.content.decode().count('name="contribution"') == 3


def test_confirming_on_the_project_page_posts_the_hours(client):
    """The owner's POST records the credit and the time bank balance."""
    project, owner, _group = group_project()
    contribution = accepted_volunteer(project)
    client.force_login(owner)
    response = client.post(
        reverse("credits:project", args=[project.pk]),
        {"contribution": contribution.pk, "hours": "1", "minutes": "30"},
    )
    assert response.status_code == 302
    assert Account.objects.get(user=contribution.person).balance == 90
    assert Credit.objects.count() == 1


def test_a_time_of_zero_is_a_400(client):
    """No time, no credit: a plain message."""
    project, owner, _group = group_project()
    contribution = accepted_volunteer(project)
    client.force_login(owner)
    response = client.post(
        reverse("credits:project", args=[project.pk]),
        {"contribution": contribution.pk, "hours": "0", "minutes": "0"},
    )
    assert response.status_code == 400
    assert "more than zero" in response.content.decode()
    assert not Credit.objects.exists()


def test_a_limit_reached_is_a_400_saying_why(client):
    """Past the group's limit, the owner is told in words and nothing is written."""
    project, owner, group = group_project()
    contribution = accepted_volunteer(project)
    Account.objects.create(organisation=group, min_balance=-30)
    client.force_login(owner)
    response = client.post(
        reverse("credits:project", args=[project.pk]),
        {"contribution": contribution.pk, "hours": "1", "minutes": "0"},
    )
    assert response.status_code == 400
    assert "past its limit" in response.content.decode()
    assert not Credit.objects.exists()


def test_a_project_without_a_group_says_so(client):
    """No group owner: the page says plainly there is nothing to pay from, and has no form."""
    owner = UserFactory()
    project = owned_project(owner=owner, status="active")
    accepted_volunteer(project)
    client.force_login(owner)
    page = client.get(reverse("credits:project", args=[project.pk])).content.decode()
    assert "not run by a group" in page
    assert "Record the time credits" not in page


def test_event_page_is_for_its_organisers(client):
    """A stranger gets 403; an organiser sees the helpers."""
    event, organiser, _helper = group_event()
    client.force_login(UserFactory())
    assert client.get(reverse("credits:event", args=[event.pk])).status_code == 403
    client.force_login(organiser)
    assert client.get(reverse("credits:event", args=[event.pk])).status_code == 200


def test_confirming_a_helper_on_the_event_page(client):
    """The organiser's POST credits the helper from the group's account."""
    event, organiser, helper = group_event()
    client.force_login(organiser)
    response = client.post(
        reverse("credits:event", args=[event.pk]),
        {"person": helper.pk, "hours": "3", "minutes": ""},
    )
    assert response.status_code == 302
    assert Account.objects.get(user=helper).balance == 180


def test_a_person_not_on_the_list_is_a_400(client):
    """Someone who did not help cannot be chosen."""
    event, organiser, _helper = group_event()
    client.force_login(organiser)
    response = client.post(
        reverse("credits:event", args=[event.pk]),
        {"person": UserFactory().pk, "hours": "1", "minutes": "0"},
    )
    assert response.status_code == 400
    assert not Credit.objects.exists()


def test_project_page_offers_credits_to_its_owners_only(client):
    """Owners see "Give time credits" on their project's page; others do not."""
    project, owner, _group = group_project()
    url = reverse("projects:detail", args=[project.pk])
    client.force_login(owner)
    assert reverse("credits:project", args=[project.pk]) in client.get(url).text
    client.force_login(UserFactory())
    assert reverse("credits:project", args=[project.pk]) not in client.get(url).text
