from datetime import timedelta

import pytest
from django.utils import timezone

from coproduce.directory.tests.factories import ServiceFactory
from coproduce.gatherings.tests.factories import BarrierThemeFactory, EventFactory
from coproduce.groups.tests.factories import OrganisationFactory
from coproduce.places.tests.factories import PlaceFactory
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.search.indexing import index_rebuild
from coproduce.search.kinds import BY_KEY
from coproduce.search.models import SearchEntry
from coproduce.search.selectors import FIRST_LOOK, PAGE_SIZE, search
from coproduce.search.text import read_question
from coproduce.sharing.models import Item
from coproduce.sharing.tests.factories import ItemFactory, OpportunityFactory

pytestmark = pytest.mark.django_db


def found(q: str, kind: str | None = None, page: int = 1) -> dict[str, list[str]]:
    results = search(read_question(q), kind=BY_KEY[kind] if kind else None, page=page)
    return {g.kind.key: [h.title for h in g.hits] for g in results.groups}


def test_finds_a_project_by_words_from_its_description():
    """A project is found by a word only in its description."""
    ProjectFactory(title="Tidy up", description="Planting marigolds along the canal towpath")
    index_rebuild()
    assert found("marigolds")["projects"] == ["Tidy up"]


def test_finds_an_event_by_words_from_its_description():
    """An event is found by words from its description."""
    EventFactory(title="Saturday session", description="Bring your bicycle for a free repair")
    index_rebuild()
    assert found("bicycle repair")["events"] == ["Saturday session"]


def test_finds_a_place_by_words_from_its_description():
    """A place is found by words from its description."""
    PlaceFactory(name="Old library", description="Bright hall with a sprung dance floor")
    index_rebuild()
    assert found("sprung floor")["places"] == ["Old library"]


def test_finds_a_service_by_words_from_its_description():
    """A service is found by words from its description."""
    ServiceFactory(name="Warm Welcome", description="Hot soup and company every weekday")
    index_rebuild()
    assert found("soup")["services"] == ["Warm Welcome"]


def test_finds_groups_items_funding_and_barriers():
    """Every other kind is found too, each in its own group."""
    OrganisationFactory(name="Quilters", description="We sew patchwork together")
    ItemFactory(title="Sewing machine", description="Works well, patchwork foot included")
    OpportunityFactory(title="Craft fund", what_it_funds="Patchwork and textile projects")
    BarrierThemeFactory(name="No patchwork space", description="Nowhere to lay out quilts")
    index_rebuild()
    got = found("patchwork")
    assert got["groups"] == ["Quilters"]
    assert got["items"] == ["Sewing machine"]
    assert got["funding"] == ["Craft fund"]
    assert got["barriers"] == ["No patchwork space"]


def test_a_word_finds_longer_words_it_starts():
    """ "garden" finds "gardening"; accents and case do not matter."""
    ProjectFactory(title="Café gardening club", description="")
    index_rebuild()
    assert found("CAFE garden")["projects"] == ["Café gardening club"]


def test_every_word_must_match():
    """Two words find only what has both."""
    ProjectFactory(title="Apple orchard", description="")
    ProjectFactory(title="Apple pressing", description="")
    index_rebuild()
    assert found("apple orchard")["projects"] == ["Apple orchard"]


def test_quotes_ask_for_the_words_together():
    """A quoted phrase finds the words together and in order only."""
    ProjectFactory(title="Green roof", description="")
    ProjectFactory(title="Roof that is green", description="")
    index_rebuild()
    assert found('"green roof"')["projects"] == ["Green roof"]
    assert sorted(found("green roof")["projects"]) == ["Green roof", "Roof that is green"]


# Ranking -----------------------------------------------------------------------------------


def _aged(project, days: int):
    type(project).objects.filter(pk=project.pk).update(
        updated_at=timezone.now() - timedelta(days=days)
    )


def test_ranking_title_phrase_then_title_words_then_text_phrase_then_text():
    """Title phrase beats title words, which beat a text phrase, which beats words in text."""
    words_in_text = ProjectFactory(title="D", summary="x", description="market for the street")
    phrase_in_text = ProjectFactory(title="C", summary="x", description="a street market soon")
    words_in_title = ProjectFactory(title="B market on our street", description="")
    phrase_in_title = ProjectFactory(title="A street market", description="")
    # The best is also the oldest: the tier wins over recency.
    for days, project in enumerate(
        [words_in_text, phrase_in_text, words_in_title, phrase_in_title]
    ):
        _aged(project, days)
    index_rebuild()
    assert found("street market")["projects"] == [
        "A street market",
        "B market on our street",
        "C",
        "D",
    ]


def test_ties_go_to_the_most_recently_changed():
    """Within a tier, the most recently changed comes first."""
    old = ProjectFactory(title="Litter pick old", description="")
    new = ProjectFactory(title="Litter pick new", description="")
    _aged(old, 30)
    _aged(new, 1)
    index_rebuild()
    assert found("litter")["projects"] == ["Litter pick new", "Litter pick old"]


# Never a hidden thing -----------------------------------------------------------------------


def test_never_a_hidden_project_not_even_counted():
    """A project a moderator hid is neither shown nor counted."""
    ProjectFactory(title="Secret allotment", is_hidden=True)
    ProjectFactory(title="Open allotment")
    index_rebuild()
    results = search(read_question("allotment"))
    assert [h.title for g in results.groups for h in g.hits] == ["Open allotment"]
    assert results.total == 1


