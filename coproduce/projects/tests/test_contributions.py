import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.notifications.models import Notification
from coproduce.people.tests.factories import ProfileFactory
from coproduce.projects import services
from coproduce.projects.models import Contribution, Update, VolunteerRole
from coproduce.skills.models import PersonSkill, Skill

from .factories import owned_project

pytestmark = pytest.mark.django_db
PUBLISHED = {"parameters_published_at": "2026-01-01T00:00:00Z", "open_to_shape": "Which trees"}


def _open_project(owner=None, **extra):
    return owned_project(owner=owner, status="active", **{**PUBLISHED, **extra})


def test_an_offer_reaches_the_owners_and_the_answer_reaches_the_person():
    """Owners are told of an offer; the person is told when it is accepted."""
    owner, helper = UserFactory(), UserFactory()
    project = _open_project(owner)
    offer = services.contribution_make(
        user=helper, project=project, kind="offer", offering="time", message="Saturdays"
    )
    assert Notification.objects.filter(recipient=owner).count() == 1
    services.contribution_decide(user=owner, contribution=offer, accept=True)
    assert Contribution.objects.get(pk=offer.pk).status == "accepted"
    assert Notification.objects.filter(recipient=helper, title__contains="accepted").exists()


def test_nobody_joins_before_the_parameters_are_published():
    """Offers wait until the owners have said what is fixed and what is open."""
    project = owned_project(status="active")
    with pytest.raises(Refusal, match="fixed and what is open"):
        services.contribution_make(
            user=UserFactory(), project=project, kind="offer", offering="time", message="Hi"
        )


@pytest.mark.parametrize("status", ["idea", "paused", "completed", "archived"])
def test_offers_on_a_closed_project_are_refused_and_not_stored(status):
    """Only forming and active projects take offers."""
    project = owned_project(status=status, **PUBLISHED)
    with pytest.raises(Refusal, match="not taking offers"):
        services.contribution_make(
            user=UserFactory(), project=project, kind="offer", offering="time", message="Hi"
        )
    assert not Contribution.objects.exists()


def test_a_proposal_needs_a_date_from_today_on():
    """ "I will ..." comes with a date that has not passed."""
    project = _open_project()
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    with pytest.raises(Refusal, match="by when"):
        services.contribution_make(
            user=UserFactory(), project=project, kind="proposal", message="I will", due_on=yesterday
        )


def test_a_role_is_not_filled_beyond_its_places():
    """Accepting more volunteers than a role has places is refused."""
    owner = UserFactory()
    project = _open_project(owner)
    role = VolunteerRole.objects.create(project=project, title="Stall helper", places=1)
    first, second = (
        services.contribution_make(
            user=UserFactory(), project=project, kind="volunteer", role=role, message="Me!"
        )
        for _ in range(2)
    )
    services.contribution_decide(user=owner, contribution=first, accept=True)
    with pytest.raises(Refusal, match="places"):
        services.contribution_decide(user=owner, contribution=second, accept=True)


def test_only_owners_decide_and_only_the_person_withdraws():
    """Strangers cannot accept; only the person who offered can withdraw."""
    project = _open_project()
    helper = UserFactory()
    offer = services.contribution_make(
        user=helper, project=project, kind="offer", offering="skills", message="I can cook"
    )
    with pytest.raises(NotAllowed):
        services.contribution_decide(user=UserFactory(), contribution=offer, accept=True)
    with pytest.raises(NotAllowed):
        services.contribution_withdraw(user=UserFactory(), contribution=offer)
    services.contribution_withdraw(user=helper, contribution=offer)
    assert Contribution.objects.get(pk=offer.pk).status == "withdrawn"


def test_an_update_tells_followers():
    """Followers (not the author) hear about news."""
    owner, fan = UserFactory(), UserFactory()
    project = _open_project(owner)
    services.project_follow(user=fan, project=project)
    services.update_post(user=owner, project=project, title="Trees arrived", body="All 12.")
    assert Update.objects.filter(project=project).count() == 1
    assert Notification.objects.filter(recipient=fan, title__contains="Trees arrived").exists()


def test_taking_part_pages_in_a_browserless_walk(client):
    """Offer, propose and volunteer pages work for a signed-in person and save."""
    project = _open_project()
    client.force_login(UserFactory())
    client.post(reverse("projects:offer", args=[project.pk]), {"offering": "time", "message": "Hi"})
    due = (timezone.localdate() + datetime.timedelta(days=7)).isoformat()
    client.post(
        reverse("projects:propose", args=[project.pk]),
        {"message": "I will ask the school", "due_on": due},
    )
    client.post(reverse("projects:volunteer", args=[project.pk]), {"message": "Count me in"})
    kinds = sorted(Contribution.objects.values_list("kind", flat=True))
    assert kinds == ["offer", "proposal", "volunteer"]


def test_a_badly_written_date_is_a_form_error(client):
    """A date in the wrong format gets a clear message and nothing is stored."""
    project = _open_project()
    client.force_login(UserFactory())
    response = client.post(
        reverse("projects:propose", args=[project.pk]),
        {"message": "I will", "due_on": "31/31/2027"},
    )
    assert response.status_code == 400
    assert "The date must be a real date" in response.text
    assert not Contribution.objects.exists()


@pytest.mark.parametrize(
    "name", ["contributions", "need_new", "role_new", "resource_new", "update_new"]
)
def test_owner_pages_are_hidden_from_others(client, name):
    """Only owners (and officers) see the owners' pages."""
    owner = UserFactory()
    project = _open_project(owner)
    client.force_login(UserFactory())
    assert client.get(reverse(f"projects:{name}", args=[project.pk])).status_code == 404
    client.force_login(owner)
    assert client.get(reverse(f"projects:{name}", args=[project.pk])).status_code == 200


def test_projects_that_need_someone_like_me(client):
    """A project needing a skill I confirmed is listed; one needing others is not."""
    me = ProfileFactory()
    PersonSkill.objects.create(profile=me, skill=Skill.objects.get(slug="cooking"))
    owner = UserFactory()
    cooking = _open_project(owner, title="Lunch club")
    services.project_need_add(
        user=owner,
        project=cooking,
        title="Cooks",
        skills=Skill.objects.filter(slug="cooking"),
        hours=4,
    )
    other = _open_project(owner, title="Bike fixing")
    services.project_need_add(
        user=owner,
        project=other,
        title="Mechanics",
        skills=Skill.objects.filter(slug="bicycle-repair"),
        hours=None,
    )
    client.force_login(me.user)
    page = client.get(reverse("projects:for_me")).text
    assert "Lunch club" in page and "Bike fixing" not in page


def test_every_owner_can_find_people_for_a_need_but_strangers_cannot(client):
    """Matching for a project's need is open to its owners, whatever their role."""
    from coproduce.projects.models import Owner

    lead, co_owner = UserFactory(), UserFactory()
    project = _open_project(lead)
    Owner.objects.create(project=project, user=co_owner, role="co_owner")
    need = services.project_need_add(
        user=lead,
        project=project,
        title="Cooks",
        skills=Skill.objects.filter(slug="cooking"),
        hours=None,
    )
    client.force_login(co_owner)
    assert client.get(reverse("matching:need_detail", args=[need.pk])).status_code == 200
    assert (
        "Find people and places" in client.get(reverse("projects:detail", args=[project.pk])).text
    )
    client.force_login(UserFactory())
    assert client.get(reverse("matching:need_detail", args=[need.pk])).status_code == 404
