import json

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.people.tests.factories import ProfileFactory
from coproduce.places.models import Place
from coproduce.places.tests.factories import WardFactory

pytestmark = pytest.mark.django_db

LONDON = "-0.2,51.4,0.0,51.6"


def _place(ward, name, lat=51.5, lon=-0.1, **extra):
    return Place.objects.create(
        ward=ward,
        name=name,
        kind=extra.pop("kind", "building"),
        latitude=lat,
        longitude=lon,
        **extra,
    )


def _features(client, **params):
    response = client.get(reverse("maps:features"), params)
    return response, json.loads(response.content)


def test_features_are_geojson_points_with_lon_lat_order(client):
    """The API answers RFC 7946 GeoJSON, longitude first."""
    ward = WardFactory()
    _place(ward, "Library", lat=51.51, lon=-0.12)
    response, data = _features(client, bbox=LONDON, zoom=18, layers="places")
    assert response["Content-Type"] == "application/geo+json"
    assert data["type"] == "FeatureCollection"
    [feature] = data["features"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [-0.12, 51.51]}
    assert feature["properties"]["name"] == "Library"


def test_nearby_places_cluster_at_low_zoom_and_split_when_zoomed_in(client):
    """Places close together come as one cluster at low zoom and one by one up close."""
    ward = WardFactory()
    _place(ward, "Hall", lat=51.5000, lon=-0.1000)
    _place(ward, "Garden", lat=51.5004, lon=-0.1004)
    _response, far = _features(client, bbox=LONDON, zoom=10, layers="places")
    assert [f["properties"].get("count") for f in far["features"]] == [2]
    _response, near = _features(
        client, bbox="-0.102,51.499,-0.098,51.501", zoom=19, layers="places"
    )
    assert sorted(f["properties"]["name"] for f in near["features"]) == ["Garden", "Hall"]


def test_unlisted_places_and_rooms_are_not_on_the_map(client):
    """Hidden places and rooms inside buildings are left off the map."""
    ward = WardFactory()
    hall = _place(ward, "Hall")
    _place(ward, "Secret", lat=51.45, is_listed=False)
    _place(ward, "Room 1", lat=51.55, kind="room", building=hall)
    _response, data = _features(client, bbox=LONDON, zoom=18, layers="places")
    assert [f["properties"]["name"] for f in data["features"]] == ["Hall"]


def test_filters_by_kind_ward_step_free_and_text(client):
    """Kind, ward, step-free and text search each narrow the results."""
    north, south = WardFactory(), WardFactory()
    _place(north, "Oak Park", kind="green_space", lat=51.55, step_free=True)
    _place(south, "Town Hall", lat=51.45)
    _response, data = _features(
        client,
        bbox=LONDON,
        zoom=18,
        layers="places",
        kind="green_space",
        ward=north.slug,
        step_free="1",
        q="oak",
    )
    assert [f["properties"]["name"] for f in data["features"]] == ["Oak Park"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"bbox": "nonsense", "zoom": 10}, "bbox"),
        ({"bbox": LONDON}, "zoom"),
        ({"bbox": LONDON, "zoom": 10, "layers": "spies"}, "Unknown layer spies"),
        ({"bbox": LONDON, "zoom": 10, "kind": "castle"}, "Unknown kind castle"),
        ({"bbox": LONDON, "zoom": 10, "ward": "atlantis"}, "no ward called"),
    ],
)
def test_bad_requests_get_400_with_a_reason(client, params, message):
    """Malformed bbox, zoom, layer, kind or ward is a 400 with a message saying what is wrong."""
    response, data = _features(client, **params)
    assert response.status_code == 400
    assert message in data["error"]


