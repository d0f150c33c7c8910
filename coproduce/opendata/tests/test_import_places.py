from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from coproduce.common.webmercator import to_unit
from coproduce.opendata import rows
from coproduce.places.models import Place

from .factories import PlaceFactory, WardFactory, sample_wards, write_places_csv

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
HEADER = ",".join(rows.COLUMNS)


def _run(path, *args):
    out, err = StringIO(), StringIO()
    call_command("import_places", str(path), "--no-progress", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _fails(path, *args):
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command(
            "import_places", str(path), "--no-progress", *args, stdout=StringIO(), stderr=err
        )
    assert raised.value.returncode == 2
    return str(raised.value), err.getvalue()


def _csv(tmp_path, *lines):
    path = tmp_path / "places.csv"
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_good_file_imports_every_place_with_its_details():
    """Every row of the good sample becomes a place, rooms in their buildings."""
    sample_wards()
    out, _err = _run(DATA / "places_good.csv")
    assert "6 added, 0 updated" in out
    centre = Place.objects.get(name="Ashgrove Community Centre")
    assert centre.postcode == "NB1 2AA"
    assert centre.owner == "community"
    assert centre.step_free is True
    assert centre.facilities == ["Kitchen", "Toilets", "Wi-Fi"]
    assert centre.description == "A community centre run by residents.\nOpen to everyone."
    assert centre.opening_hours[-1] == {"day": 5, "opens": "10:00", "closes": "16:00"}
    # The room comes before its building in the file, and still finds it.
    assert Place.objects.get(name="Main Hall").building == centre
    assert Place.objects.get(name="Library Reading Room").building.name == "Northbrook Library"
    assert Place.objects.get(name="Brookside Allotments").ward.name == "Brookside"


def test_bulk_created_places_get_their_map_position():
    """map_x and map_y are filled in, as Place.save() would have done."""
    sample_wards()
    _run(DATA / "places_good.csv")
    library = Place.objects.get(name="Northbrook Library")
    assert (library.map_x, library.map_y) == pytest.approx(to_unit(51.5099, -0.0988))


def test_running_the_same_file_again_updates_rather_than_duplicates():
    """Places are matched on name, ward and postcode; only those that differ are written."""
    sample_wards()
    _run(DATA / "places_good.csv")
    Place.objects.filter(name="Old Garage").update(description="Changed by hand")
    Place.objects.filter(name="Main Hall").update(facilities=["Odd"], building=None)
    out, _err = _run(DATA / "places_good.csv")
    assert "0 added, 2 updated, 4 unchanged" in out
    assert Place.objects.count() == 6
    assert Place.objects.get(name="Old Garage").description == "Empty since 2019."
    hall = Place.objects.get(name="Main Hall")
    assert hall.facilities == ["Stage", "Chairs for 120"]
    assert hall.building.name == "Ashgrove Community Centre"


def test_an_update_moves_the_map_position_and_keeps_the_listing_choice(tmp_path):
    """Updating a place recomputes map_x/map_y and leaves is_listed alone."""
    ward = WardFactory(name="Ashgrove")
    hall = PlaceFactory(name="Hall", ward=ward, postcode="NB1 2AA", is_listed=False)
    _run(_csv(tmp_path, "hall,building,,,nb12aa,Ashgrove,52.0,-1.0,,,,,,"))
    hall.refresh_from_db()
    assert (hall.latitude, hall.longitude) == (52.0, -1.0)
    assert (hall.map_x, hall.map_y) == pytest.approx(to_unit(52.0, -1.0))
    assert hall.is_listed is False
    assert Place.objects.count() == 1


def test_a_bad_file_imports_nothing_and_lists_every_problem():
    """One bad row stops the whole file; each problem is on stderr with its line."""
    sample_wards()
    message, err = _fails(DATA / "places_bad.csv")
    assert Place.objects.count() == 0
    assert "Nothing was imported: 6 rows with problems" in message
    lines = err.splitlines()
    assert "line 3: name: is empty: every place needs a name" in lines
    assert "line 4: ward: there is no ward called 'Atlantis'" in lines
    assert "line 5: latitude: 151.5 is not between -90 and 90" in lines
    assert "line 5: step_free: 'maybe' is not yes or no" in lines
    assert "line 6: opening_hours: '17:00-09:00' closes before it opens" in lines
    assert any(line.startswith("line 7: building: there is no building called") for line in lines)
    assert "line 8: name: line 2 has a place with the same name, ward and postcode" in lines
    assert [int(line.split()[1].rstrip(":")) for line in lines] == sorted(
        int(line.split()[1].rstrip(":")) for line in lines
    )


def test_skip_bad_imports_the_good_rows_and_lists_the_bad():
    """With --skip-bad the good rows go in and the bad ones are listed."""
    sample_wards()
    out, err = _run(DATA / "places_bad.csv", "--skip-bad")
    assert list(Place.objects.values_list("name", flat=True)) == ["Good Garden"]
    assert "1 added, 0 updated, 0 unchanged, 6 rows left out" in out
    assert "line 4: ward: there is no ward called 'Atlantis'" in err


def test_dry_run_writes_nothing_and_reports_what_it_would_do():
    """--dry-run checks and counts but leaves the database alone."""
    sample_wards()
    out, _err = _run(DATA / "places_good.csv", "--dry-run")
    assert "Dry run, nothing written: 6 places to add and 0 already there" in out
    assert Place.objects.count() == 0


def test_dry_run_of_a_bad_file_fails_with_the_problems():
    """A dry run of a bad file exits 2, so a script can check a file before importing it."""
    sample_wards()
    message, err = _fails(DATA / "places_bad.csv", "--dry-run")
    assert message.startswith("Dry run, nothing written: 6 rows with problems")
    assert "line 3: kind:" in err


def test_a_room_can_use_a_building_already_added(tmp_path):
    """A room's building may already be in the database."""
    ward = WardFactory(name="Ashgrove")
    hall = PlaceFactory(name="Town Hall", ward=ward)
    _run(_csv(tmp_path, "Room 1,room,,,,Ashgrove,51.5,-0.1,,,,,,town hall"))
    assert Place.objects.get(name="Room 1").building == hall


def test_a_room_in_a_building_with_a_shared_name_picks_the_one_in_its_ward(tmp_path):
    """Two buildings with one name: the room takes the one in its own ward."""
    ashgrove, brookside = WardFactory(name="Ashgrove"), WardFactory(name="Brookside")
    PlaceFactory(name="Church Hall", ward=ashgrove)
    brookside_hall = PlaceFactory(name="Church Hall", ward=brookside)
    _run(_csv(tmp_path, "Vestry,room,,,,Brookside,51.5,-0.1,,,,,,Church Hall"))
    assert Place.objects.get(name="Vestry").building == brookside_hall


def test_a_room_cannot_be_in_a_green_space(tmp_path):
    """The building a room names must be a building."""
    ward = WardFactory(name="Ashgrove")
    PlaceFactory(name="The Park", ward=ward, kind="green_space")
    _message, err = _fails(_csv(tmp_path, "Shed,room,,,,Ashgrove,51.5,-0.1,,,,,,The Park"))
    assert "line 2: building: there is no building called 'The Park'" in err


def test_a_building_with_rooms_cannot_stop_being_a_building(tmp_path):
    """Re-importing a building as a green space would strand its rooms, so it is refused."""
    ward = WardFactory(name="Ashgrove")
    hall = PlaceFactory(name="Hall", ward=ward)
    PlaceFactory(name="Room", ward=ward, kind="room", building=hall)
    _message, err = _fails(_csv(tmp_path, "Hall,green_space,,,,Ashgrove,51.5,-0.1,,,,,,"))
    assert "line 2: kind: this place has rooms, so it must stay a building" in err


def test_skip_bad_explains_a_room_whose_building_row_is_bad(tmp_path):
    """A room left out because its building's row was bad says so."""
    WardFactory(name="Ashgrove")
    path = _csv(
        tmp_path,
        "Hall,building,,,,Ashgrove,51.5,-0.1,,,,,,",
        "Hall,building,,,,Ashgrove,51.6,-0.1,,,,,,",
        "Room,room,,,,Brookside,51.5,-0.1,,,,,,Hall",
    )
    _out, err = _run(path, "--skip-bad")
    assert "line 3: name: line 2 has a place with the same name" in err
    assert "line 4: ward: there is no ward called 'Brookside'" in err
    assert Place.objects.count() == 1


def test_ward_slug_is_accepted(tmp_path):
    """The ward column takes the ward's name or its short name."""
    ward = WardFactory(name="Northbrook Central", slug="northbrook-central")
    _run(_csv(tmp_path, "Hall,building,,,,northbrook-central,51.5,-0.1,,,,,,"))
    assert Place.objects.get().ward == ward


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "There is no file"),
        (b"", "is empty"),
        (b"name,kind\n", "has no ward, latitude, longitude column"),
        ("Caf\xe9".encode("latin-1"), "not UTF-8"),
    ],
)
def test_file_problems_exit_2_with_a_message(tmp_path, content, message):
    """A missing, empty, headless or wrongly encoded file exits 2 and says why."""
    path = tmp_path / "places.csv"
    if content is not None:
        path.write_bytes(content)
    error, _err = _fails(path)
    assert message in error


