"""Reads of mailing: who must not be mailed, asked on its own or inside another query."""

import pytest
from django.db import connection

from coproduce.mailing.models import SuppressedAddress
from coproduce.mailing.selectors import is_suppressed, suppressed_sql

pytestmark = pytest.mark.django_db


def _asked_in_sql(address: str) -> bool:
    sql, params = suppressed_sql(address)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {sql}", params)
        return bool(cursor.fetchone()[0])


@pytest.mark.parametrize(
    ("address", "suppressed"),
    [
        ("ada@example.org", True),
        ("  Ada@EXAMPLE.org ", True),
        ("bob@example.org", False),
        ("", False),
        ("not an address", False),
    ],
)
def test_the_written_out_question_agrees_with_is_suppressed(address, suppressed):
    SuppressedAddress.objects.create(address="ada@example.org", reason="complaint")
    assert is_suppressed(address) is suppressed
    assert _asked_in_sql(address) is suppressed


def test_an_empty_address_is_never_suppressed_even_by_an_empty_row():
    SuppressedAddress.objects.create(address="", reason="complaint")
    for address in ("", "   ", "not an address"):
        assert is_suppressed(address) is False
        assert _asked_in_sql(address) is False