def test_never_an_unlisted_place():
    """A place hidden from the map is never found."""
    PlaceFactory(name="Fly-tipped alley", description="rubbish", is_listed=False)
    index_rebuild()
    assert search(read_question("rubbish")).total == 0


def test_never_an_unlisted_group():
    """A group not shown to the public is never found."""
    OrganisationFactory(name="Private circle", description="knitting", is_listed=False)
    index_rebuild()
    assert search(read_question("knitting")).total == 0


def test_never_an_unlisted_or_stopped_service():
    """Hidden services, services of hidden groups and stopped services are never found."""
    ServiceFactory(name="Hidden", description="benefits advice", is_listed=False)
    ServiceFactory(
        name="Of a hidden group",
        description="benefits advice",
        organisation=OrganisationFactory(is_listed=False),
    )
    ServiceFactory(name="Stopped", description="benefits advice", status="defunct")
    index_rebuild()
    assert search(read_question("benefits")).total == 0


def test_never_a_withdrawn_or_collected_item():
    """Withdrawn and collected items are never found; available ones are."""
    ItemFactory(title="Withdrawn ladder", status=Item.Status.WITHDRAWN)
    ItemFactory(title="Collected ladder", status=Item.Status.COLLECTED)
    ItemFactory(title="Available ladder")
    index_rebuild()
    assert found("ladder") == {"items": ["Available ladder"]}


def test_hidden_after_indexing_is_not_shown():
    """Visibility is checked when searching, so hiding needs no reindexing."""
    project = ProjectFactory(title="Bee hotel")
    index_rebuild()
    type(project).objects.filter(pk=project.pk).update(is_hidden=True)
    assert search(read_question("bee")).total == 0


def test_where_to_collect_is_not_searchable():
    """An item's collection address is never indexed."""
    ItemFactory(title="Desk", where_to_collect="Flat 3, 12 Acacia Avenue")
    index_rebuild()
    assert search(read_question("acacia")).total == 0


# Grouping and pages ----------------------------------------------------------------------


def test_first_look_shows_a_few_of_each_kind_with_the_full_count():
    """The first page shows a few of each kind and counts them all."""
    for n in range(FIRST_LOOK + 3):
        ProjectFactory(title=f"Repair cafe {n}")
    EventFactory(title="Repair cafe night")
    index_rebuild()
    results = search(read_question("repair"))
    projects, events = results.groups
    assert (projects.kind.key, projects.total, len(projects.hits)) == ("projects", 8, FIRST_LOOK)
    assert (events.kind.key, events.total, len(events.hits)) == ("events", 1, 1)
    assert results.total == 9


def test_one_kind_a_page_at_a_time_keeps_other_counts():
    """Looking at one kind pages through it and still counts the others."""
    for n in range(PAGE_SIZE + 2):
        ProjectFactory(title=f"Mural {n}")
    EventFactory(title="Mural walk")
    index_rebuild()
    first = search(read_question("mural"), kind=BY_KEY["projects"])
    second = search(read_question("mural"), kind=BY_KEY["projects"], page=2)
    assert (first.pages, len(first.groups[0].hits), len(second.groups[0].hits)) == (2, 20, 2)
    assert [(g.kind.key, g.total, len(g.hits)) for g in second.groups] == [
        ("projects", 22, 2),
        ("events", 1, 0),
    ]
    titles = {h.title for h in first.groups[0].hits} | {h.title for h in second.groups[0].hits}
    assert len(titles) == 22


# Odd input ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "q", ['"', "AND (", "*", "NEAR(a b)", "title:x", "'; DROP TABLE x; --", "^a", "a OR", ")("]
)
def test_query_syntax_from_people_is_only_words(q):
    """FTS5 and tsquery syntax typed by people is read as words, never as syntax."""
    ProjectFactory(title="Drop in and chat")
    index_rebuild()
    search(read_question(q))  # no error


def test_operators_are_words():
    """ "and" is a word to find, not an operator."""
    ProjectFactory(title="Fish and chips night")
    index_rebuild()
    assert found("AND")["projects"] == ["Fish and chips night"]


def test_rebuild_indexes_every_kind():
    """search_rebuild indexes every kind and replaces what was there."""
    ProjectFactory()
    PlaceFactory()
    counts = index_rebuild()
    assert counts["projects"] == 1 and counts["places"] >= 1
    index_rebuild()
    assert SearchEntry.objects.filter(kind="projects").count() == 1


def _moderator_hides(kind: str, thing) -> None:
    from coproduce.discussion.models import HiddenThing

    HiddenThing.objects.create(kind=kind, target_id=thing.pk, reason="Reported and checked")


def test_never_an_event_a_moderator_hid():
    """An event hidden after a report is neither shown nor counted."""
    hidden = EventFactory(title="Rave in the park")
    EventFactory(title="Picnic in the park")
    index_rebuild()
    _moderator_hides("event", hidden)
    assert found("park") == {"events": ["Picnic in the park"]}


def test_never_an_item_a_moderator_hid():
    """An item hidden after a report is neither shown nor counted."""
    hidden = ItemFactory(title="Dodgy scooter")
    index_rebuild()
    _moderator_hides("item", hidden)
    assert search(read_question("scooter")).total == 0