def test_people_are_counted_by_ward_only_when_they_chose(client):
    """Only people who chose to be shown are counted, at their ward's centre, with no names."""
    ward = WardFactory(centre_latitude=51.5, centre_longitude=-0.1)
    ProfileFactory.create_batch(5, ward=ward, street=None, show_on_map=True)
    hidden = ProfileFactory(ward=ward, street=None, show_on_map=False)
    _response, data = _features(client, bbox=LONDON, zoom=12, layers="people")
    [feature] = data["features"]
    assert feature["properties"]["count"] == 5
    assert feature["properties"]["fewer_than_5"] is False
    assert feature["geometry"]["coordinates"] == [-0.1, 51.5]
    text = json.dumps(data)
    assert hidden.user.display_name not in text
    assert "@" not in text


def test_a_ward_of_1_to_4_people_has_no_count_in_the_api(client):
    """3 people in a ward: a null count, flagged, said in words, and left out of the total."""
    small = WardFactory(centre_latitude=51.5, centre_longitude=-0.1)
    big = WardFactory(centre_latitude=51.51, centre_longitude=-0.11)
    ProfileFactory.create_batch(3, ward=small, street=None, show_on_map=True)
    ProfileFactory.create_batch(6, ward=big, street=None, show_on_map=True)
    _response, data = _features(client, bbox=LONDON, zoom=12, layers="people")
    by_ward = {f["properties"]["ward"]: f["properties"] for f in data["features"]}
    assert by_ward[small.name]["count"] is None
    assert by_ward[small.name]["fewer_than_5"] is True
    assert by_ward[small.name]["count_text"] == "fewer than 5"
    assert by_ward[big.name]["count"] == 6
    assert data["meta"]["totals"]["people"] == 6


def test_the_map_page_says_fewer_than_5_for_a_small_ward(client):
    """The people table beside the map never shows 1 to 4."""
    ward = WardFactory(name="Tiny Ward")
    ProfileFactory.create_batch(3, ward=ward, street=None, show_on_map=True)
    page = client.get(reverse("maps:map"), {"layers": "people"}).text
    assert "fewer than 5" in page


