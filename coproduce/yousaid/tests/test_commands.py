from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from coproduce.notifications.models import Notification

from .factories import CouncilResponseFactory, officer

pytestmark = pytest.mark.django_db


def test_yousaid_remind_run_twice_reminds_once():
    """The daily command reminds the owner once, however often it runs."""
    owner = officer()
    CouncilResponseFactory(owner=owner, due_on=timezone.localdate() + timedelta(days=2))
    out = StringIO()
    call_command("yousaid_remind", stdout=out)
    call_command("yousaid_remind", stdout=out)
    assert "Sent 1 reminders" in out.getvalue()
    assert Notification.objects.filter(recipient=owner).count() == 1
