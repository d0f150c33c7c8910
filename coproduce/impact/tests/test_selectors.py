import pytest
from django.utils import timezone

from coproduce.impact.selectors import count_everything

from .builders import build

pytestmark = pytest.mark.django_db


def _this_month():
    return timezone.localdate().replace(day=1)


def test_counts_for_one_ward():
    built = build(people=6)
    counts = count_everything(ward_id=built.ward.pk)
    month = _this_month()
    assert counts.months[-1] == month and len(counts.months) == 12
    assert counts.taking_part[month] == 6
    assert counts.minutes == {month: 90}
    assert counts.stages == {"idea": 2, "active": 1, "forming": 1}
    assert (counts.actions_done, counts.barriers_busted) == (2, 1)
    assert counts.events == {month: 1}
    assert counts.came == {month: 5}
    assert counts.bookings == {month: 2}
    assert counts.items == {month: 3}
    assert counts.feedback == {"on_time": 1, "late": 1, "overdue": 1, "not_due": 1}


def test_counts_for_the_borough_take_in_every_ward():
    built = build(people=6)
    counts = count_everything()
    month = _this_month()
    assert counts.taking_part[month] >= 7  # the residents and the outsider
    assert counts.minutes == {month: 120}
    assert counts.stages["completed"] == 1
    assert counts.events == {month: 2}
    assert counts.came == {month: 6}
    other = count_everything(ward_id=built.other.pk)
    assert other.minutes == {month: 30}
    assert other.items == {} and other.bookings == {}


def test_a_reversed_transfer_is_not_time_exchanged():
    from coproduce.timebank.models import Transfer

    built = build(people=6)
    undone = Transfer.objects.filter(minutes=90).get()
    Transfer.objects.create(
        from_account=undone.to_account,
        to_account=undone.from_account,
        minutes=90,
        description="Undo",
        status=Transfer.Status.POSTED,
        posted_at=timezone.now(),
        requested_by=built.people[0],
        reverses=undone,
    )
    assert count_everything(ward_id=built.ward.pk).minutes == {}


def test_a_deactivated_person_is_not_counted_as_taking_part():
    built = build(people=6)
    built.people[0].is_active = False
    built.people[0].save(update_fields=["is_active"])
    assert count_everything(ward_id=built.ward.pk).taking_part[_this_month()] == 5
