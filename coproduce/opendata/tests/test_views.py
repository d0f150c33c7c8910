import csv
import io
import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.models import Place

from .factories import PlaceFactory, WardFactory

pytestmark = pytest.mark.django_db

EXPORTS = ("opendata:places_geojson", "opendata:places_csv", "opendata:people_by_ward_csv")


def _body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def _geojson(client, **params):
    response = client.get(reverse("opendata:places_geojson"), params)
    assert response.status_code == 200
    return json.loads(_body(response))


def _csv_rows(client, name="opendata:places_csv", **params):
    response = client.get(reverse(name), params)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(_body(response).removeprefix("\ufeff"))))


@pytest.fixture
def borough():
    """A small borough: a building with rooms, a park, and things that must not show."""
    north = WardFactory(name="North", slug="north")
    south = WardFactory(name="South", slug="south")
    owner = UserFactory(email="owner-secret@example.org", display_name="Zebedee Secretname")
    hall = PlaceFactory(
        name="Town Hall",
        ward=north,
        kind="building",
        step_free=True,
        address="1 High Street",
        postcode="NB1 2AA",
        facilities=["Kitchen", "Toilets"],
        accessibility=["Hearing loop"],
        opening_hours=[{"day": 0, "opens": "09:00", "closes": "17:00"}],
        latitude=51.512345678,
        longitude=-0.123456789,
        added_by=owner,
    )
    PlaceFactory(name="Council Chamber", ward=north, kind="room", building=hall, step_free=True)
    PlaceFactory(name="Basement", ward=north, kind="room", building=hall, step_free=False)
    PlaceFactory(name="Secret Store", ward=north, kind="room", building=hall, is_listed=False)
    PlaceFactory(name="Oak Park", ward=south, kind="green_space", description="Big oak trees.")
    hidden = PlaceFactory(name="Hidden House", ward=south, is_listed=False)
    PlaceFactory(name="Room In Hidden House", ward=south, kind="room", building=hidden)
    return {"north": north, "south": south, "hall": hall, "owner": owner}


@pytest.mark.parametrize("name", ["opendata:index", *EXPORTS])
def test_anyone_may_see_the_open_data_pages(client, borough, name):
    """Open data is public: visitors get every page and download."""
    assert client.get(reverse(name)).status_code == 200


@pytest.mark.parametrize("name", ["opendata:index", *EXPORTS])
def test_signed_in_people_see_the_same_pages(client, borough, name):
    """Signing in, even as an officer, changes nothing: there is nothing more to see."""
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    response = client.get(reverse(name))
    assert response.status_code == 200
    if name != "opendata:index":
        assert _body(response) == _body(client.get(reverse(name)))


@pytest.mark.parametrize("name", ["opendata:index", *EXPORTS])
def test_nobody_may_post_to_open_data(client, borough, name):
    """The pages only read: POST is refused."""
    assert client.post(reverse(name)).status_code == 405


def test_index_lists_each_download_and_the_licence(client):
    """The page links every download and names the Open Government Licence."""
    response = client.get(reverse("opendata:index"))
    html = response.content.decode()
    for name in EXPORTS:
        assert f'href="{reverse(name)}"' in html
    assert "Open Government Licence v3.0" in html
    assert "open-government-licence/version/3/" in html


def test_geojson_is_an_rfc7946_feature_collection(client, borough):
    """Places come as Point features, longitude first, with their details and page address."""
    response = client.get(reverse("opendata:places_geojson"))
    assert response["Content-Type"].startswith("application/geo+json")
    data = json.loads(_body(response))
    assert data["type"] == "FeatureCollection"
    hall = next(f for f in data["features"] if f["properties"]["name"] == "Town Hall")
    assert hall["type"] == "Feature"
    assert hall["geometry"] == {"type": "Point", "coordinates": [-0.123457, 51.512346]}
    assert hall["properties"] == {
        "id": borough["hall"].pk,
        "name": "Town Hall",
        "kind": "building",
        "description": "",
        "address": "1 High Street",
        "postcode": "NB1 2AA",
        "ward": "North",
        "owner": "unknown",
        "step_free": True,
        "facilities": ["Kitchen", "Toilets"],
        "accessibility": ["Hearing loop"],
        "opening_hours": [{"day": 0, "opens": "09:00", "closes": "17:00"}],
        "building": None,
        "url": f"http://testserver/places/{borough['hall'].pk}/",
    }


