import pytest
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.projects.models import Project
from coproduce.skills.models import Skill

from .factories import ProjectFactory, owned_project

pytestmark = pytest.mark.django_db


def test_anyone_can_see_the_list_in_a_fixed_number_of_queries(
    client, django_assert_max_num_queries
):
    """The list is public and its query count does not grow with the number of projects."""
    for _ in range(25):
        ProjectFactory()
    with django_assert_max_num_queries(5):
        response = client.get(reverse("projects:list"))
    assert response.status_code == 200
    assert "25 projects and ideas" in response.text


def _page_queries(client, project) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("projects:detail", args=[project.pk]))
    assert response.status_code == 200
    return len(queries)


def _grow(project, n: int) -> None:
    from django.utils import timezone

    from coproduce.projects.models import (
        Contribution,
        Need,
        Owner,
        Resource,
        Update,
        VolunteerRole,
    )

    for i in range(n):
        Owner.objects.create(project=project, user=UserFactory(), role="co_owner")
        need = Need.objects.create(project=project, created_by=project.created_by, title=f"n{i}")
        need.skills.add(*Skill.objects.all()[:2])
        role = VolunteerRole.objects.create(project=project, title=f"r{i}")
        Contribution.objects.create(
            project=project,
            person=UserFactory(),
            kind="volunteer",
            role=role,
            message="m",
            status="accepted",
            decided_at=timezone.now(),
        )
        Resource.objects.create(project=project, title=f"x{i}")
        Update.objects.create(project=project, title=f"u{i}", body="b")


def test_the_project_page_is_public_with_a_fixed_number_of_queries(client):
    """Visitors see a project; its queries do not grow with owners, needs, roles, helpers or
    news (one more than before for the helpers and the story's acceptances, two for the
    evidence panel: documents and outcome figures, and one for the stories panel)."""
    project = owned_project(
        open_to_shape="Which trees to plant", parameters_published_at="2026-01-01T00:00:00Z"
    )
    _grow(project, 1)
    few = _page_queries(client, project)
    _grow(project, 8)
    assert _page_queries(client, project) == few <= 16
    page = client.get(reverse("projects:detail", args=[project.pk])).text
    assert "Before you join" in page and "Which trees to plant" in page


def test_bad_filters_get_a_clear_message(client):
    """An unknown theme is a 400 with a reason."""
    response = client.get(reverse("projects:list"), {"theme": "juggling"})
    assert response.status_code == 400
    assert "no theme called" in response.text


def test_sharing_needs_sign_in_and_saves_the_idea(client):
    """Visitors are sent to sign in; a signed-in person shares an idea."""
    assert client.get(reverse("projects:new")).status_code == 302
    client.force_login(UserFactory())
    response = client.post(
        reverse("projects:new"),
        {"title": "Repair café", "summary": "Fix things together.", "theme": "money"},
    )
    project = Project.objects.get()
    assert response["Location"] == reverse("projects:detail", args=[project.pk])


def test_a_script_in_a_title_is_shown_as_text(client):
    """What people write is escaped on every page."""
    ProjectFactory(title="<script>alert(1)</script>")
    page = client.get(reverse("projects:list")).text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize("name", ["edit", "parameters", "status", "owners"])
@pytest.mark.parametrize(("who", "status"), [("owner", 200), ("officer", 200), ("stranger", 404)])
def test_owner_pages_are_for_owners_and_officers(client, name, who, status):
    """Owners and officers may manage; anyone else gets a 404."""
    owner = UserFactory()
    project = owned_project(owner=owner)
    viewer = {
        "owner": owner,
        "officer": UserFactory(roles=[Role.OFFICER]),
        "stranger": UserFactory(),
    }
    client.force_login(viewer[who])
    assert client.get(reverse(f"projects:{name}", args=[project.pk])).status_code == status


def test_appreciating_twice_shows_a_message_and_counts_once(client):
    """The second appreciation is refused with a message."""
    project = ProjectFactory()
    client.force_login(UserFactory())
    client.post(reverse("projects:appreciate", args=[project.pk]))
    response = client.post(reverse("projects:appreciate", args=[project.pk]), follow=True)
    assert "already appreciated" in response.text
    assert Project.objects.get(pk=project.pk).appreciation_count == 1


def test_actions_need_post_and_sign_in(client):
    """GET is not allowed; visitors are sent to sign in."""
    project = ProjectFactory()
    url = reverse("projects:appreciate", args=[project.pk])
    assert client.post(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 405


def test_hidden_projects_are_not_found_except_by_their_owners(client):
    """A project a moderator hid is gone for others but still there for its owners."""
    owner = UserFactory()
    project = owned_project(owner=owner, is_hidden=True)
    assert client.get(reverse("projects:detail", args=[project.pk])).status_code == 404
    client.force_login(owner)
    assert client.get(reverse("projects:detail", args=[project.pk])).status_code == 200


def test_the_list_can_show_projects_that_need_my_skills_most_relevant_first(client):
    """Signed in, 'needs a skill I have' and 'relevance' use my confirmed skills."""
    from coproduce.people.tests.factories import ProfileFactory
    from coproduce.projects import services
    from coproduce.skills.models import PersonSkill

    me = ProfileFactory()
    for slug in ["cooking", "first-aid"]:
        PersonSkill.objects.create(profile=me, skill=Skill.objects.get(slug=slug))
    owner = UserFactory()
    one = owned_project(owner=owner, title="Needs one")
    two = owned_project(owner=owner, title="Needs two")
    owned_project(owner=owner, title="Needs none")
    services.project_need_add(
        user=owner,
        project=one,
        title="Cook",
        skills=Skill.objects.filter(slug="cooking"),
        hours=None,
    )
    services.project_need_add(
        user=owner,
        project=two,
        title="Cook and first aid",
        skills=Skill.objects.filter(slug__in=["cooking", "first-aid"]),
        hours=None,
    )
    client.force_login(me.user)
    page = client.get(reverse("projects:list"), {"needs_my_skills": "1", "sort": "relevance"})
    text = page.text
    assert "Needs none" not in text
    assert text.index("Needs two") < text.index("Needs one")


def test_other_apps_add_panels_to_the_project_page(client, monkeypatch):
    """A registered panel's HTML shows on the page; a panel with nothing to say adds nothing."""
    from django.utils.safestring import mark_safe

    from coproduce.common import panels

    monkeypatch.setitem(panels._panels, "project", [])
    panels.register("project", lambda project, _: mark_safe(f"<p id='panel'>{project.pk}</p>"))
    panels.register("project", lambda project, request: "")
    project = owned_project()
    page = client.get(reverse("projects:detail", args=[project.pk])).text
    assert f"<p id='panel'>{project.pk}</p>" in page
