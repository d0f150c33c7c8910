import pytest

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.groups.tests.factories import OrganiserFactory
from coproduce.notifications.models import Notification
from coproduce.places.tests.factories import PlaceFactory
from coproduce.projects import services
from coproduce.projects.models import Appreciation, Owner, Project, StatusChange

from .factories import ProjectFactory, owned_project

pytestmark = pytest.mark.django_db


def test_sharing_an_idea_records_it_and_places_it_on_the_map():
    """A shared idea has no owner, a first history entry, its author following, a position."""
    place = PlaceFactory(latitude=51.51, longitude=-0.12)
    author = UserFactory()
    project = services.project_share(
        user=author, title=" Canal orchard ", summary="Fruit trees.", theme="food", place=place
    )
    assert (project.title, project.status, project.ward) == ("Canal orchard", "idea", place.ward)
    assert project.map_x is not None and project.latitude == 51.51
    assert not project.owners.exists()
    assert StatusChange.objects.get(project=project).to_status == "idea"
    assert project.follows.filter(user=author).exists()


def test_taking_on_an_idea_makes_a_lead_and_starts_the_project():
    """The first person to take an idea on leads it and it starts forming."""
    project = ProjectFactory()
    person = UserFactory()
    services.project_take_ownership(user=person, project=project)
    project.refresh_from_db()
    assert project.status == "forming"
    assert Owner.objects.get(project=project).user == person
    with pytest.raises(Refusal, match="already has owners"):
        services.project_take_ownership(user=UserFactory(), project=project)


def test_only_owners_change_the_stage_and_followers_are_told():
    """A stranger is refused; an owner's change is recorded and followers notified."""
    owner = UserFactory()
    project = owned_project(owner=owner)
    follower = UserFactory()
    services.project_follow(user=follower, project=project)
    with pytest.raises(NotAllowed):
        services.project_change_status(user=UserFactory(), project=project, to="active")
    services.project_change_status(user=owner, project=project, to="active", note="Go!")
    assert StatusChange.objects.filter(project=project, to_status="active").exists()
    assert Notification.objects.filter(recipient=follower).count() == 1
    assert not Notification.objects.filter(recipient=owner).exists()


def test_officers_may_manage_any_project():
    """Officers hold the permission to change any project."""
    project = owned_project()
    services.project_change_status(
        user=UserFactory(roles=[Role.OFFICER]), project=project, to="paused"
    )
    assert Project.objects.get(pk=project.pk).status == "paused"


def test_completing_needs_an_outcome():
    """A completed project says what came of it."""
    owner = UserFactory()
    project = owned_project(owner=owner, status="active")
    with pytest.raises(Refusal, match="what came of"):
        services.project_change_status(user=owner, project=project, to="completed")
    services.project_change_status(
        user=owner, project=project, to="completed", outcome="Twelve trees planted."
    )
    assert Project.objects.get(pk=project.pk).outcome == "Twelve trees planted."


def test_a_move_the_cycle_does_not_allow_is_refused_and_nothing_changes():
    """Completed cannot go back to active."""
    owner = UserFactory()
    project = owned_project(owner=owner, status="completed")
    with pytest.raises(Refusal, match="can become"):
        services.project_change_status(user=owner, project=project, to="active")
    assert Project.objects.get(pk=project.pk).status == "completed"


def test_appreciating_twice_is_refused_and_counted_once():
    """One appreciation per person; the count follows."""
    project, person = ProjectFactory(), UserFactory()
    assert services.project_appreciate(user=person, project=project) == 1
    with pytest.raises(Refusal, match="already appreciated"):
        services.project_appreciate(user=person, project=project)
    assert Appreciation.objects.filter(project=project).count() == 1
    services.project_appreciation_withdraw(user=person, project=project)
    assert Project.objects.get(pk=project.pk).appreciation_count == 0


def test_parameters_need_something_open_before_publishing():
    """Publishing with nothing open to shape is refused; then it is stamped once."""
    owner = UserFactory()
    project = owned_project(owner=owner)
    fields = {"fixed_budget": "£500", "fixed_dates": "", "fixed_rules": "", "how_to_help": ""}
    with pytest.raises(Refusal, match="before publishing"):
        services.project_set_parameters(
            user=owner, project=project, open_to_shape="", publish=True, **fields
        )
    services.project_set_parameters(
        user=owner, project=project, open_to_shape="Which trees", publish=True, **fields
    )
    assert Project.objects.get(pk=project.pk).parameters_published


def test_the_last_owner_cannot_be_removed():
    """A project keeps at least one owner."""
    owner = UserFactory()
    project = owned_project(owner=owner)
    with pytest.raises(Refusal, match="at least one owner"):
        services.project_owner_remove(user=owner, owner=project.owners.get())


def test_a_group_owner_is_added_once():
    """Adding the same group twice is a clear refusal."""
    owner = UserFactory()
    project = owned_project(owner=owner)
    group = OrganiserFactory(user=owner).organisation
    services.project_owner_add(user=owner, project=project, role="co_owner", organisation=group)
    with pytest.raises(Refusal, match="already an owner"):
        services.project_owner_add(user=owner, project=project, role="co_owner", organisation=group)


def test_only_moderators_hide_a_project():
    """project_hidden_set refuses anyone who may not moderate; a moderator hides and restores."""
    project = owned_project()
    with pytest.raises(NotAllowed):
        services.project_hidden_set(moderator=UserFactory(), project=project, hidden=True)
    assert not Project.objects.get(pk=project.pk).is_hidden
    moderator = UserFactory(roles=[Role.MODERATOR])
    services.project_hidden_set(moderator=moderator, project=project, hidden=True)
    assert Project.objects.get(pk=project.pk).is_hidden
    services.project_hidden_set(moderator=moderator, project=project, hidden=False)
    assert not Project.objects.get(pk=project.pk).is_hidden
