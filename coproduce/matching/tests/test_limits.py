"""Limits on invitations (RATE_LIMITS and MATCHING_REINVITE_QUIET_PERIOD in settings)."""

import pytest
from django.core import mail
from django.urls import reverse

from coproduce.matching.models import Invitation
from coproduce.projects.tests.factories import NeedFactory

from .factories import helper

pytestmark = pytest.mark.django_db


def _invite(client, need, person):
    return client.post(
        reverse("matching:invitation_send", args=[need.pk]), {"person": person.pk, "message": ""}
    )


def test_invite_withdraw_invite_emails_the_person_once(client, django_capture_on_commit_callbacks):
    """Invite, withdraw and invite again: the invitation is open again, and one email went."""
    need = NeedFactory()
    person = helper().user
    client.force_login(need.created_by)
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(3):
            assert _invite(client, need, person).status_code == 302
            invitation = Invitation.objects.get()
            withdraw = reverse("matching:invitation_withdraw", args=[invitation.pk])
            assert client.post(withdraw).status_code == 302
        assert _invite(client, need, person).status_code == 302
    assert Invitation.objects.get().status == Invitation.Status.SENT
    assert [message.to for message in mail.outbox] == [[person.email]]


def test_invitations_per_inviter_are_limited(client, settings, django_capture_on_commit_callbacks):
    """Past the day's limit the next invitation is a 429 page and nobody is emailed."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "matching_invite": "2/d"}
    need = NeedFactory()
    people = [helper().user for _ in range(3)]
    client.force_login(need.created_by)
    with django_capture_on_commit_callbacks(execute=True):
        statuses = [_invite(client, need, person).status_code for person in people]
    assert statuses == [302, 302, 429]
    assert "You have done this too many times" in _invite(client, need, people[2]).text
    assert not Invitation.objects.filter(person=people[2]).exists()
    assert len(mail.outbox) == 2
