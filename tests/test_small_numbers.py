"""No count of 1 to 4 people in anything public (docs/adr/0020-small-numbers.md).

A borough where one ward and one street hold exactly 3 people, who are also a group's 3
members, an event's 3 attendees and the 3 people who appreciate a project; 3 more wait for a
place at the event. They are the first rows of each kind, so the route walk
(coproduce/testing/routes.py) opens the pages about them. Every GET route is opened by a
visitor and by an ordinary resident, and no page may say "3" about people.
"""

import csv
import io
import json
import re
from html.parser import HTMLParser

import pytest
from django.test import Client
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.gatherings.services.rsvps import rsvp_join
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.groups.tests.factories import MembershipFactory, OrganisationFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.tests.factories import StreetFactory, WardFactory
from coproduce.projects.services.projects import project_appreciate
from coproduce.projects.tests.factories import owned_project
from coproduce.testing import routes

pytestmark = pytest.mark.django_db

SMALL = "3"
PEOPLE_WORDS = r"people|person|members?|residents?|attendees?|neighbours?|signed up|waiting"
# "3 people", "3 more members", "Full. 3 people waiting", "3 people appreciate this".
IN_A_SENTENCE = re.compile(
    rf"(?<![\w,.£:/-]){SMALL}\s+(?:more\s+)?(?:{PEOPLE_WORDS})\b", re.IGNORECASE
)
# A label about people, then the small number alone in the next box ("Members | 3").
AFTER_A_LABEL = re.compile(rf"(?:{PEOPLE_WORDS})[^|]{{0,40}}\|\s*{SMALL}\s*\|", re.IGNORECASE)
PEOPLE_HEADING = re.compile(rf"\b(?:{PEOPLE_WORDS})\b", re.IGNORECASE)
BOXES = {"td", "th", "dt", "dd", "li", "p", "h1", "h2", "h3", "h4", "tr", "div", "caption"}
# Pages whose data is not in the walk's routes: the map's people layer and its API.
EXTRA = (
    "/api/map/features?bbox=-1,50,1,53&zoom=12&layers=people",
    "/map/?layers=people",
)


