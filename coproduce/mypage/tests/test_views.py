from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.services.rsvps import rsvp_cancel, rsvp_join
from coproduce.groups.tests.factories import OrganiserFactory
from coproduce.projects.models import Owner

from .conftest import Make
from .pages import URL, keys, page_of, section

pytestmark = pytest.mark.django_db

# Who may see it ---------------------------------------------------------------------------


def test_the_url_is_named():
    """The page answers at /your-page/ by the name mypage:your_page."""
    assert reverse("mypage:your_page") == URL


def test_a_visitor_is_sent_to_sign_in_and_back(client):
    """Someone not signed in is asked to sign in, then comes back here."""
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('accounts:sign_in')}?next={URL}"


def test_the_page_writes_nothing_on_post(client, me):
    """Only GET: the page only reads."""
    client.force_login(me)
    assert client.post(URL).status_code == 405


# Nothing yet ------------------------------------------------------------------------------


def test_with_nothing_at_all_the_page_offers_a_start(client, me):
    """No sections, and links to share an idea and to find something near."""
    response = page_of(client, me)
    assert keys(response) == []
    html = response.content.decode()
    assert "Share an idea" in html and f'href="{reverse("projects:new")}"' in html
    assert "Find something near you" in html and f'href="{reverse("maps:map")}"' in html
    assert html.count("<h1") == 1


def test_a_page_with_things_has_no_start_links(client, me, make):
    """The friendly start is only for an empty page."""
    make.place()
    html = page_of(client, me).content.decode()
    assert "Share an idea" not in html


# Events -----------------------------------------------------------------------------------


def test_a_place_at_an_event_is_shown_with_a_link_to_it(client, me, make):
    """The event, its day and time the GOV.UK way, "Going", and one link to the event."""
    rsvp = make.place()
    response = page_of(client, me)
    rows = section(response, "events").rows
    assert [r.title for r in rows] == ["Street party planning"]
    assert rows[0].tag == "Going"
    assert rows[0].href == reverse("gatherings:event", args=[rsvp.event_id])
    assert "6pm" in rows[0].detail and "18:00" not in rows[0].detail
    assert f'href="{rows[0].href}"' in response.content.decode()


def test_a_waiting_list_place_says_its_number(client, me, make):
    """With two people waiting ahead, the person is number 3 on the waiting list."""
    rsvp = make.waiting_place(waiting_ahead=2)
    assert rsvp.status == "waiting"
    rows = section(page_of(client, me), "events").rows
    assert [r.tag for r in rows] == ["Waiting list: number 3"]


def test_waiting_number_counts_only_those_ahead(client, me, make):
    """Someone who joined the waiting list after the person does not move them down."""
    rsvp = make.waiting_place()
    rsvp_join(event=rsvp.event, user=UserFactory())
    rows = section(page_of(client, me), "events").rows
    assert rows[0].tag == "Waiting list: number 1"


def test_past_and_given_up_places_are_left_out(client, me, make):
    """A place given up, or at an event that is over, is not next for anyone."""
    rsvp = make.place()
    rsvp_cancel(rsvp=rsvp, by=me)
    past = make.place(title="Last year's fair")
    past.event.starts_at = timezone.now() - timedelta(days=3)
    past.event.ends_at = timezone.now() - timedelta(days=3, hours=-2)
    past.event.save()
    assert section(page_of(client, me), "events") is None


def test_other_peoples_places_are_not_shown(client, me):
    """Only the person's own places."""
    Make(UserFactory()).place()
    assert section(page_of(client, me), "events") is None


# Things the person said they would do -----------------------------------------------------


def test_actions_show_when_due_and_flag_overdue(client, me, make):
    """An overdue action is tagged "Overdue"; one due later is not; soonest first."""
    make.action(due_in_days=4, text="Book the hall")
    make.action(due_in_days=-2, text="Ask the corner shop")
    rows = section(page_of(client, me), "actions").rows
    assert [r.title for r in rows] == ["Ask the corner shop", "Book the hall"]
    assert [r.tag for r in rows] == ["Overdue", ""]
    assert rows[0].detail.startswith("Due ")


def test_an_action_links_to_where_it_is_reported_on(client, me, make):
    """One link: the action learning set's page for that project."""
    action = make.action()
    row = section(page_of(client, me), "actions").rows[0]
    assert row.href == reverse("gatherings:treatment", args=[action.treatment_id])