def test_rooms_come_with_their_buildings_id(client, borough):
    """Listed rooms are included and point at their building."""
    data = _geojson(client)
    rooms = {
        f["properties"]["name"]: f["properties"]["building"]
        for f in data["features"]
        if f["properties"]["kind"] == "room"
    }
    assert rooms == {"Council Chamber": borough["hall"].pk, "Basement": borough["hall"].pk}


def test_hidden_places_and_their_rooms_never_appear(client, borough):
    """Places hidden from the map, and rooms in them, are in no export."""
    for text in (_body(client.get(reverse(name))) for name in EXPORTS[:2]):
        assert "Hidden House" not in text
        assert "Secret Store" not in text
        assert "Room In Hidden House" not in text


def test_exports_take_the_maps_filters(client, borough):
    """kind, ward, step_free and q narrow the exports as they narrow the map."""
    names = lambda **params: sorted(  # noqa: E731
        f["properties"]["name"] for f in _geojson(client, **params)["features"]
    )
    assert names(kind="green_space") == ["Oak Park"]
    assert names(ward="north") == ["Basement", "Council Chamber", "Town Hall"]
    assert names(step_free="1") == ["Council Chamber", "Town Hall"]
    assert names(q="oak") == ["Oak Park"]
    assert [r["name"] for r in _csv_rows(client, ward="south")] == ["Oak Park"]


@pytest.mark.parametrize("name", EXPORTS[:2])
@pytest.mark.parametrize(
    ("params", "message"),
    [({"kind": "castle"}, "Unknown kind castle"), ({"ward": "atlantis"}, "no ward called")],
)
def test_a_bad_filter_is_a_400_with_a_plain_explanation(client, name, params, message):
    """A filter that cannot be used gets 400 and a plain-text reason, not a 500."""
    response = client.get(reverse(name), params)
    assert response.status_code == 400
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert message in response.content.decode()


