"""A paginator told its total does not count the list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from coproduce.accounts.models import User
from coproduce.accounts.tests.factories import UserFactory
from coproduce.common.pagination import KnownCountPaginator


@pytest.mark.django_db
def test_known_count_is_used_and_not_queried():
    """Pages come from the total given; only the page's rows are read."""
    UserFactory.create_batch(3)
    paginator = KnownCountPaginator(User.objects.order_by("pk"), 2, count=3)
    with CaptureQueriesContext(connection) as queries:
        page = paginator.get_page(2)
        rows = list(page.object_list)
    assert paginator.num_pages == 2
    assert len(rows) == 1
    assert len(queries) == 1
