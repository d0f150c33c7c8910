import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.notifications.models import Notification
from coproduce.places.models import Place, PlacePhoto
from coproduce.places.tests.factories import PlaceFactory, StreetFactory, WardFactory
from coproduce.places.tests.panels import place_panels

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_listed_place_has_a_public_page(client, django_assert_max_num_queries):
    """Anyone sees a place's address, access, facilities and hours, in few queries (with the
    other apps' "what happens here" panels: one query asks which of them have anything)."""
    place = PlaceFactory(
        name="Northbrook Library",
        address="1 High Street",
        step_free=True,
        accessibility=["hearing_loop"],
        facilities=["wifi", "kitchen"],
        opening_hours=[{"day": 0, "opens": "09:00", "closes": "17:00"}],
    )
    # One of them for the stories panel, one for the projects nearby.
    with place_panels(), django_assert_max_num_queries(6):
        response = client.get(f"/places/{place.pk}/")
    assert response.status_code == 200
    for text in ["Northbrook Library", "1 High Street", "Hearing loop", "Wi-Fi", "09:00 to 17:00"]:
        assert text in response.text
    assert "Add a photo" not in response.text


def test_a_hidden_place_is_not_found(client):
    """Hidden places have no public page."""
    place = PlaceFactory(is_listed=False)
    assert client.get(f"/places/{place.pk}/").status_code == 404


def test_flagging_an_unloved_space_needs_sign_in(client):
    """Visitors are asked to sign in first."""
    response = client.get("/places/unloved/new/")
    assert response.status_code == 302


def test_a_flagged_space_goes_on_the_map_and_officers_are_told(client):
    """The space is placed at its street, listed, and every officer gets a notification."""
    street = StreetFactory(name="Mill Lane", centre_latitude=51.501, centre_longitude=-0.102)
    officer = UserFactory(roles=[Role.OFFICER])
    resident = UserFactory(display_name="Ada Resident")
    client.force_login(resident)
    response = client.post(
        "/places/unloved/new/",
        {
            "name": "Empty shop",
            "ward": street.ward.pk,
            "street": "mill lane",
            "description": "Boarded up for two years.",
            "could_become": "A repair café",
        },
    )
    place = Place.objects.get(name="Empty shop")
    assert response["Location"] == f"/places/{place.pk}/"
    assert (place.kind, place.latitude, place.added_by) == ("unloved_space", 51.501, resident)
    assert Notification.objects.filter(recipient=officer).count() == 1
    client.force_login(UserFactory())
    page = client.get(f"/places/{place.pk}/").text
    assert "A repair café" in page
    assert "Ada Resident" not in page


def test_an_unknown_street_is_a_form_error(client):
    """A street not in the ward gets a clear message and nothing is saved."""
    ward = WardFactory()
    client.force_login(UserFactory())
    response = client.post(
        "/places/unloved/new/",
        {"name": "Corner", "ward": ward.pk, "street": "Nowhere Road", "description": "Litter."},
    )
    assert response.status_code == 200
    assert "We cannot find Nowhere Road" in response.text
    assert not Place.objects.exists()


def test_a_pin_outside_the_ward_is_refused(client):
    """Coordinates must fall inside the chosen ward."""
    ward = WardFactory()
    client.force_login(UserFactory())
    response = client.post(
        "/places/unloved/new/",
        {
            "name": "Corner",
            "ward": ward.pk,
            "description": "Litter.",
            "latitude": 52.0,
            "longitude": -1.0,
        },
    )
    assert "outside" in response.text
    assert not Place.objects.exists()


def _jpeg(exif: bool = True) -> bytes:
    out = io.BytesIO()
    data = Image.Exif()
    data[0x010F] = "SecretPhone"
    Image.new("RGB", (300, 200), "red").save(out, "JPEG", exif=data if exif else b"")
    return out.getvalue()


@pytest.mark.parametrize(("who", "status"), [("stranger", 403), ("adder", 200), ("officer", 200)])
def test_who_may_add_photos(client, who, status):
    """Officers and the person who added a place may add photos; others may not."""
    adder = UserFactory()
    place = PlaceFactory(added_by=adder)
    user = {"stranger": UserFactory(), "adder": adder, "officer": UserFactory(roles=[Role.OFFICER])}
    client.force_login(user[who])
    assert client.get(f"/places/{place.pk}/photos/add/").status_code == status


def test_an_uploaded_photo_is_stored_without_exif(client):
    """The stored photo has no EXIF data and a random file name."""
    officer = UserFactory(roles=[Role.OFFICER])
    place = PlaceFactory()
    client.force_login(officer)
    upload = SimpleUploadedFile("IMG_home_of_Ada.jpg", _jpeg(), content_type="image/jpeg")
    response = client.post(
        f"/places/{place.pk}/photos/add/", {"image": upload, "alt_text": "The front door"}
    )
    assert response.status_code == 302
    photo = PlacePhoto.objects.get()
    stored = photo.image.read()
    assert b"SecretPhone" not in stored
    assert "Ada" not in photo.image.name
    assert (photo.width, photo.height) == (300, 200)
    assert 'alt="The front door"' in client.get(f"/places/{place.pk}/").text


def test_a_file_that_is_not_a_photo_is_refused(client):
    """A text file renamed .jpg gets a clear error and nothing is stored."""
    place = PlaceFactory()
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    upload = SimpleUploadedFile("notes.jpg", b"hello, not an image", content_type="image/jpeg")
    response = client.post(
        f"/places/{place.pk}/photos/add/", {"image": upload, "alt_text": "Notes"}
    )
    assert response.status_code == 400
    assert "not a photo we can read" in response.text
    assert not PlacePhoto.objects.exists()


def test_a_photo_needs_a_description(client):
    """Alt text is required, for people who cannot see the photo."""
    place = PlaceFactory()
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    upload = SimpleUploadedFile("a.jpg", _jpeg(), content_type="image/jpeg")
    response = client.post(f"/places/{place.pk}/photos/add/", {"image": upload, "alt_text": ""})
    assert response.status_code == 400
    assert "Describe what the photo shows" in response.text