def test_csv_has_the_importers_columns_and_a_byte_order_mark(client, borough):
    """The CSV starts with a BOM for spreadsheets and uses the import's column names."""
    response = client.get(reverse("opendata:places_csv"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="places.csv"' in response["Content-Disposition"]
    body = _body(response)
    assert body.startswith("\ufeffname,kind,description,address,postcode,ward,latitude,")
    hall = next(r for r in _csv_rows(client) if r["name"] == "Town Hall")
    assert hall["facilities"] == "Kitchen | Toilets"
    assert hall["opening_hours"] == "Mon 09:00-17:00"
    assert hall["step_free"] == "yes"
    basement = next(r for r in _csv_rows(client) if r["name"] == "Basement")
    assert basement["building"] == "Town Hall"


def test_csv_cells_that_look_like_formulas_are_defused(client):
    """A name starting with = is exported with a ' so a spreadsheet does not run it."""
    PlaceFactory(name='=HYPERLINK("http://evil.invalid","Click")')
    [row] = _csv_rows(client)
    assert row["name"].startswith("'=")


def test_an_export_imports_back_as_the_same_places(client, borough, tmp_path):
    """Round trip: the CSV export, imported into an empty map, makes the same places."""
    fields = ["name", "kind", "description", "address", "postcode", "latitude", "longitude"]
    fields += ["owner", "step_free", "facilities", "accessibility", "opening_hours"]
    fields += ["ward__name", "building__name"]
    shown = Place.objects.filter(is_listed=True).exclude(building__is_listed=False)
    before = list(shown.order_by("name").values(*fields))
    path = tmp_path / "export.csv"
    path.write_bytes(b"".join(client.get(reverse("opendata:places_csv")).streaming_content))
    Place.objects.all().delete()
    call_command("import_places", str(path), "--no-progress", stdout=StringIO(), stderr=StringIO())
    after = list(Place.objects.order_by("name").values(*fields))
    assert after == before


def test_reimporting_an_export_changes_nothing(client, borough, tmp_path):
    """Importing an export over the same data only updates: no duplicates."""
    count = Place.objects.count()
    path = tmp_path / "export.csv"
    path.write_bytes(b"".join(client.get(reverse("opendata:places_csv")).streaming_content))
    out = StringIO()
    call_command("import_places", str(path), "--no-progress", stdout=out, stderr=StringIO())
    assert "0 added, 0 updated, 4 unchanged" in out.getvalue()
    assert Place.objects.count() == count


def test_people_by_ward_counts_only_those_who_chose_to_be_counted(client, borough):
    """Only people with show_on_map and an active account are counted, by ward."""
    for _ in range(5):
        ProfileFactory(ward=borough["north"], street__ward=borough["north"], show_on_map=True)
    ProfileFactory(ward=borough["north"], street__ward=borough["north"], show_on_map=False)
    ProfileFactory(
        ward=borough["south"],
        street__ward=borough["south"],
        show_on_map=True,
        user__is_active=False,
    )
    rows = _csv_rows(client, "opendata:people_by_ward_csv")
    assert rows == [{"ward": "North", "count": "5"}, {"ward": "South", "count": "0"}]


def test_people_by_ward_says_fewer_than_5_for_1_to_4_people(client, borough):
    """A ward with 1 to 4 people counted says "fewer than 5", never the number."""
    for _ in range(3):
        ProfileFactory(ward=borough["north"], street__ward=borough["north"], show_on_map=True)
    rows = _csv_rows(client, "opendata:people_by_ward_csv")
    assert rows == [{"ward": "North", "count": "fewer than 5"}, {"ward": "South", "count": "0"}]


def test_no_personal_data_in_any_export(client, borough):
    """Emails, names, user ids and people's words never appear in any export."""
    ProfileFactory(
        ward=borough["north"],
        street__ward=borough["north"],
        street__name="Privet Drive",
        show_on_map=True,
        user__email="resident-secret@example.org",
        user__display_name="Hermione Uniquename",
        what_i_can_do="I mend bicycles quietly",
    )
    bodies = [_body(client.get(reverse(name))) for name in EXPORTS]
    geojson = json.loads(bodies[0])
    allowed = {"id", "name", "kind", "description", "address", "postcode", "ward", "owner"}
    allowed |= {"step_free", "facilities", "accessibility", "opening_hours", "building", "url"}
    assert all(set(f["properties"]) == allowed for f in geojson["features"])
    for body in bodies:
        for secret in (
            "owner-secret@example.org",
            "Zebedee Secretname",
            "resident-secret@example.org",
            "Hermione Uniquename",
            "Privet Drive",
            "I mend bicycles",
            "added_by",
            "email",
            "user",
            "@",
        ):
            assert secret not in body, secret


def test_exports_take_the_same_number_of_queries_however_many_places(
    client, borough, django_assert_num_queries
):
    """No query per place: the export reads in chunks, not row by row."""
    with django_assert_num_queries(1):
        _body(client.get(reverse("opendata:places_geojson")))
    for number in range(30):
        PlaceFactory(name=f"Extra {number}", ward=borough["south"])
    with django_assert_num_queries(1):
        data = _geojson(client)
    assert len(data["features"]) == 34


def test_exports_are_streamed(client, borough):
    """The place exports stream, so large boroughs are not held in memory whole."""
    for name in EXPORTS[:2]:
        response = client.get(reverse(name))
        assert response.streaming
        assert response["Access-Control-Allow-Origin"] == "*"


def test_index_form_chooses_places_with_the_maps_filters(client, borough):
    """The page's form sends the map's filters to either download."""
    html = client.get(reverse("opendata:index")).content.decode()
    assert f'action="{reverse("opendata:places_csv")}"' in html
    assert f'formaction="{reverse("opendata:places_geojson")}"' in html
    for control in ('name="kind"', 'name="ward"', 'name="step_free"', 'name="q"'):
        assert control in html
    assert '<option value="north">North</option>' in html
    # What the form sends when nothing but "step-free" is chosen:
    rows = _csv_rows(client, kind="", ward="", step_free="on", q="")
    assert sorted(r["name"] for r in rows) == ["Council Chamber", "Town Hall"]


def test_index_takes_the_same_number_of_queries_however_many_wards(
    client, django_assert_max_num_queries
):
    """The ward list in the form is one query, not one per ward."""
    WardFactory.create_batch(20)
    with django_assert_max_num_queries(3):
        client.get(reverse("opendata:index"))
