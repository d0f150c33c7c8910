import pytest
from django.core.management import CommandError, call_command

from coproduce.insights.models import WardPopulation
from coproduce.places.tests.factories import WardFactory

pytestmark = pytest.mark.django_db


def _file(tmp_path, text: str):
    path = tmp_path / "wards.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_ons_shaped_file_is_imported(tmp_path):
    """Ward code, name and population on each row: each ward gets its estimate."""
    ward = WardFactory(name="Canal Side")
    path = _file(tmp_path, f'Ward Code,Ward Name,Population\nE05000001,{ward.name},"12,345"\n')
    call_command("import_ward_populations", path, year=2023, source="ONS")
    estimate = WardPopulation.objects.get(ward=ward)
    assert (estimate.population, estimate.year, estimate.source) == (12_345, 2023, "ONS")


def test_an_unknown_ward_exits_2_naming_the_row(tmp_path):
    """A ward that does not exist: exit status 2, the row and the reason, nothing written."""
    ward = WardFactory(name="Canal Side")
    path = _file(tmp_path, f"Ward Name,Population\n{ward.name},100\nNowhere,200\n")
    with pytest.raises(CommandError, match="Row 3: there is no ward called Nowhere") as error:
        call_command("import_ward_populations", path, year=2023)
    assert error.value.returncode == 2
    assert not WardPopulation.objects.exists()


def test_a_population_that_is_not_a_number_exits_2(tmp_path):
    """A bad number is refused with the row."""
    ward = WardFactory(name="Canal Side")
    path = _file(tmp_path, f"Ward Name,Population\n{ward.name},lots\n")
    with pytest.raises(CommandError, match="Row 2: The population must be a whole number"):
        call_command("import_ward_populations", path, year=2023)


def test_a_file_without_the_columns_exits_2(tmp_path):
    """The header must name a ward and a population."""
    path = _file(tmp_path, "Area,Count\nx,1\n")
    with pytest.raises(CommandError, match="Row 1") as error:
        call_command("import_ward_populations", path, year=2023)
    assert error.value.returncode == 2
