"""The participation loop: once owners accept help, the page, the story, the counts and the
person all know it, and the person can write to the owners."""

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Notification
from coproduce.people.tests.factories import ProfileFactory
from coproduce.projects import services
from coproduce.projects.models import Contribution, VolunteerRole

from .test_contributions import _open_project

pytestmark = pytest.mark.django_db


def _volunteer(project, role, name="Priya"):
    person = UserFactory(display_name=name)
    ProfileFactory(user=person, visibility_identity="public")
    return services.contribution_make(
        user=person, project=project, kind="volunteer", role=role, message="I can help"
    )


def _page(client, project) -> str:
    return client.get(reverse("projects:detail", args=[project.pk])).text


def test_role_places_count_down_as_volunteers_are_accepted(client):
    """'0 of 2 places filled', then '1 of 2', then the role says it is full."""
    owner = UserFactory()
    project = _open_project(owner)
    role = VolunteerRole.objects.create(project=project, title="Stall helper", places=2)
    first, second = _volunteer(project, role, "Priya"), _volunteer(project, role, "Tom")
    assert "0 of 2 places filled" in _page(client, project)
    services.contribution_decide(user=owner, contribution=first, accept=True)
    assert "1 of 2 places filled" in _page(client, project)
    services.contribution_decide(user=owner, contribution=second, accept=True)
    page = _page(client, project)
    assert "All 2 places are filled." in page and ">Full</strong>" in page


def test_the_page_lists_who_is_helping_by_the_name_they_chose(client):
    """A public name is shown with what they offered; a hidden one reads 'A resident'."""
    owner = UserFactory()
    project = _open_project(owner)
    role = VolunteerRole.objects.create(project=project, title="Stall helper", places=3)
    services.contribution_decide(user=owner, contribution=_volunteer(project, role), accept=True)
    shy = UserFactory(display_name="Hidden Name")
    ProfileFactory(user=shy, visibility_identity="only_me")
    offer = services.contribution_make(
        user=shy, project=project, kind="offer", offering="space", message="My hall"
    )
    services.contribution_decide(user=owner, contribution=offer, accept=True)
    page = _page(client, project)
    assert "Who is helping" in page
    assert "Priya: volunteering as Stall helper" in page
    assert "A resident: offering a space" in page and "Hidden Name" not in page
    assert "My hall" not in page  # what they wrote to the owners stays private


def test_declined_and_waiting_help_is_not_listed(client):
    owner = UserFactory()
    project = _open_project(owner)
    role = VolunteerRole.objects.create(project=project, title="Stall helper", places=3)
    waiting = _volunteer(project, role, "Waiting")
    declined = _volunteer(project, role, "Declined")
    services.contribution_decide(user=owner, contribution=declined, accept=False)
    page = _page(client, project)
    assert "Who is helping" not in page
    assert waiting.person.display_name not in page and "0 of 3 places filled" in page


def test_the_story_records_the_acceptance(client):
    """The story so far says the owners welcomed the volunteer, even after they step back."""
    owner = UserFactory()
    project = _open_project(owner)
    role = VolunteerRole.objects.create(project=project, title="Stall helper", places=1)
    volunteer = _volunteer(project, role)
    assert "welcomed" not in _page(client, project)
    services.contribution_decide(user=owner, contribution=volunteer, accept=True)
    assert "the owners welcomed Priya as a volunteer (Stall helper)" in _page(client, project)
    services.contribution_withdraw(user=volunteer.person, contribution=volunteer)
    page = _page(client, project)
    assert "the owners welcomed Priya as a volunteer" in page
    assert "0 of 1 place filled" in page  # the place is free again


def test_the_accepted_person_is_told_what_happens_next_straight_away():
    """A notification of its own kind (sent straight away), with the next step and a link to
    write to the owners."""
    owner = UserFactory()
    project = _open_project(owner)
    role = VolunteerRole.objects.create(project=project, title="Stall helper", places=1)
    volunteer = _volunteer(project, role)
    services.contribution_decide(
        user=owner, contribution=volunteer, accept=True, note="Bring a hat"
    )
    told = Notification.objects.get(recipient=volunteer.person, kind="project_offer_answers")
    assert "accepted" in told.title
    assert "You have a place as Stall helper" in told.body and "Bring a hat" in told.body
    assert told.url == reverse("messaging:new", args=["project", project.pk])


def test_the_accepted_person_sees_the_next_step_and_a_way_to_write(client):
    owner = UserFactory()
    project = _open_project(owner)
    offer = services.contribution_make(
        user=(helper := UserFactory()), project=project, kind="offer", message="Saturdays"
    )
    client.force_login(helper)
    assert "What happens next" not in _page(client, project)
    services.contribution_decide(user=owner, contribution=offer, accept=True)
    page = _page(client, project)
    assert "What happens next" in page and "Send a message to the owners" in page
    assert reverse("messaging:new", args=["project", project.pk]) in page


def test_a_full_role_refuses_another_acceptance():
    owner = UserFactory()
    project = _open_project(owner)
    role = VolunteerRole.objects.create(project=project, title="Stall helper", places=1)
    first, second = _volunteer(project, role), _volunteer(project, role, "Tom")
    services.contribution_decide(user=owner, contribution=first, accept=True)
    Contribution.objects.filter(pk=first.pk).update(status="done")
    from coproduce.common.errors import Refusal

    with pytest.raises(Refusal):
        services.contribution_decide(user=owner, contribution=second, accept=True)


def test_a_full_role_is_not_offered_to_volunteers(client):
    """The volunteer form lists only roles with a place left."""
    owner = UserFactory()
    project = _open_project(owner)
    full = VolunteerRole.objects.create(project=project, title="Full role", places=1)
    VolunteerRole.objects.create(project=project, title="Open role", places=1)
    services.contribution_decide(user=owner, contribution=_volunteer(project, full), accept=True)
    client.force_login(UserFactory())
    page = client.get(reverse("projects:volunteer", args=[project.pk])).text
    assert "Open role" in page and "Full role" not in page
