"""Writes to street conversations: days, idempotent entries, themes, naming and merging."""

import uuid
from datetime import date

import pytest

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import NotAllowed, Refusal
from coproduce.streettalk import services
from coproduce.streettalk.models import StreetEntry, Theme

from .factories import StreetDayFactory, StreetEntryFactory, ThemeFactory, facilitator, officer

pytestmark = pytest.mark.django_db


def _save(day, code, said="More markets please", **kwargs):
    return services.entry_save(day=day, by=day.facilitator, uuid=code, said=said, **kwargs)


def test_the_same_code_twice_saves_one_entry():
    """A resend with the same code returns the first entry and changes nothing."""
    day = StreetDayFactory()
    code = uuid.uuid4()
    first, created = _save(day, code)
    again, created_again = _save(day, code, said="Something else")
    assert created and not created_again
    assert again.pk == first.pk
    assert StreetEntry.objects.filter(uuid=code).count() == 1
    assert StreetEntry.objects.get(uuid=code).said == "More markets please"


def test_two_codes_save_two_entries():
    day = StreetDayFactory()
    _save(day, uuid.uuid4())
    _save(day, uuid.uuid4())
    assert day.entries.count() == 2


def test_a_code_from_another_day_is_refused():
    entry = StreetEntryFactory()
    other = StreetDayFactory(facilitator=entry.day.facilitator)
    with pytest.raises(Refusal):
        _save(other, entry.uuid)


def test_a_home_address_is_refused():
    """'12 Mill Lane' is a home address; a landmark is fine."""
    day = StreetDayFactory()
    with pytest.raises(Refusal) as refused:
        _save(day, uuid.uuid4(), place="12 Mill Lane")
    assert refused.value.field == "place"
    entry, _created = _save(day, uuid.uuid4(), place="Outside the library")
    assert entry.place == "Outside the library"


def test_empty_words_are_refused():
    with pytest.raises(Refusal):
        _save(StreetDayFactory(), uuid.uuid4(), said="   ")


def test_only_the_facilitator_or_an_officer_saves_entries():
    day = StreetDayFactory()
    with pytest.raises(NotAllowed):
        services.entry_save(day=day, by=UserFactory(), uuid=uuid.uuid4(), said="Hello")
    entry, created = services.entry_save(day=day, by=officer(), uuid=uuid.uuid4(), said="Hi")
    assert created and entry.recorded_by is not None


def test_a_resident_cannot_start_a_day():
    with pytest.raises(NotAllowed):
        services.day_create(
            facilitator=UserFactory(), title="Food", held_on=date(2026, 5, 1), questions="Q?"
        )


def test_an_organiser_starts_a_day():
    person = facilitator()
    day = services.day_create(
        facilitator=person, title=" Food ", held_on=date(2026, 5, 1), questions="What?\nWhy?"
    )
    assert day.facilitator == person and day.title == "Food"
    assert day.question_list == ["What?", "Why?"]


def test_themes_replace_keeps_a_name_when_the_theme_stays_much_the_same():
    day = StreetDayFactory()
    old = ThemeFactory(day=day, name="Markets")
    entries = [StreetEntryFactory(day=day, theme=old, said=f"market {i}") for i in range(4)]
    other = StreetEntryFactory(day=day, said="buses")
    made = services.themes_replace(day=day, groups=[[e.pk for e in entries[:3]], [other.pk]])
    assert [t.name for t in made] == ["Markets", ""]
    assert not Theme.objects.filter(pk=old.pk).exists()
    entries[3].refresh_from_db()
    assert entries[3].theme is None
    day.refresh_from_db()
    assert day.themes_found_at is not None


def test_merge_moves_every_entry_and_removes_the_theme():
    day = StreetDayFactory()
    a, b = ThemeFactory(day=day, name="Prices"), ThemeFactory(day=day)
    StreetEntryFactory.create_batch(2, day=day, theme=a, said="Food costs a lot")
    StreetEntryFactory.create_batch(3, day=day, theme=b, said="Prices are high")
    into = services.theme_merge(theme=a, into=b, by=day.facilitator)
    assert into.entries.count() == 5 and into.name == "Prices"
    assert not Theme.objects.filter(pk=a.pk).exists()
    assert "prices" in into.top_words


def test_merge_refuses_a_theme_of_another_day():
    a, b = ThemeFactory(), ThemeFactory()
    with pytest.raises(Refusal):
        services.theme_merge(theme=a, into=b, by=officer())


def test_move_and_rename():
    day = StreetDayFactory()
    a, b = ThemeFactory(day=day), ThemeFactory(day=day)
    entry = StreetEntryFactory(day=day, theme=a)
    services.entry_move(entry=entry, theme=b, by=day.facilitator)
    assert entry.theme == b
    services.theme_rename(theme=b, by=day.facilitator, name="  Cost of food ")
    b.refresh_from_db()
    assert b.name == "Cost of food"
    with pytest.raises(NotAllowed):
        services.theme_rename(theme=b, by=UserFactory(), name="Nope")


def test_themes_request_queues_after_commit(django_capture_on_commit_callbacks):
    """Asking for themes queues the task once the request's writes are kept."""
    day = StreetDayFactory()
    queued = []
    services.themes_queue_set(queued.append)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            services.themes_request(day=day, by=day.facilitator)
    finally:
        from coproduce.streettalk import tasks

        services.themes_queue_set(tasks.themes_find.enqueue)
    assert queued == [day.pk]
