import pytest
from django.db import connection, transaction

from coproduce.projects.tests.factories import ProjectFactory
from coproduce.search.indexing import index_rebuild, index_tidy
from coproduce.search.models import SearchEntry


@pytest.mark.django_db(transaction=True)
def test_tidying_after_a_rebuild_vacuums_on_postgresql_only():
    """Outside a transaction the rebuilt index is vacuumed on PostgreSQL (SQLite needs none)."""
    ProjectFactory(title="Canal clean-up")
    index_rebuild()
    assert index_tidy() is (connection.vendor == "postgresql")
    assert SearchEntry.objects.filter(kind="projects").count() == 1


@pytest.mark.django_db
def test_tidying_inside_a_transaction_leaves_it_to_autovacuum():
    """VACUUM cannot run in a transaction, so there tidying is skipped, not an error."""
    with transaction.atomic():
        index_rebuild()
        assert index_tidy() is False
