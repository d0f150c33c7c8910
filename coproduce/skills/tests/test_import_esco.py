"""The ESCO import command. The sample files are in ESCO's CSV format; their addresses are
made up in ESCO's pattern."""

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from coproduce.skills import services
from coproduce.skills.models import Skill, SkillCategory
from coproduce.skills.tests.factories import skill

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"
SAMPLE = DATA / "esco_sample.csv"
BROKEN = DATA / "esco_broken.csv"
ESCO = "http://data.europa.eu/esco/skill/"
HEADER = "conceptUri,preferredLabel,altLabels,description\n"


def _run(path, *args) -> tuple[str, str]:
    out, err = StringIO(), StringIO()
    call_command("skills_import_esco", str(path), *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _fails(path, *args) -> str:
    err = StringIO()
    with pytest.raises(CommandError) as raised:
        call_command("skills_import_esco", str(path), *args, stdout=StringIO(), stderr=err)
    assert raised.value.returncode == 2
    return err.getvalue() + str(raised.value)


def _file(tmp_path, text: str, name="esco.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_sample_file_adds_released_skills_to_the_esco_category():
    """Released rows are added, with each line of altLabels as another word; others skipped."""
    before = Skill.objects.count()
    out, _err = _run(SAMPLE)
    assert "7 added, 1 updated, 0 unchanged, 1 not released" in out
    assert Skill.objects.count() == before + 7
    events = Skill.objects.get(name="organise events")
    assert events.alt_labels == ["arrange events", "plan events", "coordinate events"]
    assert events.esco_uri == ESCO + "0a1b2c3d-0001-4e5f-8a9b-000000000001"
    assert events.category == SkillCategory.objects.get(name="ESCO skills")
    assert (events.is_current, events.managed_by_file) == (True, False)
    assert 'reviews and "likes"' in Skill.objects.get(name="use social media marketing").description
    assert not Skill.objects.filter(name="operate a telex machine").exists()


def test_a_skill_we_have_is_updated_not_duplicated():
    """Our carpentry gets ESCO's address and other words, keeping our name and description."""
    ours = skill("carpentry")
    _run(SAMPLE)
    carpentry = Skill.objects.get(pk=ours.pk)
    assert Skill.objects.filter(name__iexact="carpentry").count() == 1
    assert carpentry.esco_uri == ESCO + "0a1b2c3d-0003-4e5f-8a9b-000000000003"
    assert {"woodwork", "joinery"} <= set(carpentry.alt_labels)
    assert (carpentry.name, carpentry.description) == (ours.name, ours.description)


def test_running_the_file_again_changes_nothing():
    """A second run finds every skill already there and unchanged."""
    _run(SAMPLE)
    count = Skill.objects.count()
    out, _err = _run(SAMPLE)
    assert "0 added, 0 updated, 8 unchanged" in out
    assert Skill.objects.count() == count


def test_skills_are_matched_by_esco_address_and_label_in_any_case(tmp_path):
    """A matching address wins; otherwise the label in any case; ESCO's label becomes
    another word for ours."""
    Skill.objects.filter(slug="cooking").update(esco_uri=ESCO + "cook")
    path = _file(
        tmp_path,
        HEADER + f'{ESCO}cook,prepare meals,,\n{ESCO}garden,Gardening,"grow plants",\n',
    )
    out, _err = _run(path)
    assert "0 added, 2 updated" in out
    assert "prepare meals" in skill("cooking").alt_labels
    gardening = skill("gardening")
    assert gardening.esco_uri == ESCO + "garden"
    assert "grow plants" in gardening.alt_labels


def test_an_update_to_a_merged_skill_goes_to_the_one_it_was_merged_into(tmp_path):
    """A merged skill is never brought back: its replacement gets ESCO's words."""
    services.skill_merge(source=skill("tutoring"), target=skill("teaching"))
    _run(_file(tmp_path, HEADER + f'{ESCO}tutor,tutoring,"give lessons",\n'))
    assert skill("tutoring").merged_into == skill("teaching")
    assert "give lessons" in skill("teaching").alt_labels
    assert skill("teaching").esco_uri == ESCO + "tutor"


def test_a_new_skill_whose_slug_is_taken_gets_its_own(tmp_path):
    """A label different from ours but with the same slug gets a numbered slug."""
    _run(_file(tmp_path, HEADER + f"{ESCO}fa,first-aid,,\n"))
    assert Skill.objects.get(name="first-aid").slug == "first-aid-2"
    assert skill("first aid").slug == "first-aid"


def test_the_category_can_be_chosen():
    """With --category, new skills go into that category and no ESCO category is made."""
    _run(SAMPLE, "--category", "money")
    assert Skill.objects.get(name="manage budgets").category.slug == "money"
    assert not SkillCategory.objects.filter(slug="esco-skills").exists()


def test_an_unknown_category_is_refused():
    """A category that does not exist stops the import with the ones that do."""
    message = _fails(SAMPLE, "--category", "nope")
    assert "no skill category 'nope'" in message and "money" in message
    assert not Skill.objects.filter(name="manage budgets").exists()


def test_dry_run_writes_nothing_and_reports_what_it_would_do():
    """A dry run counts what would change and leaves the database as it was."""
    before = list(Skill.objects.values_list("pk", "esco_uri", "alt_labels"))
    out, _err = _run(SAMPLE, "--dry-run")
    assert "Dry run, nothing written: 7 added, 1 updated" in out
    assert list(Skill.objects.values_list("pk", "esco_uri", "alt_labels")) == before
    assert not SkillCategory.objects.filter(slug="esco-skills").exists()


def test_a_file_with_bad_rows_imports_nothing_and_lists_each_by_line():
    """Every bad row is named by the line it starts on, counting lines inside cells."""
    before = Skill.objects.count()
    message = _fails(BROKEN)
    assert "line 4: no conceptUri" in message
    assert "line 5: conceptUri 'not-a-uri' is not a web address" in message
    assert "line 6: no preferredLabel" in message
    assert f"line 7: conceptUri {ESCO}0a1b2c3d-0101-4e5f-8a9b-000000000101 is also on line 2" in (
        message
    )
    assert "line 8: 5 cells where the header has 13" in message
    assert "Nothing was imported: 5 rows with problems" in message
    assert Skill.objects.count() == before


def test_a_dry_run_of_a_bad_file_fails_too():
    """A dry run of a bad file lists the problems and exits 2."""
    assert "Dry run, nothing written: 5 rows" in _fails(BROKEN, "--dry-run")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "There is no file"),
        (b"conceptUri,preferredLabel\n\xff\xfe,bad\n", "not UTF-8"),
        (b"", "is empty"),
        (b"uri,label\nhttp://x.org/1,cooking\n", "has no conceptUri or preferredLabel column"),
        (b"conceptUri,description\nhttp://x.org/1,x\n", "has no preferredLabel column"),
        (HEADER.encode(), "has a header but no skills"),
        (b'conceptUri,preferredLabel\n"http://x.org/1,cooking\n', "not a readable CSV file"),
    ],
)
def test_file_problems_exit_2_with_a_message(tmp_path, content, message):
    """A file that cannot be used at all stops with a clear message and code 2."""
    path = tmp_path / "esco.csv"
    if content is not None:
        path.write_bytes(content)
    assert message in _fails(path)


def test_a_label_listed_twice_in_the_file_is_a_bad_row(tmp_path):
    """Two rows with the same label in any case are refused, not silently merged."""
    path = _file(tmp_path, HEADER + f"{ESCO}a,plan events,,\n{ESCO}b,Plan Events,,\n")
    assert "line 3: preferredLabel 'Plan Events' is also on line 2" in _fails(path)


def test_a_file_with_only_unreleased_rows_imports_nothing_cleanly(tmp_path):
    """Rows not released are counted as left out; nothing is added."""
    path = _file(tmp_path, "conceptUri,preferredLabel,status\nhttp://x.org/1,telex,obsolete\n")
    out, _err = _run(path)
    assert "0 added, 0 updated, 0 unchanged, 1 not released" in out