def test_payload_stays_small_with_many_places(client, django_assert_max_num_queries):
    """Two thousand places in view still give a small answer in a fixed number of queries."""
    ward = WardFactory()
    Place.objects.bulk_create(
        [
            Place(
                ward=ward,
                name=f"Place {i}",
                kind="building",
                latitude=51.4 + (i % 50) * 0.004,
                longitude=-0.2 + (i // 50) * 0.005,
                map_x=0,
                map_y=0,
            )
            for i in range(2000)
        ]
    )
    for place in Place.objects.all():  # bulk_create skips save(), which sets map_x/map_y
        place.save()
    # At most two queries per point layer (cells, then the single rows) and two for people.
    with django_assert_max_num_queries(8):
        response, data = _features(client, bbox=LONDON, zoom=11)
    assert len(response.content) < 150_000
    assert sum(f["properties"].get("count", 1) for f in data["features"]) == 2000


def test_map_page_lists_the_same_places_as_the_api(client):
    """The list view under the map gives the same places as the map for the same filters."""
    ward = WardFactory()
    _place(ward, "Oak Park", kind="green_space")
    _place(ward, "Town Hall")
    body = client.get(reverse("maps:map"), {"kind": "green_space"}).content.decode()
    assert "Oak Park" in body
    assert "Town Hall" not in body
    assert "1 place" in body


def test_words_about_the_map_are_hidden_until_the_map_is_drawn(client):
    """Without JavaScript there is no map: the key and any talk of zooming start hidden (the
    map's script shows them), and the page says what the list offers instead."""
    from html.parser import HTMLParser

    class Visible(HTMLParser):
        """Collects the text outside elements that start hidden."""

        VOID = {"input", "br", "img", "meta", "link", "hr", "source", "wbr"}

        def __init__(self):
            super().__init__()
            self.stack, self.text = [], []

        def handle_starttag(self, tag, attrs):
            if tag not in self.VOID:
                self.stack.append("hidden" in dict(attrs))

        def handle_endtag(self, tag):
            if tag not in self.VOID and self.stack:
                self.stack.pop()

        def handle_data(self, data):
            if not any(self.stack):
                self.text.append(data)

    body = client.get(reverse("maps:map")).content.decode()
    parser = Visible()
    parser.feed(body)
    shown = " ".join(parser.text)
    assert "zoom" not in shown.lower()
    assert "What the map symbols mean" not in shown
    assert "The list below shows the places, projects, groups and services" in shown
    # They are in the page, for the map's script to show.
    assert "What the map symbols mean" in body
    assert "Zoom in" in body


def test_the_filters_fold_on_phones_unless_there_is_an_error_to_fix(client):
    """The filters may fold away on a phone; with an error in them they never do."""
    assert "data-fold-on-phone" in client.get(reverse("maps:map")).content.decode()
    response = client.get(reverse("maps:map"), {"ward": "atlantis"})
    assert "data-fold-on-phone" not in response.content.decode()


def test_map_page_explains_a_bad_filter(client):
    """A bad filter on the map page gives a 400 page with the reason."""
    response = client.get(reverse("maps:map"), {"ward": "atlantis"})
    assert response.status_code == 400
    assert "There is no ward called" in response.content.decode()


def test_map_page_query_count_is_fixed(client, django_assert_max_num_queries):
    """The map page makes a fixed number of queries however many places there are."""
    from coproduce.directory.models import ServiceAtLocation
    from coproduce.directory.tests.factories import ServiceFactory
    from coproduce.groups.tests.factories import OrganisationFactory

    ward = WardFactory()
    for n in range(30):
        place = _place(ward, f"Place {n}")
        OrganisationFactory(base=place)
        ServiceAtLocation.objects.create(service=ServiceFactory(), place=place)
    client.force_login(UserFactory())
    with django_assert_max_num_queries(18):
        assert client.get(reverse("maps:map")).status_code == 200


def test_open_now_keeps_only_places_open_at_this_moment(client):
    """A place open all of today is kept; one open only on another day is not."""
    from django.utils import timezone

    today = timezone.localtime().weekday()
    ward = WardFactory()
    _place(ward, "Open Cafe", opening_hours=[{"day": today, "opens": "00:00", "closes": "24:00"}])
    other = (today + 3) % 7
    _place(ward, "Shut Hall", opening_hours=[{"day": other, "opens": "00:00", "closes": "24:00"}])
    _place(ward, "No Hours Park")
    _response, data = _features(client, bbox=LONDON, zoom=19, layers="places", open_now="1")
    assert [f["properties"]["name"] for f in data["features"]] == ["Open Cafe"]
    page = client.get(reverse("maps:map"), {"open_now": "1"}).text
    assert "Open Cafe" in page and "Shut Hall" not in page


def _skilled(ward, level, *, status="confirmed"):
    from coproduce.skills.models import PersonSkill, Skill

    profile = ProfileFactory(ward=ward, street=None, show_on_map=True, visibility_skills=level)
    PersonSkill.objects.create(
        profile=profile, skill=Skill.objects.get(slug="first-aid"), status=status
    )
    return profile


def test_skill_filter_counts_only_skills_the_viewer_may_see(client):
    """Visitors count public skills; members count public and members-only; never others."""
    ward = WardFactory()
    for _ in range(5):
        _skilled(ward, "public")
        _skilled(ward, "members")
    _skilled(ward, "organisers")
    _skilled(ward, "only_me")
    _skilled(ward, "public", status="suggested")
    ProfileFactory(ward=ward, street=None, show_on_map=True, visibility_skills="public")
    _place(ward, "Hall")
    params = {"bbox": "-1,50,1,53", "zoom": 12, "skill": "first-aid"}
    _response, data = _features(client, **params)
    assert [(f["properties"]["layer"], f["properties"]["count"]) for f in data["features"]] == [
        ("people", 5)
    ]
    client.force_login(UserFactory())
    _response, data = _features(client, **params)
    assert [f["properties"]["count"] for f in data["features"]] == [10]
    page = client.get(reverse("maps:map"), {"skill": "first-aid"}).text
    assert "People who can do first aid" in page
    assert "Hall" not in page


def test_an_unknown_skill_is_a_clear_error(client):
    """A skill that is not in the taxonomy is a 400 with a reason."""
    response, data = _features(client, bbox=LONDON, zoom=12, skill="juggling")
    assert response.status_code == 400
    assert "no skill called 'juggling'" in data["error"]


def test_groups_and_services_are_layers_at_their_places(client):
    """Groups show where they meet and services where they run; hidden ones never show."""
    from coproduce.directory.models import ServiceAtLocation
    from coproduce.directory.tests.factories import ServiceFactory
    from coproduce.groups.tests.factories import OrganisationFactory

    ward = WardFactory()
    hall = _place(ward, "Hall", lat=51.51, lon=-0.12)
    hidden_hall = _place(ward, "Hidden hall", lat=51.52, lon=-0.13, is_listed=False)
    OrganisationFactory(name="Tenants Association", base=hall)
    OrganisationFactory(name="Secret Club", base=hall, is_listed=False)
    OrganisationFactory(name="Meets in a hidden hall", base=hidden_hall)
    advice = ServiceFactory(name="Benefits advice")
    ServiceAtLocation.objects.create(service=advice, place=hall)
    hidden = ServiceFactory(name="Hidden service", is_listed=False)
    ServiceAtLocation.objects.create(service=hidden, place=hall)
    _response, data = _features(client, bbox=LONDON, zoom=19, layers="groups,services")
    [together] = data["features"]  # at the same hall: one marker, listing both
    assert together["properties"]["counts"] == {"groups": 1, "services": 1}
    items = sorted((i["layer"], i["name"]) for i in together["properties"]["items"])
    assert items == [("groups", "Tenants Association"), ("services", "Benefits advice")]
    _response, data = _features(client, bbox=LONDON, zoom=19, layers="groups")
    assert [f["properties"]["name"] for f in data["features"]] == ["Tenants Association"]
    _response, data = _features(client, bbox=LONDON, zoom=19, kind="building")
    assert {f["properties"]["layer"] for f in data["features"]} == {"places"}


def test_people_counts_are_cached_briefly_per_kind_of_viewer(client, settings):
    """Counts are kept for a short while, separately for visitors and signed-in people."""
    from django.core.cache import cache

    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    cache.clear()
    ward = WardFactory()
    ProfileFactory.create_batch(5, ward=ward, street=None, show_on_map=True)
    _features(client, bbox="-1,50,1,53", zoom=12, layers="people")
    ProfileFactory.create_batch(5, ward=ward, street=None, show_on_map=True)
    _response, cached = _features(client, bbox="-1,50,1,53", zoom=12, layers="people")
    assert [f["properties"]["count"] for f in cached["features"]] == [5]
    client.force_login(UserFactory())
    _response, member = _features(client, bbox="-1,50,1,53", zoom=12, layers="people")
    assert [f["properties"]["count"] for f in member["features"]] == [10]
    cache.clear()


def test_projects_are_a_layer_and_hidden_or_archived_ones_never_show(client):
    """Projects sit at their place; hidden and archived ones are left off."""
    from coproduce.projects.tests.factories import ProjectFactory

    ward = WardFactory()
    hall = _place(ward, "Hall", lat=51.51, lon=-0.12)
    for title, extra in [
        ("Orchard", {}),
        ("Secret", {"is_hidden": True}),
        ("Old", {"status": "archived"}),
    ]:
        project = ProjectFactory(title=title, place=hall, ward=ward, **extra)
        project.fill_location()
        project.save()
    _response, data = _features(client, bbox=LONDON, zoom=19, layers="projects")
    assert [f["properties"]["name"] for f in data["features"]] == ["Orchard"]
