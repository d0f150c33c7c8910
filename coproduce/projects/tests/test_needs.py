import pytest

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.projects import selectors, services
from coproduce.projects.models import Need
from coproduce.skills.models import Skill

from .factories import NeedFactory, owned_project

pytestmark = pytest.mark.django_db


def organiser():
    return UserFactory(roles=[Role.ORGANISER])


def gardening() -> Skill:
    return Skill.objects.get(slug="gardening")


def test_need_create_records_skills_and_orders_days():
    """A need keeps its skills, and days in week order."""
    need = services.need_create(
        created_by=organiser(), title="Diggers", skills=[gardening()], days=["sun", "mon"]
    )
    assert list(need.skills.all()) == [gardening()]
    assert need.days == ["mon", "sun"]


def test_need_create_refuses_no_skills_or_bad_days():
    """No skills, or days not in the list, are refused and nothing is written."""
    with pytest.raises(Refusal):
        services.need_create(created_by=organiser(), title="X", skills=[])
    with pytest.raises(Refusal):
        services.need_create(created_by=organiser(), title="X", skills=[gardening()], days=["x"])
    assert Need.objects.count() == 0


def test_merging_skills_moves_needs_to_the_kept_skill():
    """A need asking for a merged-away skill asks for the skill it was merged into."""
    from coproduce.skills.services import skill_merge

    need = NeedFactory()
    tutoring, teaching = Skill.objects.get(slug="tutoring"), Skill.objects.get(slug="teaching")
    need.skills.set([tutoring])
    skill_merge(source=tutoring, target=teaching)
    assert list(need.skills.values_list("slug", flat=True)) == ["teaching"]


def test_only_whoever_asked_closes_a_need():
    """Someone else is refused; the asker closes it, and closing again changes nothing."""
    need = NeedFactory()
    with pytest.raises(NotAllowed):
        services.need_close(need=need, user=organiser())
    services.need_close(need=need, user=need.created_by)
    services.need_close(need=need, user=need.created_by)
    need.refresh_from_db()
    assert need.status == Need.Status.CLOSED


def test_a_need_closed_to_invitations_stays_on_its_project_until_met():
    """Closing stops invitations only; marking it met takes it off the project's list."""
    owner = UserFactory()
    project = owned_project(owner=owner)
    need = services.project_need_add(
        user=owner, project=project, title="Cooks", skills=[gardening()], hours=None
    )
    services.need_close(need=need, user=owner)
    assert selectors.project_for_page(project.pk).open_needs == [need]
    services.project_need_met(user=owner, need=need)
    need.refresh_from_db()
    assert need.status == Need.Status.MET
    assert selectors.project_for_page(project.pk).open_needs == []
    services.need_close(need=need, user=owner)
    need.refresh_from_db()
    assert need.status == Need.Status.MET


def test_only_the_owners_mark_a_need_met():
    """Someone who does not manage the project cannot mark its need met."""
    owner = UserFactory()
    need = services.project_need_add(
        user=owner, project=owned_project(owner=owner), title="Cooks", skills=[], hours=2
    )
    with pytest.raises(NotAllowed):
        services.project_need_met(user=UserFactory(), need=need)
    need.refresh_from_db()
    assert need.status == Need.Status.OPEN
