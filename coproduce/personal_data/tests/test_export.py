import csv
import io
import json
import zipfile

import pytest

from coproduce.personal_data.export import personal_data_gather, personal_data_zip
from coproduce.personal_data.registry import declarations

from .factories import busy_resident

pytestmark = pytest.mark.django_db


def _open(content: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(content))


def test_export_holds_every_kind_the_registry_declares():
    """The JSON has one entry for every kind of record any app declares."""
    gathered = personal_data_gather(busy_resident())
    assert set(gathered) == {declaration.kind for declaration in declarations()}


def test_export_holds_the_persons_records_from_every_app():
    """A busy resident's profile, skill, comment, place, group, time bank, item and more are in."""
    gathered = personal_data_gather(busy_resident())
    for kind in [
        "account",
        "profile",
        "skills",
        "comments",
        "places_at_events",
        "group_memberships",
        "time_account",
        "time_offers_and_requests",
        "buddy_requests",
        "volunteer_checks",
        "items",
        "notifications",
    ]:
        assert gathered[kind], kind
    assert gathered["profile"][0]["access_needs"] == "I use a wheelchair."
    assert gathered["places_at_events"][0]["access_note"] == "A seat near the door, please."


def test_export_holds_every_field_of_the_persons_own_rows():
    """Each row has every concrete field of its model except the declared secrets."""
    user = busy_resident()
    gathered = personal_data_gather(user)
    for declaration in declarations():
        if declaration.export_with is not None or not gathered[declaration.kind]:
            continue
        fields = {
            field.attname
            for field in declaration.model_class._meta.concrete_fields
            if field.name not in declaration.private
        }
        assert fields <= set(gathered[declaration.kind][0]), declaration.model


def test_export_leaves_out_secrets():
    """Password hashes and calendar or invitation tokens are never in an export."""
    user = busy_resident()
    text = personal_data_zip(user).decode("latin-1")
    assert user.password not in text
    rsvp_token = user.rsvps.get().invite_token
    content = json.loads(_open(personal_data_zip(user)).read("data.json"))
    assert "invite_token" not in content["places_at_events"][0]
    assert rsvp_token not in json.dumps(content)


def test_zip_has_readme_json_and_a_csv_for_each_kind_with_rows():
    """The zip holds README.txt, data.json and one CSV for each kind that has rows."""
    user = busy_resident()
    archive = _open(personal_data_zip(user))
    names = set(archive.namelist())
    assert {"README.txt", "data.json", "profile.csv", "comments.csv"} <= names
    rows = list(csv.DictReader(io.StringIO(archive.read("comments.csv").decode())))
    assert rows[0]["body"] == "Zebedee says the park needs benches."


def test_csv_cells_that_look_like_formulas_are_quoted():
    """A comment starting with '=' is written so a spreadsheet does not run it."""
    user = busy_resident()
    user.comments.update(body="=HYPERLINK(1)")
    archive = _open(personal_data_zip(user))
    rows = list(csv.DictReader(io.StringIO(archive.read("comments.csv").decode())))
    assert rows[0]["body"] == "'=HYPERLINK(1)"


def test_export_of_someone_else_is_not_in_mine():
    """Another resident's comment is not in my export."""
    mine = busy_resident()
    busy_resident(display_name="Other Person")
    bodies = [row["body"] for row in personal_data_gather(mine)["comments"]]
    assert len(bodies) == 1
