from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from coproduce.accounts.models import User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.models import Rsvp
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.notifications.models import Notification
from coproduce.personal_data import services
from coproduce.personal_data.models import DataExport
from coproduce.personal_data.retention import retention_apply, retention_rules
from coproduce.timebank.models import BuddyRequest, VolunteerCheck
from coproduce.timebank.tests.factories import BuddyRequestFactory, VolunteerCheckFactory

pytestmark = pytest.mark.django_db

NOW = timezone.now()


def test_every_rule_has_a_period_in_settings(settings):
    """Each rule's period is a number of days in settings.RETENTION."""
    names = {rule.name for rule in retention_rules()}
    assert {"unconfirmed_accounts", "old_notifications", "data_exports", "access_needs"} <= names
    for rule in retention_rules():
        assert isinstance(settings.RETENTION[rule.period], int)


def test_unconfirmed_accounts_go_after_their_period(settings):
    """An account never confirmed within the period is deleted; a confirmed one stays."""
    days = settings.RETENTION["unconfirmed_accounts_days"]
    old = UserFactory(email_verified_at=None, date_joined=NOW - timedelta(days=days + 1))
    new = UserFactory(email_verified_at=None, date_joined=NOW - timedelta(days=days - 1))
    confirmed = UserFactory(date_joined=NOW - timedelta(days=days + 100))
    retention_apply(now=NOW)
    assert set(User.objects.values_list("pk", flat=True)) == {new.pk, confirmed.pk}
    assert old.pk not in User.objects.values_list("pk", flat=True)


def test_closed_accounts_are_not_taken_for_unconfirmed(settings):
    """A closed account (its confirmation emptied) stays: the ledger may point to it."""
    user = UserFactory(date_joined=NOW - timedelta(days=1000))
    services.account_close(user=user, remove_comments=False)
    retention_apply(now=NOW)
    assert User.objects.filter(pk=user.pk).exists()


def test_old_notifications_go(settings):
    """Notifications older than the period are deleted; newer ones stay."""
    user = UserFactory()
    old = Notification.objects.create(recipient=user, kind="account", title="Old")
    Notification.objects.filter(pk=old.pk).update(
        created_at=NOW - timedelta(days=settings.RETENTION["notifications_days"] + 1)
    )
    Notification.objects.create(recipient=user, kind="account", title="New")
    retention_apply(now=NOW)
    assert list(Notification.objects.values_list("title", flat=True)) == ["New"]


def test_old_exports_go(settings):
    """A data export older than its period is deleted."""
    user = UserFactory()
    DataExport.objects.create(person=user, recipient=user)
    DataExport.objects.update(
        created_at=NOW - timedelta(days=settings.RETENTION["data_exports_days"] + 1)
    )
    retention_apply(now=NOW)
    assert not DataExport.objects.exists()


def test_access_needs_are_wiped_after_their_period(settings):
    """What someone asked for at an event is wiped once the event ended over the period ago."""
    event = EventFactory(starts_at=NOW - timedelta(days=100))
    event.ends_at = event.starts_at + timedelta(hours=2)
    event.save()
    Rsvp.objects.create(
        event=event, user=UserFactory(), status="confirmed", queued_at=NOW, access_note="BSL"
    )
    retention_apply(now=NOW)
    assert Rsvp.objects.get().access_note == ""


def test_safeguarding_records_of_closed_accounts_go_after_their_period(settings):
    """Checks and buddy requests of an account closed longer ago than the period go."""
    user = UserFactory()
    VolunteerCheckFactory(person=user)
    BuddyRequestFactory(resident=user)
    services.account_close(user=user, remove_comments=False)
    retention_apply(now=NOW)
    assert VolunteerCheck.objects.filter(person=user).exists()  # not yet
    later = NOW + timedelta(days=settings.RETENTION["safeguarding_days"] + 1)
    retention_apply(now=later)
    assert not VolunteerCheck.objects.filter(person=user).exists()
    assert not BuddyRequest.objects.filter(resident=user).exists()


def test_command_runs_every_rule():
    """apply_retention prints one line for each rule."""
    out = StringIO()
    call_command("apply_retention", stdout=out)
    assert out.getvalue().count("removed") == len(retention_rules())


def test_privacy_page_lists_every_period(client, settings):
    """The privacy page lists each rule with its number of days, and links to your data."""
    settings.RETENTION = {**settings.RETENTION, "notifications_days": 123}
    page = client.get("/privacy/").content.decode()
    assert "123 days" in page
    for rule in retention_rules():
        assert str(rule.what) in page
    assert "/account/your-data/" in page
