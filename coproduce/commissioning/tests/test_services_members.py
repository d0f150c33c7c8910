"""Members: consent to join, the youth age check, a carer's consent under 16, protection
from direct messages, and meetings with a named safe adult."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.commissioning import services
from coproduce.commissioning.models import Member
from coproduce.commissioning.permissions import takes_part
from coproduce.commissioning.sums import adult_from
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.messaging.protection import is_protected
from coproduce.notifications.models import Notification

from .factories import born_years_ago, published_panel

pytestmark = pytest.mark.django_db


def _youth_panel():
    return published_panel(members=0, is_youth=True, age_min=11, age_max=19)


def test_an_invited_person_is_not_a_member_until_they_accept():
    """Invited, they are told; only their own yes makes them a member."""
    panel = published_panel(members=0)
    person = UserFactory()
    member = services.member_invite(by=panel.created_by, panel=panel, email=person.email)
    assert member.status == Member.Status.INVITED
    assert Notification.objects.filter(recipient=person).exists()
    with pytest.raises(NotAllowed):
        services.member_accept(by=panel.created_by, member=member)
    member = services.member_accept(by=person, member=member)
    assert member.status == Member.Status.ACTIVE


def test_an_invited_person_can_say_no():
    """Declining leaves them off the panel."""
    panel = published_panel(members=0)
    person = UserFactory()
    member = services.member_invite(by=panel.created_by, panel=panel, email=person.email)
    services.member_decline(by=person, member=member)
    member.refresh_from_db()
    assert member.status == Member.Status.DECLINED


def test_inviting_an_unknown_address_is_refused():
    """There must be an account."""
    panel = published_panel(members=0)
    with pytest.raises(Refusal):
        services.member_invite(by=panel.created_by, panel=panel, email="nobody@example.org")


def test_an_application_is_accepted_by_the_running_officer():
    """Applying is the person's consent; the officer accepts it."""
    panel = published_panel(members=0)
    person = UserFactory()
    member = services.member_apply(user=person, panel=panel, why_join="I use it")
    assert member.status == Member.Status.APPLIED
    with pytest.raises(NotAllowed):
        services.member_accept(by=person, member=member)
    member = services.member_accept(by=panel.created_by, member=member)
    assert member.status == Member.Status.ACTIVE


def test_a_youth_panel_checks_the_age_range():
    """Too old, too young or no date of birth are refused."""
    panel = _youth_panel()
    for born in (born_years_ago(25), born_years_ago(9), None):
        with pytest.raises(Refusal):
            services.member_apply(user=UserFactory(), panel=panel, why_join="x", date_of_birth=born)
    services.member_apply(
        user=UserFactory(), panel=panel, why_join="x", date_of_birth=born_years_ago(15)
    )


def test_under_sixteen_takes_part_only_after_carer_consent():
    """A 14-year-old member cannot take part until consent (who, how, when) is recorded."""
    panel = _youth_panel()
    person = UserFactory()
    member = services.member_apply(
        user=person, panel=panel, why_join="x", date_of_birth=born_years_ago(14)
    )
    member = services.member_accept(by=panel.created_by, member=member)
    assert not takes_part(member, timezone.localdate())
    consent = services.guardian_consent_record(
        by=panel.created_by,
        member=member,
        given_by="Sam Parent",
        relationship="father",
        how="signed_form",
        given_on=timezone.localdate(),
    )
    assert consent.recorded_by == panel.created_by
    member = Member.objects.get(pk=member.pk)
    assert takes_part(member, timezone.localdate())


def test_sixteen_and_over_needs_no_carer_consent():
    """Consent is refused as not needed for a 17-year-old, who takes part straight away."""
    panel = _youth_panel()
    member = services.member_apply(
        user=UserFactory(), panel=panel, why_join="x", date_of_birth=born_years_ago(17)
    )
    member = services.member_accept(by=panel.created_by, member=member)
    assert takes_part(member, timezone.localdate())
    with pytest.raises(Refusal):
        services.guardian_consent_record(
            by=panel.created_by,
            member=member,
            given_by="x",
            relationship="y",
            how="email",
            given_on=timezone.localdate(),
        )