def test_an_accepted_project_action_is_shown_with_its_project(client, me, make):
    """ "I will ..." accepted by a project's owners, with a link to the project."""
    proposal = make.project_action(due_in_days=0)
    row = section(page_of(client, me), "actions").rows[0]
    assert row.title == "I will bring litter pickers"
    assert row.tag == "Due today"
    assert "Canal clean-up" in row.detail
    assert row.href == reverse("projects:detail", args=[proposal.project_id])


def test_done_actions_and_other_peoples_actions_are_left_out(client, me, make):
    """Only open actions the person owns."""
    make.action().__class__.objects.update(status="done")
    Make(UserFactory()).action()
    assert section(page_of(client, me), "actions") is None


# Waiting for an answer --------------------------------------------------------------------


def test_every_kind_of_invitation_is_waiting_for_an_answer(client, me, make):
    """Needs, project ownership, running an event, organising a group: each with one link."""
    need = make.need_invitation()
    owner = make.owner_invitation()
    event = make.event_invitation()
    group = make.group_invitation(name="Friends of Hazel Park")
    rows = section(page_of(client, me), "answers").rows
    hrefs = {r.href for r in rows}
    assert hrefs == {
        reverse("matching:invitation_detail", args=[need.pk]),
        reverse("projects:owner_invitation", args=[owner.pk]),
        reverse("gatherings:organiser_invitation", args=[event.pk]),
        reverse("groups:invitation", args=[group.pk]),
    }
    titles = " ".join(r.title for r in rows)
    assert "Become an owner of Pocket park" in titles
    assert "Help run Repair cafe" in titles
    assert "Help organise Friends of Hazel Park" in titles
    details = " ".join(r.detail for r in rows)
    assert "Asked by Priya." in details and "Asked by Sam." in details


def test_an_invitation_for_a_projects_need_names_the_project(client, me):
    """ "For <project>." when the need belongs to a project."""
    from coproduce.matching.tests.factories import InvitationFactory
    from coproduce.projects.tests.factories import NeedFactory, ProjectFactory

    need = NeedFactory(title="Dig the beds", project=ProjectFactory(title="Herb garden"))
    InvitationFactory(person=me, need=need)
    row = section(page_of(client, me), "answers").rows[0]
    assert row.title == "Help with: Dig the beds"
    assert row.detail.endswith("For Herb garden.")


def test_answered_and_expired_invitations_are_left_out(client, me, make):
    """Only invitations still open."""
    make.need_invitation().__class__.objects.update(status="declined")
    owner = make.owner_invitation()
    owner.expires_at = timezone.now() - timedelta(days=1)
    owner.save()
    make.group_invitation().__class__.objects.update(status="accepted")
    assert section(page_of(client, me), "answers") is None


def test_invitations_to_others_are_not_shown(client, me):
    """Only invitations to the person."""
    other = Make(UserFactory())
    other.owner_invitation()
    other.event_invitation()
    other.group_invitation()
    assert section(page_of(client, me), "answers") is None


def test_offers_to_my_project_wait_for_my_decision(client, me, make):
    """An offer of help to a project the person owns, named by name_for, links to decide."""
    contribution = make.offer_to_my_project(name="Kim")
    row = section(page_of(client, me), "answers").rows[0]
    assert row.title == "Kim offered to help with Community fridge"
    assert row.link_text == "Decide"
    assert row.href == reverse("projects:contributions", args=[contribution.project_id])


def test_offers_to_a_group_project_wait_for_its_organisers(client, me):
    """A project owned by a group the person organises counts as theirs to answer."""
    from coproduce.projects.models import Contribution
    from coproduce.projects.tests.factories import ProjectFactory

    membership = OrganiserFactory(user=me)
    project = ProjectFactory(title="Group garden")
    Owner.objects.create(project=project, organisation=membership.organisation, role="lead")
    Contribution.objects.create(
        project=project, person=UserFactory(), kind="volunteer", message="Count me in"
    )
    row = section(page_of(client, me), "answers").rows[0]
    assert row.title.endswith("volunteered for Group garden")


def test_offers_to_someone_elses_project_are_not_shown(client, me):
    """Not the person's project: not theirs to decide."""
    Make(UserFactory()).offer_to_my_project()
    assert section(page_of(client, me), "answers") is None
