import pytest
from django.contrib.auth.models import AnonymousUser

from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.errors import Refusal
from coproduce.gatherings.models import Barrier, BarrierTheme
from coproduce.gatherings.services import barriers as services
from coproduce.gatherings.services.treatments import barrier_add

from .factories import (
    BarrierFactory,
    BarrierThemeFactory,
    SetSessionFactory,
    TreatmentFactory,
    officer,
    organiser,
)

pytestmark = pytest.mark.django_db


def _treatment():
    """An accepted treatment at a session, and the session's facilitator."""
    person = organiser()
    return TreatmentFactory(event=SetSessionFactory(organisers=[person])), person


def _add(treatment, text):
    return barrier_add(treatment=treatment, by=treatment.presenter, text=text)


# Linking automatically


def test_clear_match_is_linked_to_the_library_entry():
    """A barrier "No cheap rooms to hire" joins "Lack of affordable space" unasked."""
    space = BarrierThemeFactory(name="Lack of affordable space")
    BarrierThemeFactory(name="Staff overstretched")
    treatment, _person = _treatment()
    assert _add(treatment, "No cheap rooms to hire").theme == space


def test_unclear_barrier_is_left_for_a_person():
    """A barrier sharing only part of an entry's ideas stays unlinked."""
    BarrierThemeFactory(name="Lack of affordable space")
    treatment, _person = _treatment()
    barrier = _add(treatment, "The hall has no hearing loop")
    barrier.refresh_from_db()
    assert barrier.theme is None


def test_barrier_matching_two_entries_equally_is_left_for_a_person():
    """When two entries fit equally well, the service does not guess."""
    BarrierThemeFactory(name="Venues too expensive")
    BarrierThemeFactory(name="Rooms cost too much")
    treatment, _person = _treatment()
    barrier = _add(treatment, "No cheap rooms to hire")
    barrier.refresh_from_db()
    assert barrier.theme is None


def test_empty_library_links_nothing():
    """With no entries yet, nothing is linked."""
    treatment, _person = _treatment()
    assert _add(treatment, "Fear of change").theme is None


def test_library_learns_wordings_from_barriers_linked_by_hand():
    """Once "Insurance for the hall" is linked by hand, "Hall insurance" links by itself."""
    space = BarrierThemeFactory(name="Lack of affordable space")
    treatment, person = _treatment()
    first = _add(treatment, "Insurance for the hall")
    assert first.theme is None
    services.barrier_link(barrier=first, theme=space, by=person)
    later, _other = _treatment()
    assert _add(later, "Hall insurance").theme == space


def test_library_entries_know_their_names_and_linked_wordings():
    """Each entry is known by its name and the words of every barrier linked to it."""
    space = BarrierThemeFactory(name="Lack of affordable space")
    BarrierFactory(text="Halls cost a fortune", theme=space)
    BarrierFactory(text="Unlinked barrier")
    [entry] = services.library_entries()
    assert (entry.key, sorted(entry.texts)) == (
        space.pk,
        ["Halls cost a fortune", "Lack of affordable space"],
    )


def test_suggestions_are_the_closest_entries_best_first():
    """Suggestions for a typed barrier rank entries by how close they are."""
    space = BarrierThemeFactory(name="Lack of affordable space")
    money = BarrierThemeFactory(name="No funding for cheap rooms")
    BarrierThemeFactory(name="Fear of change")
    assert [match.key for match in services.suggestions("Rooms are too expensive")] == [
        space.pk,
        money.pk,
    ]


# Linking by hand


def test_facilitator_links_a_barrier_of_their_session():
    """The session's facilitator may say which entry a barrier is."""
    theme = BarrierThemeFactory(name="Fear of change")
    treatment, person = _treatment()
    barrier = BarrierFactory(treatment=treatment, text="Managers want things as they are")
    assert services.barrier_link(barrier=barrier, theme=theme, by=person).theme == theme


def test_facilitator_unlinks_a_wrong_match():
    """Linking to no entry takes a barrier out of the library."""
    theme = BarrierThemeFactory(name="Fear of change")
    treatment, person = _treatment()
    barrier = BarrierFactory(treatment=treatment, theme=theme)
    services.barrier_link(barrier=barrier, theme=None, by=person)
    barrier.refresh_from_db()
    assert barrier.theme is None


def test_presenter_cannot_link_barriers():
    """Linking is for facilitators and officers, not the person bringing the project."""
    theme = BarrierThemeFactory(name="Fear of change")
    treatment, _person = _treatment()
    barrier = BarrierFactory(treatment=treatment)
    with pytest.raises(Refusal, match="facilitators or officers"):
        services.barrier_link(barrier=barrier, theme=theme, by=treatment.presenter)


