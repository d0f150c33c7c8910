import pytest

from coproduce.places.tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db


def test_a_listed_place_has_a_public_page(client):
    place = PlaceFactory(name="Northbrook Library", address="1 High Street", step_free=True)
    response = client.get(f"/places/{place.pk}/")
    assert response.status_code == 200
    assert "Northbrook Library" in response.text
    assert "1 High Street" in response.text


def test_a_hidden_place_is_not_found(client):
    place = PlaceFactory(is_listed=False)
    assert client.get(f"/places/{place.pk}/").status_code == 404