class _Page(HTMLParser):
    """The page's words with a | between boxes, and each table's columns."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.tables: list[dict] = []
        self._cell: list[str] | None = None
        self._row: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs):
        if tag in BOXES:
            self.parts.append(" | ")
        if tag == "table":
            self.tables.append({"headers": [], "rows": []})
        elif tag == "tr":
            self._row = []
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag):
        if tag in BOXES:
            self.parts.append(" | ")
        if tag in ("td", "th") and self._cell is not None:
            self._row.append((tag, " ".join("".join(self._cell).split())))
            self._cell = None
        elif tag == "tr" and self.tables:
            table = self.tables[-1]
            if not table["headers"] and all(kind == "th" for kind, _ in self._row):
                table["headers"] = [text for _, text in self._row]
            else:
                table["rows"].append([text for _, text in self._row])

    def handle_data(self, data):
        self.parts.append(data)
        if self._cell is not None:
            self._cell.append(data)


def small_counts_in(body: str, content_type: str) -> list[str]:
    """Where a body shows exactly 3 about people: the bits of text that give it away."""
    if "json" in content_type:
        return [f"count {SMALL}"] if re.search(rf'"count":\s*{SMALL}\b', body) else []
    if "csv" in content_type:
        rows = list(csv.DictReader(io.StringIO(body.lstrip("\ufeff"))))
        return [str(row) for row in rows if row.get("count") == SMALL]
    page = _Page()
    page.feed(body)
    text = re.sub(r"(?:\s*\|\s*)+", " | ", " ".join("".join(page.parts).split()))
    found = [m.group(0) for m in IN_A_SENTENCE.finditer(text)]
    found += [m.group(0) for m in AFTER_A_LABEL.finditer(text)]
    for table in page.tables:
        columns = [i for i, h in enumerate(table["headers"]) if PEOPLE_HEADING.search(h)]
        for row in table["rows"]:
            found += [
                f"{table['headers'][i]}: {row[i]}" for i in columns if row[i : i + 1] == [SMALL]
            ]
    return found


def _body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return getattr(response, "content", b"").decode("utf-8", "replace")


def _borough_of_threes():
    """Smallfield ward and Tiny Lane: 3 people, who are also a group, attendees, fans."""
    ward = WardFactory(name="Smallfield", centre_latitude=51.5, centre_longitude=-0.1)
    street = StreetFactory(name="Tiny Lane", ward=ward)
    three = [ProfileFactory(street=street, ward=ward, show_on_map=True).user for _ in range(3)]
    group = OrganisationFactory(name="Three Friends", ward=ward)
    for user in three:
        MembershipFactory(organisation=group, user=user)
    event = EventFactory(capacity=3)
    for user in three:
        rsvp_join(event=event, user=user)
    for _ in range(3):
        rsvp_join(event=event, user=UserFactory())
    project = owned_project(ward=ward)
    for user in three:
        project_appreciate(user=user, project=project)
    return {"ward": ward, "group": group, "event": event, "project": project}


def _walk(client: Client) -> dict[str, list[str]]:
    shown = {}
    urls = [routes.url(route) for route, _pattern in routes.routes()] + list(EXTRA)
    for url in urls:
        response = client.get(url)
        found = small_counts_in(_body(response), response.get("Content-Type", ""))
        if found:
            shown[url] = found
    return shown


def test_no_page_shows_a_count_of_3_people_to_a_visitor():
    """Every GET route, opened by a visitor, never says 3 about people."""
    _borough_of_threes()
    assert _walk(Client(raise_request_exception=False)) == {}


def test_no_page_shows_a_count_of_3_people_to_a_resident():
    """Every GET route, opened by an ordinary resident elsewhere, never says 3 about people."""
    _borough_of_threes()
    client = Client(raise_request_exception=False)
    client.force_login(ProfileFactory().user)
    assert _walk(client) == {}


def test_the_pages_that_count_people_say_fewer_than_5(client):
    """The ward list, ward page, group list and page, event, project and map say so."""
    made = _borough_of_threes()
    pages = [
        reverse("site:ward_list"),
        reverse("site:ward_detail", args=[made["ward"].slug]),
        reverse("groups:list"),
        reverse("groups:detail", args=[made["group"].slug]),
        reverse("gatherings:event", args=[made["event"].pk]),
        reverse("projects:detail", args=[made["project"].pk]),
        reverse("maps:map") + "?layers=people",
    ]
    for page in pages:
        assert "fewer than 5" in client.get(page).content.decode(), page


def test_the_home_page_says_fewer_than_5_people_signed_up(client):
    """A borough of 3 people: the home page says fewer than 5 signed up."""
    ward = WardFactory()
    ProfileFactory.create_batch(3, ward=ward, street=None)
    body = client.get(reverse("site:home")).content.decode()
    assert small_counts_in(body, "text/html") == []
    assert "fewer than 5" in body


def test_the_people_by_ward_file_and_the_api_say_fewer_than_5(client):
    """The open-data CSV and the map API never give 1 to 4 as a number."""
    _borough_of_threes()
    response = client.get(reverse("opendata:people_by_ward_csv"))
    assert "Smallfield,fewer than 5" in _body(response)
    data = json.loads(client.get(EXTRA[0]).content)
    [smallfield] = [f for f in data["features"] if f["properties"]["ward"] == "Smallfield"]
    assert smallfield["properties"]["count"] is None
    assert smallfield["properties"]["fewer_than_5"] is True


@pytest.mark.parametrize(
    ("body", "content_type"),
    [
        ("<p>3 people signed up</p>", "text/html"),
        ("<dl><dt>Members</dt><dd>3</dd></dl>", "text/html"),
        (
            "<table><tr><th>Ward</th><th>People signed up</th></tr>"
            "<tr><th>Smallfield</th><td>3</td></tr></table>",
            "text/html",
        ),
        ("<p>Full. 3 people waiting.</p>", "text/html"),
        ('{"features": [{"properties": {"layer": "people", "count": 3}}]}', "application/json"),
        ("\ufeffward,count\r\nSmallfield,3\r\n", "text/csv"),
    ],
)
def test_the_walk_would_catch_a_small_count(body, content_type):
    """The check can fail: each way a page could show 3 people is caught."""
    assert small_counts_in(body, content_type)


def test_the_walk_does_not_catch_other_numbers():
    """Numbers that are not 3 people (streets, 13 people, fewer than 5) pass."""
    body = (
        "<dl><dt>Streets</dt><dd>3</dd><dt>People signed up</dt><dd>fewer than 5</dd></dl>"
        "<p>13 people came. 3 places left.</p>"
    )
    assert small_counts_in(body, "text/html") == []
