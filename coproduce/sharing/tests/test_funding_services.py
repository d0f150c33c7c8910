from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed
from coproduce.groups.tests.factories import MembershipFactory, OrganiserFactory
from coproduce.notifications.models import Notification
from coproduce.sharing.models import FundingApplication, FundingOpportunity, FundingReminder
from coproduce.sharing.selectors import FundingFilters, opportunities_listed
from coproduce.sharing.services import BadValue
from coproduce.sharing.services import funding as services

from .factories import FollowFactory, FunderFactory, OpportunityFactory

pytestmark = pytest.mark.django_db


def _officer():
    return UserFactory(roles=[Role.ADMINISTRATOR])


def test_residents_cannot_add_funding():
    """Adding a round needs the add permission."""
    with pytest.raises(NotAllowed):
        services.opportunity_create(
            by=UserFactory(),
            funder=FunderFactory(),
            title="Fund",
            what_it_funds="Parks",
            deadline=timezone.now() + timedelta(days=3),
        )
    assert not FundingOpportunity.objects.exists()


def test_a_naive_deadline_is_refused():
    """Deadlines must be timezone-aware."""
    with pytest.raises(BadValue):
        services.opportunity_create(
            by=_officer(),
            funder=FunderFactory(),
            title="Fund",
            what_it_funds="Parks",
            deadline=datetime(2030, 1, 1, 12, 0),
        )
    assert not FundingOpportunity.objects.exists()


def test_min_above_max_is_refused():
    """The smallest grant cannot exceed the largest."""
    with pytest.raises(BadValue):
        services.opportunity_create(
            by=_officer(),
            funder=FunderFactory(),
            title="Fund",
            what_it_funds="Parks",
            deadline=timezone.now() + timedelta(days=3),
            min_amount=900,
            max_amount=100,
        )


def test_open_rounds_come_first_by_deadline():
    """Open rounds by nearest deadline, then closed ones."""
    now = timezone.now()
    later = OpportunityFactory(deadline=now + timedelta(days=20))
    sooner = OpportunityFactory(deadline=now + timedelta(days=2))
    closed = OpportunityFactory(deadline=now - timedelta(days=1))
    assert list(opportunities_listed(FundingFilters())) == [sooner, later, closed]


def test_amount_filter_keeps_rounds_that_fit():
    """Asking for £10,000 leaves out a round of up to £5,000."""
    small = OpportunityFactory(max_amount=5_000)
    big = OpportunityFactory(min_amount=1_000, max_amount=20_000)
    assert list(opportunities_listed(FundingFilters(amount=10_000))) == [big]
    assert small in opportunities_listed(FundingFilters(amount=600))


def test_only_organisers_record_for_their_group():
    """A member cannot record an application for the group."""
    membership = MembershipFactory()
    opportunity = OpportunityFactory()
    with pytest.raises(NotAllowed):
        services.application_record(
            opportunity=opportunity,
            by=membership.user,
            organisation=membership.organisation,
            amount_requested=500,
        )
    organiser = OrganiserFactory(organisation=membership.organisation).user
    application = services.application_record(
        opportunity=opportunity,
        by=organiser,
        organisation=membership.organisation,
        amount_requested=500,
    )
    assert application.applicant == membership.organisation.name


def test_zero_amount_is_refused():
    """An application must ask for more than nothing."""
    with pytest.raises(BadValue):
        services.application_record(
            opportunity=OpportunityFactory(),
            by=UserFactory(),
            project_name="Pond",
            amount_requested=0,
        )
    assert not FundingApplication.objects.exists()


def test_outcome_keeps_the_award_only_when_successful():
    """An unsuccessful application has no award amount."""
    person = UserFactory()
    application = services.application_record(
        opportunity=OpportunityFactory(), by=person, project_name="Pond", amount_requested=800
    )
    services.application_update(
        application=application, by=person, status="unsuccessful", amount_awarded=800
    )
    assert application.amount_awarded is None
    with pytest.raises(NotAllowed):
        services.application_update(application=application, by=UserFactory(), status="applied")


def test_reminders_are_sent_once_at_14_and_2_days():
    """Each follower gets one 14-day and one 2-day reminder, however often it runs."""
    now = timezone.now()
    follow = FollowFactory(opportunity=OpportunityFactory(deadline=now + timedelta(days=10)))
    assert services.reminders_send(now=now) == 1
    assert services.reminders_send(now=now) == 0
    assert services.reminders_send(now=now + timedelta(days=8, hours=1)) == 1
    assert services.reminders_send(now=now + timedelta(days=9)) == 0
    kinds = set(FundingReminder.objects.filter(follow=follow).values_list("kind", flat=True))
    assert kinds == {"14_days", "2_days"}
    assert Notification.objects.filter(recipient=follow.user).count() == 2


def test_late_followers_get_only_the_2_day_reminder():
    """Following with a day left sends the 2-day reminder, never the 14-day one after it."""
    now = timezone.now()
    follow = FollowFactory(opportunity=OpportunityFactory(deadline=now + timedelta(days=1)))
    assert services.reminders_send(now=now) == 1
    assert list(follow.reminders.values_list("kind", flat=True)) == ["2_days"]
    assert services.reminders_send(now=now) == 0


def test_no_reminders_far_from_or_after_the_deadline():
    """Rounds 30 days away, or closed, send nothing."""
    now = timezone.now()
    FollowFactory(opportunity=OpportunityFactory(deadline=now + timedelta(days=30)))
    FollowFactory(opportunity=OpportunityFactory(deadline=now - timedelta(hours=1)))
    assert services.reminders_send(now=now) == 0


def test_a_new_deadline_means_new_reminders():
    """Moving the deadline lets followers be reminded of the new date."""
    now = timezone.now()
    opportunity = OpportunityFactory(deadline=now + timedelta(days=5))
    FollowFactory(opportunity=opportunity)
    assert services.reminders_send(now=now) == 1
    services.opportunity_update(
        opportunity=opportunity, by=_officer(), deadline=now + timedelta(days=12)
    )
    assert services.reminders_send(now=now) == 1


def test_command_reports_how_many_it_sent(settings, django_capture_on_commit_callbacks):
    """The daily command sends reminders by email too, and says how many."""
    FollowFactory(opportunity=OpportunityFactory(deadline=timezone.now() + timedelta(days=3)))
    out = StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_funding_reminders", stdout=out)
    assert "Sent 1 funding reminders." in out.getvalue()
    assert len(mail.outbox) == 1
    assert Notification.objects.get().emailed_at is not None


def test_a_project_owner_records_an_application_for_their_project():
    """The application points at the project; someone else's project is refused."""
    from coproduce.accounts.tests.factories import UserFactory
    from coproduce.projects.tests.factories import owned_project
    from coproduce.sharing.services import funding as sharing_services
    from coproduce.sharing.tests.factories import OpportunityFactory

    owner = UserFactory()
    project = owned_project(owner=owner, title="Canal orchard")
    opportunity = OpportunityFactory()
    application = sharing_services.application_record(
        opportunity=opportunity, by=owner, amount_requested=500, project=project
    )
    assert (application.project, application.project_name) == (project, "Canal orchard")
    with pytest.raises(NotAllowed):
        sharing_services.application_record(
            opportunity=opportunity, by=UserFactory(), amount_requested=500, project=project
        )
