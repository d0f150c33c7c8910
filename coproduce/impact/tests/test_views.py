import csv
import html
import io
import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.impact.figures import SLUGS
from coproduce.insights.tests.factories import officer
from coproduce.places.tests.factories import WardFactory

from .builders import build

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def _section(page: str, slug: str) -> str:
    start = page.index(f'id="{slug}"')
    return page[start : page.index("</section>", start)]


def _chart(page: str, slug: str) -> list[tuple[str, str]]:
    """(label, shown) of each column: its texts come as the number, then the label."""
    section = _section(page, slug)
    svg = section[section.index("<svg") : section.index("</svg>")]
    texts = [html.unescape(t) for t in re.findall(r"<text[^>]*>([^<]*)</text>", svg)]
    return list(zip(texts[1::2], texts[0::2], strict=True))


def _table(page: str, slug: str) -> list[tuple[str, str]]:
    section = _section(page, slug)
    body = section[section.index("<tbody") : section.index("</tbody>")]
    return [
        (html.unescape(label), html.unescape(shown))
        for label, shown in re.findall(r"<th[^>]*>([^<]*)</th><td[^>]*>([^<]*)</td>", body)
    ]


def _csv(client, url: str) -> list[tuple[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    return [tuple(row) for row in rows[1:]]


def _agree(client, page_url: str, csv_url) -> None:
    page = client.get(page_url).content.decode()
    for slug in SLUGS:
        chart, table = _chart(page, slug), _table(page, slug)
        assert table, slug
        assert [shown for _l, shown in chart] == [shown for _l, shown in table], slug
        for (chart_label, _s), (table_label, _t) in zip(chart, table, strict=True):
            assert table_label.startswith(chart_label.rstrip("…")), slug
        assert _csv(client, csv_url(slug)) == table, slug


def test_public_chart_table_and_csv_agree_and_hide_small_numbers(client):
    built = build(people=6)
    ward = built.ward.pk
    _agree(
        client,
        reverse("impact:ward", args=[ward]),
        lambda slug: reverse("impact:ward_csv", args=[ward, slug]),
    )
    _agree(
        client, reverse("impact:borough"), lambda slug: reverse("impact:borough_csv", args=[slug])
    )
    page = client.get(reverse("impact:ward", args=[ward])).content.decode()
    # 2 actions done and 3 items shared: small, so hidden in public.
    assert ("Actions done", "fewer than 5") in _table(page, "learning")
    assert "fewer than 5" in [shown for _l, shown in _table(page, "items")]
    assert ("Happening", "fewer than 5") in _table(page, "projects")
    assert "6" in [shown for _l, shown in _table(page, "taking-part")]


def test_officers_see_exact_counts_but_not_small_counts_of_people(client):
    built = build(people=6)
    client.force_login(officer())
    ward = built.ward.pk
    _agree(
        client,
        reverse("impact:officer_ward", args=[ward]),
        lambda slug: reverse("impact:officer_ward_csv", args=[ward, slug]),
    )
    page = client.get(reverse("impact:officer_ward", args=[ward])).content.decode()
    assert ("Actions done", "2") in _table(page, "learning")
    assert ("Happening", "1") in _table(page, "projects")
    assert "1.5" in [shown for _l, shown in _table(page, "hours")]
    # People who came: 5, shown; in the other ward, 1 person came: hidden even to officers.
    assert "5" in [shown for _l, shown in _table(page, "attendance")]
    other = client.get(reverse("impact:officer_ward", args=[built.other.pk])).content.decode()
    assert "fewer than 5" in [shown for _l, shown in _table(other, "attendance")]
    assert "1" not in [shown for _l, shown in _table(other, "attendance")]


@pytest.mark.parametrize(
    "name,args",
    [
        ("impact:officer_borough", []),
        ("impact:officer_ward", ["ward"]),
        ("impact:officer_borough_csv", ["hours"]),
        ("impact:officer_ward_csv", ["ward", "hours"]),
    ],
)
def test_officer_pages_are_refused_to_residents_and_visitors(client, name, args):
    ward = WardFactory()
    url = reverse(name, args=[ward.pk if a == "ward" else a for a in args])
    assert client.get(url).status_code == 302  # to sign in
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(officer())
    assert client.get(url).status_code == 200


@pytest.mark.parametrize(
    "name,args",
    [
        ("impact:borough", []),
        ("impact:ward", ["ward"]),
        ("impact:borough_csv", ["taking-part"]),
        ("impact:ward_csv", ["ward", "feedback"]),
    ],
)
def test_public_pages_are_open_to_everyone(client, name, args):
    ward = WardFactory()
    url = reverse(name, args=[ward.pk if a == "ward" else a for a in args])
    assert client.get(url).status_code == 200
    client.force_login(UserFactory())
    assert client.get(url).status_code == 200


def test_an_unknown_figure_or_ward_is_not_found(client):
    assert client.get(reverse("impact:borough_csv", args=["no-such-thing"])).status_code == 404
    assert client.get(reverse("impact:ward", args=[999_999])).status_code == 404


def test_a_warm_page_reads_the_cache_not_the_tables(
    client, settings, django_assert_max_num_queries
):
    # The tests' settings have no cache; the site has a shared one.
    settings.CACHES = {
        **settings.CACHES,
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    }
    built = build(people=6)
    url = reverse("impact:ward", args=[built.ward.pk])
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    assert len(cold) <= 15  # one grouped query a figure, and the ward and its list
    with django_assert_max_num_queries(2):  # the ward and the list of wards
        client.get(url)
    client.force_login(officer())
    officer_url = reverse("impact:officer_borough")
    client.get(officer_url)
    with django_assert_max_num_queries(6):  # the session, the user, permissions, notices
        client.get(officer_url)


def test_the_home_page_links_to_the_public_page_and_insights_to_the_officers_page(client):
    home = client.get(reverse("site:home")).content.decode()
    assert f'href="{reverse("impact:borough")}"' in home
    assert reverse("impact:officer_borough") not in home
    client.force_login(officer())
    insights = client.get(reverse("insights:overview")).content.decode()
    assert f'href="{reverse("impact:officer_borough")}"' in insights
