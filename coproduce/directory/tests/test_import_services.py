import io
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from coproduce.directory.models import Service
from coproduce.groups.models import Organisation
from coproduce.places.models import Place
from coproduce.places.tests.factories import WardFactory

from .factories import OrganisationFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


@pytest.fixture(autouse=True)
def riverside():
    return WardFactory(name="Riverside", slug="riverside")


def _run(path, *options):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(
            "import_services", str(path), "--no-progress", *options, stdout=out, stderr=err
        )
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()


def test_good_file_imports_every_service():
    """A good file adds its services with places, times, ages, costs, contacts and categories."""
    code, out, _err = _run(DATA / "services_good.csv")
    assert code == 0
    assert "Imported 5 services (4 organisations and 2 places added)." in out
    parcels = Service.objects.get(name="Food parcels")
    assert parcels.organisation.kind == "voluntary"
    assert parcels.places.get().name == "Riverside Community Centre"
    assert parcels.schedules.get().byday == "MO,TU,WE,TH,FR"
    assert parcels.contacts.get().phone == "020 7946 0101"
    assert sorted(parcels.taxonomy_terms.values_list("code", flat=True)) == ["food", "money"]
    lunch = Service.objects.get(name="Lunch club")
    assert lunch.places.get() == parcels.places.get()  # found by name, not added again
    assert lunch.eligibility.minimum_age == 60
    assert str(lunch.cost_options.get().amount) == "3.50"
    rhyme = Service.objects.get(name="Rhyme time")
    assert rhyme.places.get().name == "Northbrook Library"


def test_imported_official_groups_are_dated_logged_and_run_by_nobody():
    """An official kind from an import is recorded as checked by that import, on the audit
    log; nobody is made an organiser of an imported group."""
    from coproduce.staff.models import AuditEntry

    assert _run(DATA / "services_good.csv")[0] == 0
    libraries = Organisation.objects.get(name="Northbrook Council Libraries")
    assert libraries.kind == "council_service" and libraries.kind_verified_at is not None
    entry = AuditEntry.objects.get(action="groups.group_kind_set", target__contains="Libraries")
    assert entry.actor is None
    assert entry.detail == {"kind": "council_service", "source": "import_services"}
    food_bank = Organisation.objects.get(name="Riverside Food Bank")
    assert food_bank.kind_verified_at is None  # not an official kind: nothing to check
    assert not Organisation.objects.filter(members__isnull=False).exists()


def test_bad_file_imports_nothing_and_lists_every_bad_row():
    """One bad row stops the import: nothing is saved, each bad row is listed, exit code 2."""
    code, _out, err = _run(DATA / "services_bad.csv")
    assert code == 2
    for line in range(3, 12):
        assert f"line {line}: " in err
    assert "line 2:" not in err
    assert "there is no place called 'No Such Hall'" in err
    assert "unknown taxonomy terms: rocket-science" in err
    assert "there is no ward called 'Atlantis'" in err
    assert not Service.objects.exists()
    assert not Organisation.objects.exists()
    assert not Place.objects.exists()


def test_skip_bad_imports_the_good_rows_and_lists_the_bad():
    """--skip-bad saves the good rows and still lists the bad ones."""
    code, out, err = _run(DATA / "services_bad.csv", "--skip-bad")
    assert code == 0
    assert "Imported 1 services" in out and "Skipped 9 bad rows." in out
    assert "line 11: " in err
    assert list(Service.objects.values_list("name", flat=True)) == ["Food parcels"]
    assert not Organisation.objects.filter(name="Good Neighbours").exists()


def test_dry_run_checks_everything_and_saves_nothing():
    """--dry-run reports what would happen and leaves the database as it was."""
    code, out, _err = _run(DATA / "services_good.csv", "--dry-run")
    assert code == 0
    assert "Checked 5 rows: 5 good, 0 bad. Nothing was saved (dry run)." in out
    assert not Service.objects.exists()


def test_dry_run_of_a_bad_file_fails():
    """A dry run of a file with bad rows exits with code 2 and lists them."""
    code, _out, err = _run(DATA / "services_bad.csv", "--dry-run")
    assert code == 2
    assert "line 3: organisation is empty" in err


def test_importing_twice_refuses_duplicates():
    """Services already there are bad rows, so a second import changes nothing."""
    _run(DATA / "services_good.csv")
    code, _out, err = _run(DATA / "services_good.csv")
    assert code == 2
    assert "already has a service called 'Food parcels'" in err
    assert Service.objects.count() == 5


def test_existing_organisation_of_another_kind_is_a_bad_row():
    """A name that matches an organisation of a different kind is not silently merged."""
    OrganisationFactory(name="Riverside Food Bank", kind="community_group")
    code, _out, err = _run(DATA / "services_good.csv")
    assert code == 2
    assert "line 2: Riverside Food Bank is already listed as Community group" in err


def test_missing_file_exits_with_code_2():
    """A file that is not there is a clear error, not a traceback."""
    code, _out, err = _run(DATA / "no-such-file.csv")
    assert code == 2
    assert "There is no file at" in err


def test_file_that_is_not_utf8_exits_with_code_2(tmp_path):
    """A file in another encoding is a clear error."""
    path = tmp_path / "latin1.csv"
    path.write_bytes(
        "organisation,organisation_kind,name\nCafé,voluntary,Caf\xe9\n".encode("latin-1")
    )
    code, _out, err = _run(path)
    assert code == 2
    assert "not UTF-8" in err
