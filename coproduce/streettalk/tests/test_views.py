"""The street conversation pages: who may see each, the quick form with and without
JavaScript's JSON, and the public page's suppressed counts."""

import uuid

import pytest
from django.urls import reverse

from coproduce.accounts.tests.factories import UserFactory
from coproduce.places.tests.factories import WardFactory
from coproduce.streettalk.models import StreetEntry

from .factories import StreetDayFactory, StreetEntryFactory, ThemeFactory, facilitator, officer

pytestmark = pytest.mark.django_db

DAY_PAGES = ["day", "capture", "paper", "sheet", "themes"]


@pytest.mark.parametrize("name", DAY_PAGES)
def test_day_pages_for_the_facilitator_and_officers_only(client, name):
    """The facilitator and an officer see it; another person gets 403; a visitor signs in."""
    day = StreetDayFactory()
    url = reverse(f"streettalk:{name}", args=[day.pk])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(officer())
    assert client.get(url).status_code == 200
    client.force_login(day.facilitator)
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("name", ["theme", "merge"])
def test_theme_pages_for_the_facilitator_and_officers_only(client, name):
    theme = ThemeFactory()
    url = reverse(f"streettalk:{name}", args=[theme.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(theme.day.facilitator)
    assert client.get(url).status_code == 200


def test_move_page_for_the_facilitator_only(client):
    entry = StreetEntryFactory()
    url = reverse("streettalk:move", args=[entry.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(entry.day.facilitator)
    assert client.get(url).status_code == 200


def test_index_for_everyone_and_the_start_button_for_organisers(client):
    url = reverse("streettalk:index")
    assert client.get(url).status_code == 200
    new = reverse("streettalk:day_new")
    client.force_login(UserFactory())
    assert new not in client.get(url).content.decode()
    assert client.get(new).status_code == 403
    client.force_login(facilitator())
    assert new in client.get(url).content.decode()
    assert client.get(new).status_code == 200


def test_an_organiser_starts_a_day_with_the_form(client):
    person = facilitator()
    client.force_login(person)
    response = client.post(
        reverse("streettalk:day_new"),
        {
            "title": "Food in the market",
            "held_on-day": "3",
            "held_on-month": "5",
            "held_on-year": "2026",
            "ward": "",
            "area": "",
            "questions": "What would help you eat well?",
        },
    )
    assert response.status_code == 302
    assert person.street_days.get().title == "Food in the market"


def test_capture_without_javascript_posts_and_a_second_post_saves_nothing(client):
    """The form carries its code: posting it twice (a double click) keeps one entry."""
    day = StreetDayFactory()
    client.force_login(day.facilitator)
    url = reverse("streettalk:capture", args=[day.pk])
    data = {"uuid": str(uuid.uuid4()), "said": "More benches", "place": "", "age_band": ""}
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    assert StreetEntry.objects.filter(day=day).count() == 1


def test_capture_answers_json_201_then_200_for_the_same_code(client):
    day = StreetDayFactory()
    client.force_login(day.facilitator)
    url = reverse("streettalk:capture", args=[day.pk])
    code = str(uuid.uuid4())
    data = {"uuid": code, "said": "Cheaper fruit", "place": "Bus station", "age_band": "25_44"}
    first = client.post(url, data, headers={"Accept": "application/json"})
    again = client.post(url, data, headers={"Accept": "application/json"})
    assert first.status_code == 201 and again.status_code == 200
    assert first.json()["id"] == again.json()["id"]
    assert StreetEntry.objects.get(uuid=code).via == StreetEntry.Via.PHONE


def test_capture_json_errors_are_400(client):
    day = StreetDayFactory()
    client.force_login(day.facilitator)
    url = reverse("streettalk:capture", args=[day.pk])
    bad = client.post(
        url, {"uuid": str(uuid.uuid4()), "said": ""}, headers={"Accept": "application/json"}
    )
    assert bad.status_code == 400 and "said" in bad.json()["errors"]


def test_paper_entries_are_marked_paper(client):
    day = StreetDayFactory()
    client.force_login(day.facilitator)
    url = reverse("streettalk:paper", args=[day.pk])
    response = client.post(url, {"uuid": str(uuid.uuid4()), "said": "Fix the bins"})
    assert response.status_code == 302
    assert day.entries.get().via == StreetEntry.Via.PAPER


def test_capture_with_an_error_shows_one_error(client):
    day = StreetDayFactory()
    client.force_login(day.facilitator)
    url = reverse("streettalk:capture", args=[day.pk])
    response = client.post(url, {"uuid": str(uuid.uuid4()), "said": "", "place": "4 Elm Road"})
    assert response.status_code == 400
    page = response.content.decode()
    assert page.count("govuk-error-summary__title") == 1 and "Enter what they said" in page


def test_public_page_only_when_published_and_only_named_themes(client):
    """Unpublished: 404. Published: named themes, small counts hidden, no entries."""
    day = StreetDayFactory()
    ward = WardFactory()
    named = ThemeFactory(day=day, name="Cheaper food")
    unnamed = ThemeFactory(day=day, top_words=["secretword"])
    StreetEntryFactory.create_batch(3, day=day, theme=named, ward=ward, said="quoteme")
    StreetEntryFactory.create_batch(6, day=day, theme=unnamed)
    url = reverse("streettalk:public", args=[day.pk])
    assert client.get(url).status_code == 404
    day.themes_published = True
    day.save()
    page = client.get(url).content.decode()
    assert "Cheaper food" in page and "fewer than 5" in page
    assert "secretword" not in page and "quoteme" not in page


def test_publish_and_find_themes_are_post_only_and_for_the_facilitator(client):
    day = StreetDayFactory()
    publish = reverse("streettalk:publish", args=[day.pk])
    client.force_login(UserFactory())
    assert client.post(publish, {"published": "yes"}).status_code == 403
    client.force_login(day.facilitator)
    assert client.get(publish).status_code == 405
    assert client.post(publish, {"published": "yes"}).status_code == 302
    day.refresh_from_db()
    assert day.themes_published


def test_rename_and_merge_through_the_pages(client):
    day = StreetDayFactory()
    a, b = ThemeFactory(day=day), ThemeFactory(day=day)
    StreetEntryFactory(day=day, theme=a)
    client.force_login(day.facilitator)
    client.post(reverse("streettalk:theme", args=[a.pk]), {"name": "Markets"})
    a.refresh_from_db()
    assert a.name == "Markets"
    response = client.post(reverse("streettalk:merge", args=[a.pk]), {"into": b.pk})
    assert response.status_code == 302
    b.refresh_from_db()
    assert b.name == "Markets" and b.entries.count() == 1


def test_day_list_and_entries_page_query_counts(client, django_assert_max_num_queries):
    """The day's entry list and the index take a fixed number of queries."""
    day = StreetDayFactory()
    StreetEntryFactory.create_batch(30, day=day, theme=ThemeFactory(day=day), ward=WardFactory())
    client.force_login(day.facilitator)
    with django_assert_max_num_queries(12):
        assert client.get(reverse("streettalk:day", args=[day.pk])).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(reverse("streettalk:index")).status_code == 200


def test_public_page_query_count(client, django_assert_max_num_queries):
    """The public page takes the same few queries however many themes there are."""
    day = StreetDayFactory(themes_published=True)
    for n in range(8):
        theme = ThemeFactory(day=day, name=f"Theme {n}")
        StreetEntryFactory.create_batch(6, day=day, theme=theme, ward=WardFactory())
    with django_assert_max_num_queries(8):
        page = client.get(reverse("streettalk:public", args=[day.pk])).content.decode()
    assert "Theme 7" in page and "fewer than 5" in page