def test_unknown_columns_are_mentioned(tmp_path):
    """A column the importer does not use is named on stderr."""
    WardFactory(name="Ashgrove")
    path = tmp_path / "places.csv"
    path.write_text(f"{HEADER},colour\nHall,building,,,,Ashgrove,51.5,-0.1,,,,,,,red\n")
    _out, err = _run(path)
    assert "not used and were left out: colour" in err
    assert Place.objects.count() == 1


def test_a_database_failure_part_way_leaves_nothing_written(monkeypatch):
    """Nothing is half-imported: a failure while saving rolls every row back."""
    sample_wards()
    from coproduce.opendata import services

    real_write = services._place

    def fail_on_rooms(plan, building_id, now):
        if plan.row.kind == "room":
            raise RuntimeError("the database went away")
        return real_write(plan, building_id, now)

    monkeypatch.setattr(services, "BATCH_SIZE", 2)
    monkeypatch.setattr(services, "_place", fail_on_rooms)
    with pytest.raises(RuntimeError):
        _run(DATA / "places_good.csv")
    assert Place.objects.count() == 0


def test_a_generated_file_of_many_rows_imports(tmp_path):
    """The benchmark's generator makes a file the importer takes whole, rooms and all."""
    wards = sample_wards()
    path = write_places_csv(tmp_path / "many.csv", 300, [w.name for w in wards])
    out, _err = _run(path)
    assert "300 added" in out
    assert Place.objects.count() == 300
    assert Place.objects.filter(kind="room", building__isnull=False).exists()


def test_imported_opening_hours_answer_open_now(tmp_path):
    """Imported places get the week mask the map's open-now filter reads."""
    from coproduce.common import opening_hours as hours
    from coproduce.places.models import Place
    from coproduce.places.tests.factories import WardFactory

    ward = WardFactory(name="Ashgrove")
    path = tmp_path / "one.csv"
    path.write_text(
        "name,kind,ward,latitude,longitude,opening_hours\n"
        f"Hall,building,{ward.name},51.5,-0.1,Mon-Fri 09:00-17:00\n",
        encoding="utf-8",
    )
    from django.core.management import call_command

    call_command("import_places", str(path), no_progress=True)
    place = Place.objects.get(name="Hall")
    assert place.open_week == hours.week_mask(place.opening_hours)
    assert place.open_week.count("1") == 5 * 8 * 4
