"""The tombstones' retention: kept long enough for a weekly reader, then forgotten."""

from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.openactive import services
from coproduce.openactive.models import Deletion
from coproduce.personal_data.retention import retention_apply, retention_rules

pytestmark = pytest.mark.django_db


def test_the_daily_retention_run_forgets_only_tombstones_past_their_period(settings):
    now = timezone.now()
    days = settings.RETENTION["feed_deletions_days"]
    assert days >= 7  # RPDE: a deletion stays in the feed at least seven days
    old = services.deletion_record(
        kind=Deletion.Kind.EVENT, row_id=1, now=now - timedelta(days=days, minutes=1)
    )
    kept = services.deletion_record(
        kind=Deletion.Kind.ROOM, row_id=2, now=now - timedelta(days=days - 1)
    )
    removed = retention_apply(now=now)
    assert removed["feed_deletions"] == 1
    assert list(Deletion.objects.values_list("pk", flat=True)) == [kept.pk]
    assert not Deletion.objects.filter(pk=old.pk).exists()
    assert retention_apply(now=now)["feed_deletions"] == 0  # safe to run twice


def test_the_privacy_page_schedule_names_the_rule_in_words():
    rule = {r.name: r for r in retention_rules()}["feed_deletions"]
    assert "deleted" in str(rule.what)
