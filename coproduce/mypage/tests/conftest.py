"""Things to find on "Your page", made the way the apps make them (services where they exist)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import EventOrganiserInvitation
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.gatherings.tests.factories import ActionFactory, EventFactory
from coproduce.groups.models import OrganiserInvitation
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.matching.tests.factories import InvitationFactory, helper
from coproduce.notifications.models import Notification
from coproduce.projects.models import Contribution, Owner, OwnerInvitation
from coproduce.projects.tests.factories import NeedFactory, ProjectFactory, owned_project
from coproduce.sharing.models import ItemReply
from coproduce.sharing.services.reservations import item_reserve
from coproduce.sharing.tests.factories import FollowFactory, ItemFactory, OpportunityFactory
from coproduce.skills.models import Skill
from coproduce.timebank.services import transfer_request
from coproduce.timebank.tests.factories import AccountFactory


class Make:
    """One of each thing, for a given person. Each method returns what it made."""

    def __init__(self, me):
        self.me = me
        self.account = None

    def place(self, *, capacity=None, title="Street party planning"):
        event = EventFactory(title=title, capacity=capacity)
        return rsvp_join(event=event, user=self.me)

    def waiting_place(self, *, waiting_ahead: int = 0):
        """A place on the waiting list of a full event, behind `waiting_ahead` others."""
        event = EventFactory(title="Full workshop", capacity=1)
        for _n in range(1 + waiting_ahead):
            rsvp_join(event=event, user=UserFactory())
        return rsvp_join(event=event, user=self.me)

    def action(self, *, due_in_days: int = 3, text="Ask the corner shop about leftovers"):
        return ActionFactory(
            owner=self.me, text=text, due_on=timezone.localdate() + timedelta(days=due_in_days)
        )

    def project_action(self, *, due_in_days: int = 5):
        project = owned_project(title="Canal clean-up")
        return Contribution.objects.create(
            project=project,
            person=self.me,
            kind=Contribution.Kind.PROPOSAL,
            status=Contribution.Status.ACCEPTED,
            message="I will bring litter pickers",
            due_on=timezone.localdate() + timedelta(days=due_in_days),
        )

    def need_invitation(self):
        return InvitationFactory(person=self.me, need=NeedFactory(title="Help dig the garden"))

    def owner_invitation(self):
        project = owned_project(title="Pocket park")
        return OwnerInvitation.objects.create(
            project=project,
            email=self.me.email,
            person=self.me,
            role=Owner.Role.CO_OWNER,
            invited_by=UserFactory(display_name="Priya"),
            expires_at=timezone.now() + timedelta(days=14),
        )

    def event_invitation(self):
        return EventOrganiserInvitation.objects.create(
            event=EventFactory(title="Repair cafe"),
            person=self.me,
            invited_by=UserFactory(display_name="Sam"),
            expires_at=timezone.now() + timedelta(days=7),
        )

    def group_invitation(self, *, name=None):
        group = OrganisationFactory(name=name) if name else OrganisationFactory()
        return OrganiserInvitation.objects.create(
            organisation=group,
            invitee=self.me,
            invited_by=UserFactory(display_name="Ade"),
        )

    def offer_to_my_project(self, *, name="Kim"):
        project = owned_project(owner=self.me, title="Community fridge")
        return Contribution.objects.create(
            project=project,
            person=UserFactory(display_name=name),
            kind=Contribution.Kind.OFFER,
            offering=Contribution.Offering.TIME,
            message="I can help on Saturdays",
        )

    def reply_to_my_wanted_item(self, *, name="Lou"):
        item = ItemFactory(posted_by=self.me, kind="wanted", title="A lawn mower")
        return ItemReply.objects.create(
            item=item, sender=UserFactory(display_name=name), message="I have one spare"
        )

    def _my_account(self):
        if self.account is None:
            self.account = AccountFactory(user=self.me)
        return self.account

    def time_to_confirm(self, *, name="Bea", minutes=90):
        """Someone who gave the person time asks them to confirm it."""
        other = AccountFactory(user=UserFactory(display_name=name))
        return transfer_request(
            actor=other.user,
            account=other,
            other=self._my_account(),
            minutes=minutes,
            description="Fixed the garden gate",
            gave=True,
        )

    def time_i_asked(self):
        """The person asked someone else to confirm: not theirs to answer."""
        other = AccountFactory(user=UserFactory())
        return transfer_request(
            actor=self.me,
            account=self._my_account(),
            other=other,
            minutes=60,
            description="Walked the dog",
            gave=True,
        )

    def item_i_reserved(self, *, title="Garden table"):
        item = ItemFactory(title=title)
        return item_reserve(item=item, by=self.me)

    def my_item_reserved(self, *, name="Tom", title="Bookcase"):
        item = ItemFactory(posted_by=self.me, title=title)
        return item_reserve(item=item, by=UserFactory(display_name=name))

    def funding_followed(self, *, days=30, title="Green spaces fund"):
        opportunity = OpportunityFactory(
            title=title, deadline=timezone.now() + timedelta(days=days)
        )
        return FollowFactory(user=self.me, opportunity=opportunity)

    def project_needing_my_skills(self, *, title="Orchard planting"):
        skill = Skill.objects.get(slug="gardening")
        project = ProjectFactory(title=title, status="active")
        need = NeedFactory(project=project, skills=[skill])
        return project, need

    def notification(self):
        return Notification.objects.create(
            recipient=self.me, kind="test", title="Hello", email_frequency="never"
        )


@pytest.fixture
def me():
    """A resident with a confirmed gardening skill."""
    return helper().user


@pytest.fixture
def make(me):
    return Make(me)