def test_consent_cannot_be_dated_in_the_future():
    """A date still to come is refused."""
    panel = _youth_panel()
    member = services.member_apply(
        user=UserFactory(), panel=panel, why_join="x", date_of_birth=born_years_ago(13)
    )
    with pytest.raises(Refusal):
        services.guardian_consent_record(
            by=panel.created_by,
            member=member,
            given_by="x",
            relationship="y",
            how="email",
            given_on=timezone.localdate() + timedelta(days=2),
        )


def test_a_young_member_is_protected_from_direct_messages():
    """Joining a youth panel under 18 sets a protection in messaging; an adult panel does not."""
    panel = _youth_panel()
    young = UserFactory()
    member = services.member_apply(
        user=young, panel=panel, why_join="x", date_of_birth=born_years_ago(15)
    )
    assert not is_protected(young)
    services.member_accept(by=panel.created_by, member=member)
    assert is_protected(young)
    adult_panel = published_panel(members=0)
    adult = UserFactory()
    member = services.member_apply(user=adult, panel=adult_panel, why_join="x")
    services.member_accept(by=adult_panel.created_by, member=member)
    assert not is_protected(adult)


def test_a_young_members_protection_ends_on_their_18th_birthday(monkeypatch):
    """Nothing has to remember to lift it: from the day they turn 18 they are an adult."""
    panel = _youth_panel()
    young = UserFactory()
    born = born_years_ago(17, days_more=300)
    member = services.member_apply(user=young, panel=panel, why_join="x", date_of_birth=born)
    services.member_accept(by=panel.created_by, member=member)
    birthday = adult_from(born)
    monkeypatch.setattr(timezone, "localdate", lambda *a: birthday - timedelta(days=1))
    assert is_protected(young)
    monkeypatch.setattr(timezone, "localdate", lambda *a: birthday)
    assert not is_protected(young)


def test_a_meeting_is_an_event_the_officer_organises_with_a_checked_safe_adult():
    """The safe adult's check and its date are recorded; someone else's event is refused."""
    panel = _youth_panel()
    by = panel.created_by
    event = EventFactory()
    with pytest.raises(Refusal):
        services.meeting_add(
            by=by,
            panel=panel,
            event=event,
            safe_adult_name="Jo Youthworker",
            check_kind="Enhanced DBS",
            checked_on=timezone.localdate(),
        )
    event.organisers.add(by)
    meeting = services.meeting_add(
        by=by,
        panel=panel,
        event=event,
        safe_adult_name="Jo Youthworker",
        check_kind="Enhanced DBS",
        checked_on=timezone.localdate() - timedelta(days=100),
    )
    assert meeting.safe_adult_name == "Jo Youthworker"


def test_no_adult_can_message_a_young_panel_member():
    """Once a young member joins, a project owner cannot start a thread with them, and they
    cannot be brought into one."""
    from coproduce.messaging import services as messaging
    from coproduce.messaging.models import Thread
    from coproduce.messaging.tests.factories import helped_project
    from coproduce.messaging.topics import get

    panel = _youth_panel()
    young = UserFactory()
    project, owner, _helper = helped_project(helper=young)
    member = services.member_apply(
        user=young, panel=panel, why_join="x", date_of_birth=born_years_ago(15)
    )
    services.member_accept(by=panel.created_by, member=member)
    with pytest.raises(NotAllowed):
        messaging.thread_start_with_member(
            user=owner, topic=get("project"), subject=project, member=young, body="Hello"
        )
    with pytest.raises(NotAllowed):
        messaging.thread_start(user=young, topic=get("project"), subject=project, body="Hi")
    assert not Thread.objects.exists()
