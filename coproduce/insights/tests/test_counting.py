from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.discussion.models import Comment
from coproduce.discussion.tests.factories import CommentFactory
from coproduce.groups.tests.factories import MembershipFactory
from coproduce.insights import counting
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import StreetFactory

pytestmark = pytest.mark.django_db


def _ward_count(ward) -> tuple[int, int, int]:
    found = counting.area_counts(by="ward_id")[ward.pk]
    return found.people, found.taking_part, found.not_linked


def test_an_inactive_account_is_not_counted():
    """A closed (inactive) account's profile is left out of every count."""
    street = StreetFactory()
    ProfileFactory(street=street)
    closed = ProfileFactory(street=street)
    closed.user.is_active = False
    closed.user.save(update_fields=["is_active"])
    assert _ward_count(street.ward) == (1, 0, 1)


def test_a_comment_more_than_a_year_old_is_not_taking_part():
    """Only the last 12 months count; a comment is never a link."""
    street = StreetFactory()
    recent, old = ProfileFactory(street=street), ProfileFactory(street=street)
    CommentFactory(author=recent.user)
    comment = CommentFactory(author=old.user)
    Comment.objects.filter(pk=comment.pk).update(
        created_at=timezone.now() - timedelta(days=counting.TAKING_PART_DAYS + 1)
    )
    CommentFactory(author=None)  # a comment whose author has gone counts for nobody
    assert _ward_count(street.ward) == (2, 1, 2)


def test_counting_one_ward_gives_the_same_as_counting_the_borough():
    """Streets of one ward add up to that ward's row of the whole borough."""
    street = StreetFactory()
    for _n in range(3):
        MembershipFactory(user=ProfileFactory(street=street).user)
    ProfileFactory(street=street)
    MembershipFactory(user=ProfileFactory(street=StreetFactory()).user)  # another ward
    by_street = counting.area_counts(by="street_id", ward_id=street.ward.pk)[street.pk]
    assert (by_street.people, by_street.taking_part, by_street.not_linked) == _ward_count(
        street.ward
    )
    assert _ward_count(street.ward) == (4, 3, 1)


def test_the_version_changes_when_an_account_is_closed():
    """Closing an account changes the data version, so cached pages are worked out again."""
    person = ProfileFactory().user
    before = counting.data_version()
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert counting.data_version() != before


def test_the_version_changes_when_someone_joins_a_group():
    """A new membership changes the data version."""
    ProfileFactory()
    before = counting.data_version()
    MembershipFactory()
    assert counting.data_version() != before


def _counted(ward, settle_seconds: int, now=None):
    """The ward's count through `cached`, as the pages get it, and when it was made."""
    return counting.cached(
        "test-wards",
        counting.data_version(),
        lambda: _ward_count(ward),
        settle_seconds=settle_seconds,
        now=now,
    )


@pytest.fixture
def kept(settings):
    """A real cache for these tests (the test settings cache nothing), apart from the rest."""
    from django.core.cache import cache

    settings.CACHES = {
        **settings.CACHES,
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "insights-counting-tests",
        },
    }
    cache.clear()
    yield
    cache.clear()


def test_counts_settle_for_a_while_after_residents_act(kept):
    """Within the settling time, a new membership does not make the counts again (each
    making reads every source table); after it, the next page counts again."""
    street = StreetFactory()
    person = ProfileFactory(street=street)
    first, counted_at = _counted(street.ward, settle_seconds=60)
    assert first == (1, 0, 1)
    MembershipFactory(user=person.user)
    soon = counted_at + timedelta(seconds=59)
    assert _counted(street.ward, settle_seconds=60, now=soon) == (first, counted_at)
    later = counted_at + timedelta(seconds=61)
    assert _counted(street.ward, settle_seconds=60, now=later) == ((1, 1, 0), later)


def test_without_settling_a_change_shows_at_once(kept):
    """INSIGHTS_SETTLE_SECONDS 0: any change to the data is counted on the next page."""
    street = StreetFactory()
    person = ProfileFactory(street=street)
    assert _counted(street.ward, settle_seconds=0)[0] == (1, 0, 1)
    MembershipFactory(user=person.user)
    assert _counted(street.ward, settle_seconds=0)[0] == (1, 1, 0)


def test_unchanged_data_is_not_counted_again_after_settling(kept):
    """Settling only lets counts be older: while nothing changes, they are kept as before."""
    street = StreetFactory()
    ProfileFactory(street=street)
    version = counting.data_version()  # read once: it names the day, and midnight may pass
    value, counted_at = counting.cached(
        "test-wards", version, lambda: _ward_count(street.ward), settle_seconds=60
    )
    calls = []
    later = counted_at + timedelta(seconds=120)
    again = counting.cached(
        "test-wards", version, lambda: calls.append(1), settle_seconds=60, now=later
    )
    assert (again, calls) == ((value, counted_at), [])


def test_the_ward_pages_settle_as_the_setting_says(kept, settings):
    """The borough's counts, as the page reads them, follow INSIGHTS_SETTLE_SECONDS."""
    from coproduce.insights import selectors

    street = StreetFactory()
    person = ProfileFactory(street=street)
    settings.INSIGHTS_SETTLE_SECONDS = 60
    _rows, _no_ward, counted_at = selectors.ward_summary()
    MembershipFactory(user=person.user)
    settled_rows, _no_ward, settled_at = selectors.ward_summary()
    settled = next(row for row in settled_rows if row.ward == street.ward)
    assert (settled.taking_part, settled_at) == (0, counted_at)
    street_rows, streets_at = selectors.street_summary(street.ward)
    MembershipFactory(user=ProfileFactory(street=street).user)
    assert selectors.street_summary(street.ward) == (street_rows, streets_at)
    settings.INSIGHTS_SETTLE_SECONDS = 0
    fresh = next(row for row in selectors.ward_summary()[0] if row.ward == street.ward)
    assert (fresh.people, fresh.taking_part) == (2, 2)
