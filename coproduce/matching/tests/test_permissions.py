"""Who sees ranked people for a need, and who may invite them: one rule, on every route."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.matching import permissions, services
from coproduce.matching.models import Invitation
from coproduce.projects import services as project_services
from coproduce.projects.models import Owner, Project
from coproduce.projects.tests.factories import NeedFactory, ProjectFactory, owned_project

from .factories import helper

pytestmark = pytest.mark.django_db


def _published(owner, *, days_old: int = 30) -> Project:
    """A going project with its parameters out, `days_old` days old."""
    project = owned_project(owner=owner, status="active", parameters_published_at=timezone.now())
    Project.objects.filter(pk=project.pk).update(
        created_at=timezone.now() - timedelta(days=days_old)
    )
    return Project.objects.get(pk=project.pk)


def _need_of(project, owner):
    return NeedFactory(project=project, created_by=owner)


def test_the_reported_bypass_no_longer_lists_or_invites(client):
    """A resident who shares an idea, takes it on and adds a need sees nobody, invites nobody."""
    resident = UserFactory()
    person = helper()
    project = project_services.project_share(
        user=resident, title="Orchard", summary="Trees.", theme="food"
    )
    project_services.project_take_ownership(user=resident, project=project)
    need = _need_of(project, resident)
    client.force_login(resident)
    page = client.get(reverse("matching:need_detail", args=[need.pk]))
    assert page.status_code == 200
    assert person.user.display_name not in page.text
    response = client.post(
        reverse("matching:invitation_send", args=[need.pk]), {"person": person.user.pk}
    )
    assert response.status_code == 403
    assert not Invitation.objects.exists()
    with pytest.raises(NotAllowed):
        services.invitation_send(need=need, person=person.user, invited_by=resident)


def test_owners_of_an_established_published_project_see_people_for_its_needs(client):
    """An accepted owner of a published project a while old sees ranked people."""
    owner = UserFactory()
    person = helper()
    need = _need_of(_published(owner), owner)
    client.force_login(owner)
    assert (
        person.user.display_name in client.get(reverse("matching:need_detail", args=[need.pk])).text
    )


@pytest.mark.parametrize(
    "change",
    [
        {"status": "idea"},
        {"parameters_published_at": None},
        {"is_hidden": True},
        {"created_at": timezone.now()},
    ],
    ids=["an-idea", "unpublished", "hidden", "brand-new"],
)
def test_projects_not_yet_published_or_established_get_no_people(change):
    """Not going, parameters not out, hidden by a moderator, or too new: no people."""
    owner = UserFactory()
    project = _published(owner)
    Project.objects.filter(pk=project.pk).update(**change)
    need = _need_of(Project.objects.get(pk=project.pk), owner)
    assert not permissions.can_see_candidates(owner, need)


def test_a_new_project_with_the_council_as_owner_may_match():
    """An officer-given council owner counts as approval for a new project."""
    owner = UserFactory()
    project = _published(owner, days_old=0)
    Owner.objects.create(
        project=project, user=UserFactory(), role=Owner.Role.COUNCIL, role_by_officer=True
    )
    assert permissions.can_see_candidates(owner, _need_of(project, owner))


def test_a_self_declared_council_owner_does_not_count_as_approval():
    """A council role nobody official gave does not open matching for a new project."""
    owner = UserFactory()
    project = _published(owner, days_old=0)
    Owner.objects.create(project=project, user=UserFactory(), role=Owner.Role.COUNCIL)
    assert not permissions.can_see_candidates(owner, _need_of(project, owner))


def test_only_its_own_owners_see_people_for_a_project_need():
    """An officer-managed page aside, someone owning another project sees nobody."""
    owner, other = UserFactory(), UserFactory()
    _published(other)
    need = _need_of(_published(owner), owner)
    assert not permissions.can_see_candidates(other, need)


def test_officers_see_people_for_any_need(client):
    """Officers hold the matching permission for every need, with no daily allowance."""
    officer = UserFactory(roles=[Role.OFFICER])
    person = helper()
    need = NeedFactory()
    assert permissions.can_see_candidates(officer, need)
    assert permissions.invitations_left_today(officer) is None
    client.force_login(officer)
    assert (
        person.user.display_name in client.get(reverse("matching:need_detail", args=[need.pk])).text
    )


def test_a_need_of_no_project_is_for_an_organiser_who_asked():
    """Whoever asked, holding the organiser role; a resident who asked does not."""
    need = NeedFactory()
    assert permissions.can_see_candidates(need.created_by, need)
    resident_need = NeedFactory(created_by=UserFactory())
    assert not permissions.can_see_candidates(resident_need.created_by, resident_need)
    assert not permissions.can_see_candidates(UserFactory(), need)


def test_invitations_stop_at_the_daily_allowance(settings):
    """Past MATCHING_INVITATIONS_PER_DAY in 24 hours, sending is refused."""
    settings.MATCHING_INVITATIONS_PER_DAY = 1
    owner = UserFactory()
    need = _need_of(_published(owner), owner)
    first, second = helper(), helper()
    services.invitation_send(need=need, person=first.user, invited_by=owner)
    assert permissions.invitations_left_today(owner) == 0
    with pytest.raises(Refusal, match="as many invitations"):
        services.invitation_send(need=need, person=second.user, invited_by=owner)
    Invitation.objects.update(sent_at=timezone.now() - timedelta(days=1, minutes=1))
    services.invitation_send(need=need, person=second.user, invited_by=owner)


def test_a_resident_still_cannot_open_the_needs_list(client):
    """The needs list stays for organisers and officers."""
    client.force_login(UserFactory())
    assert client.get(reverse("matching:need_list")).status_code == 403


def test_a_project_page_owner_without_the_right_sees_why(client):
    """The need page explains when people are not shown yet."""
    owner = UserFactory()
    project = owned_project(owner=owner)
    need = _need_of(project, owner)
    client.force_login(owner)
    assert (
        "when a project has been published"
        in client.get(reverse("matching:need_detail", args=[need.pk])).text
    )


def test_strangers_cannot_open_a_need(client):
    """Someone with no part in a need gets 404, as before."""
    need = NeedFactory(project=ProjectFactory())
    client.force_login(UserFactory())
    assert client.get(reverse("matching:need_detail", args=[need.pk])).status_code == 404
