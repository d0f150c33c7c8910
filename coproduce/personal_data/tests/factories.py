"""A resident with something in every part of the platform, for export and closing tests."""

from datetime import timedelta

from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.discussion.tests.factories import CommentFactory
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.groups.tests.factories import MembershipFactory
from coproduce.notifications.models import Notification
from coproduce.people.tests.factories import ProfileFactory
from coproduce.sharing.tests.factories import ItemFactory
from coproduce.skills.tests.factories import PersonSkillFactory
from coproduce.timebank.tests.factories import (
    AccountFactory,
    BuddyRequestFactory,
    ListingFactory,
    VolunteerCheckFactory,
)


def busy_resident(**user_fields):
    """A resident with a profile, a skill, a comment, a place at an event, a group, a time
    account and offer, a buddy request, a volunteer check, an item and a notification."""
    user = UserFactory(**{"display_name": "Zebedee Quartermaine", **user_fields})
    profile = ProfileFactory(user=user, access_needs="I use a wheelchair.")
    PersonSkillFactory(profile=profile)
    CommentFactory(author=user, body="Zebedee says the park needs benches.")
    event = EventFactory(starts_at=timezone.now() + timedelta(days=7))
    event.ends_at = event.starts_at + timedelta(hours=2)
    event.save()
    rsvp_join(event=event, user=user, access_note="A seat near the door, please.")
    MembershipFactory(user=user)
    account = AccountFactory(user=user)
    ListingFactory(account=account, title="Zebedee can walk dogs")
    BuddyRequestFactory(resident=user, what_support="Zebedee lives alone.")
    VolunteerCheckFactory(person=user)
    ItemFactory(posted_by=user, title="Zebedee's ladder")
    Notification.objects.create(recipient=user, kind="account", title="Welcome, Zebedee")
    return user