def test_new_entry_for_a_barrier_nobody_named_before():
    """A facilitator starts a library entry and the barrier joins it."""
    treatment, person = _treatment()
    barrier = BarrierFactory(treatment=treatment, text="Parking costs at the centre")
    barrier = services.barrier_link_new(barrier=barrier, name="  Cost of   parking ", by=person)
    assert (barrier.theme.name, barrier.theme.slug) == ("Cost of parking", "cost-of-parking")


def test_new_entry_with_no_name_takes_the_barriers_words():
    """With no name given, the entry is named after the barrier."""
    treatment, person = _treatment()
    barrier = BarrierFactory(treatment=treatment, text="Cynical residents")
    assert services.barrier_link_new(barrier=barrier, name="", by=person).theme.name == (
        "Cynical residents"
    )


def test_new_entry_with_a_known_name_joins_that_entry():
    """Naming an entry that exists (in any case) links to it rather than duplicating it."""
    theme = BarrierThemeFactory(name="Fear of change")
    treatment, person = _treatment()
    barrier = BarrierFactory(treatment=treatment)
    services.barrier_link_new(barrier=barrier, name="FEAR OF CHANGE", by=person)
    assert BarrierTheme.objects.get() == theme
    barrier.refresh_from_db()
    assert barrier.theme == theme


def test_entries_with_the_same_short_name_get_different_slugs():
    """Names that differ only in punctuation get distinct web addresses."""
    by = officer()
    first = services.barrier_theme_create(name="Fear of change", by=by)
    second = services.barrier_theme_create(name="Fear of change!", by=by)
    assert (first.slug, second.slug) == ("fear-of-change", "fear-of-change-2")


def test_entry_needs_a_name():
    """A blank name is refused."""
    with pytest.raises(Refusal, match="Give the barrier a name"):
        services.barrier_theme_create(name="  ", by=officer())


# Merging


def test_merging_moves_every_link_and_removes_the_duplicate():
    """All barriers of the merged entry join the kept one, which gains its description."""
    keep = BarrierThemeFactory(name="Lack of affordable space")
    merge = BarrierThemeFactory(name="Venues cost too much", description="Halls and rooms.")
    moved = [BarrierFactory(theme=merge), BarrierFactory(theme=merge)]
    services.barrier_themes_merge(keep=keep, merge=merge, by=officer())
    assert not BarrierTheme.objects.filter(pk=merge.pk).exists()
    assert set(Barrier.objects.filter(theme=keep)) == set(moved)
    keep.refresh_from_db()
    assert keep.description == "Halls and rooms."


def test_merging_keeps_the_kept_entrys_description():
    """The kept entry's own description is not overwritten."""
    keep = BarrierThemeFactory(name="Fear of change", description="Ours.")
    merge = BarrierThemeFactory(name="Scared of new things", description="Theirs.")
    services.barrier_themes_merge(keep=keep, merge=merge, by=officer())
    keep.refresh_from_db()
    assert keep.description == "Ours."


def test_an_entry_cannot_merge_with_itself():
    """Merging an entry into itself is refused, and it survives."""
    theme = BarrierThemeFactory(name="Fear of change")
    with pytest.raises(Refusal, match="two different"):
        services.barrier_themes_merge(keep=theme, merge=theme, by=officer())
    assert BarrierTheme.objects.filter(pk=theme.pk).exists()


def test_only_officers_merge_entries():
    """A facilitator, who may link their own session's barriers, cannot merge entries."""
    keep = BarrierThemeFactory(name="Fear of change")
    merge = BarrierThemeFactory(name="Scared of new things")
    _unused, person = _treatment()
    with pytest.raises(Refusal, match="Only officers"):
        services.barrier_themes_merge(keep=keep, merge=merge, by=person)
    assert BarrierTheme.objects.count() == 2


# Who may curate


def test_officers_curate_any_barrier_and_the_library():
    """Officers may curate with or without a barrier in hand."""
    person = officer()
    assert services.can_curate(person)
    assert services.can_curate(person, BarrierFactory())


def test_facilitators_curate_only_their_own_sessions_barriers():
    """A facilitator may curate their session's barriers, not another's nor the library."""
    treatment, person = _treatment()
    assert services.can_curate(person, BarrierFactory(treatment=treatment))
    assert not services.can_curate(person, BarrierFactory())
    assert not services.can_curate(person)


@pytest.mark.parametrize("who", ["visitor", "resident", "inactive officer"])
def test_others_cannot_curate(who):
    """Visitors, residents and closed accounts cannot curate."""
    user = {
        "visitor": AnonymousUser,
        "resident": UserFactory,
        "inactive officer": lambda: officer(is_active=False),
    }[who]()
    assert not services.can_curate(user, BarrierFactory())
