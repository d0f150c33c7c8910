import pytest

from coproduce.directory.tests.factories import ServiceFactory
from coproduce.places.tests.factories import PlaceFactory
from coproduce.projects.tests.factories import ProjectFactory
from coproduce.search.models import SearchEntry
from coproduce.search.selectors import search
from coproduce.search.text import read_question

pytestmark = pytest.mark.django_db


def titles(q: str) -> list[str]:
    return [h.title for g in search(read_question(q)).groups for h in g.hits]


def test_a_new_thing_is_found_once_saved(django_capture_on_commit_callbacks):
    """Saving a thing indexes it after the change commits."""
    with django_capture_on_commit_callbacks(execute=True):
        PlaceFactory(name="Boathouse", description="Kayaks to borrow")
    assert titles("kayaks") == ["Boathouse"]


def test_a_change_is_found_and_old_words_are_not(django_capture_on_commit_callbacks):
    """Changed words replace the old ones in the index."""
    with django_capture_on_commit_callbacks(execute=True):
        project = ProjectFactory(title="Pond dipping")
    project.title = "Bat walk"
    with django_capture_on_commit_callbacks(execute=True):
        project.save()
    assert titles("pond") == []
    assert titles("bat") == ["Bat walk"]


def test_a_deleted_thing_leaves_the_index(django_capture_on_commit_callbacks):
    """Deleting a thing takes it out of the index."""
    with django_capture_on_commit_callbacks(execute=True):
        place = PlaceFactory(name="Bandstand")
    with django_capture_on_commit_callbacks(execute=True):
        place.delete()
    assert not SearchEntry.objects.filter(kind="places").exists()
    assert titles("bandstand") == []


def test_renaming_a_group_reindexes_its_services(django_capture_on_commit_callbacks):
    """A service is found by its group's name, also after the group is renamed."""
    with django_capture_on_commit_callbacks(execute=True):
        service = ServiceFactory(name="Drop-in", description="")
    organisation = service.organisation
    organisation.name = "Riverside Trust"
    with django_capture_on_commit_callbacks(execute=True):
        organisation.save()
    assert "Drop-in" in titles("riverside")


def test_a_failed_index_write_never_fails_the_change(
    monkeypatch, django_capture_on_commit_callbacks
):
    """If indexing fails, the saved change stands and no error reaches the person."""
    from django.db import DatabaseError

    from coproduce.search import indexing

    def broken(**kwargs):
        raise DatabaseError("disk full")

    monkeypatch.setattr(indexing, "entry_put", broken)
    with django_capture_on_commit_callbacks(execute=True):
        project = ProjectFactory(title="Saved anyway")
    assert type(project).objects.filter(pk=project.pk).exists()
    assert not SearchEntry.objects.exists()
