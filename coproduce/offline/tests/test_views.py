"""Who may open each page, and what the forms do."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.champions.tests.factories import StreetChampionFactory
from coproduce.gatherings.tests.factories import EventFactory
from coproduce.offline.models import Act, OfflineResident, PaperSheet
from coproduce.offline.services.sheets import sheet_create
from coproduce.surveys.tests.factories import QuestionFactory, SurveyFactory

from .factories import officer, offline_resident

pytestmark = pytest.mark.django_db

RESIDENT_PAGES = ["resident", "contact", "take_over_start", "rsvp", "subscribe", "time", "polls"]


@pytest.fixture
def cast():
    """An officer, a resident registered offline, their champion, another champion, a
    resident and a visitor."""
    record = offline_resident()
    return {
        "record": record,
        "officer": officer(),
        "their_champion": StreetChampionFactory(street=record.street).champion,
        "other_champion": StreetChampionFactory().champion,
        "resident": UserFactory(),
        "visitor": None,
    }


def _get(client, user, url):
    if user is not None:
        client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize("page", RESIDENT_PAGES)
@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("officer", 200),
        ("their_champion", 200),
        ("other_champion", 403),
        ("resident", 403),
        ("visitor", 302),
    ],
)
def test_who_may_open_a_record_and_its_acting_pages(client, cast, page, who, status):
    """Only officers and their champion see the record and the pages that act for them."""
    url = reverse(f"offline:{page}", args=[cast["record"].pk])
    assert _get(client, cast[who], url).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer", 200), ("their_champion", 200), ("resident", 403), ("visitor", 302)],
)
@pytest.mark.parametrize("page", ["index", "register"])
def test_who_may_register(client, cast, page, who, status):
    """Officers and champions may register people; residents and visitors may not."""
    assert _get(client, cast[who], reverse(f"offline:{page}")).status_code == status


@pytest.mark.parametrize(
    ("who", "status"),
    [("officer", 200), ("their_champion", 403), ("resident", 403), ("visitor", 302)],
)
def test_only_officers_use_sheets(client, cast, who, status):
    """Sheets are for officers only."""
    sheet = sheet_create(by=cast["officer"], kind=PaperSheet.Kind.EVENT, event=EventFactory())
    for url in (
        reverse("offline:sheets"),
        reverse("offline:sheet", args=[sheet.pk]),
        reverse("offline:sheet_type_in", args=[sheet.pk]),
    ):
        assert _get(client, cast[who], url).status_code == status


def test_a_poll_page_is_for_their_helpers(client, cast):
    """The poll answering page for them: their champion yes, another champion no."""
    survey = SurveyFactory()
    QuestionFactory(survey=survey, kind="text")
    url = reverse("offline:poll", args=[cast["record"].pk, survey.pk])
    assert _get(client, cast["their_champion"], url).status_code == 200
    assert _get(client, cast["other_champion"], url).status_code == 403


def test_walk_ins_page_is_for_organisers_and_officers(client, cast):
    """A resident cannot open the walk-ins page; an officer can."""
    event = EventFactory(starts_at=timezone.now() - timedelta(hours=1))
    url = reverse("offline:walk_ins", args=[event.pk])
    assert _get(client, cast["resident"], url).status_code == 403
    assert _get(client, cast["officer"], url).status_code == 200


def test_registering_through_the_form(client, cast):
    """The form registers them and shows their record page."""
    client.force_login(cast["officer"])
    street = cast["record"].street
    response = client.post(
        reverse("offline:register"),
        {
            "name": "Mo Khan",
            "ward": street.ward_id,
            "street": street.name.upper(),
            "contact_by": "phone",
            "phone": "01234 567890",
            "consent_how": "in_person",
            "agreed_to": ["record", "act"],
        },
    )
    record = OfflineResident.objects.exclude(pk=cast["record"].pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("offline:resident", args=[record.pk])
    assert record.street == street


def test_the_form_refuses_without_consent(client, cast):
    """No consent ticked is a 400 with the error summary, and nobody is registered."""
    client.force_login(cast["officer"])
    response = client.post(
        reverse("offline:register"),
        {"name": "Mo", "ward": cast["record"].ward_id, "contact_by": "champion"},
    )
    assert response.status_code == 400
    assert "govuk-error-summary" in response.text
    assert OfflineResident.objects.count() == 1


def test_the_record_page_asks_what_to_do_for_them(client, cast):
    """The page names them through the naming rule and offers the acts."""
    client.force_login(cast["officer"])
    response = client.get(reverse("offline:resident", args=[cast["record"].pk]))
    assert "What would you like to do for Edna Price?" in response.text
    assert "Registered them" in response.text


def test_typing_in_a_sheet_through_the_page(client, cast):
    """Several lines at once, without JavaScript: a plain formset."""
    client.force_login(cast["officer"])
    event = EventFactory()
    sheet = sheet_create(by=cast["officer"], kind=PaperSheet.Kind.EVENT, event=event)
    data = {"line-TOTAL_FORMS": "3", "line-INITIAL_FORMS": "0"}
    data |= {"line-0-reference": cast["record"].reference}
    data |= {"line-1-name": "Ada", "line-1-consent": "on", "line-1-contact_by": "champion"}
    response = client.post(reverse("offline:sheet_type_in", args=[sheet.pk]), data)
    assert response.status_code == 302
    assert OfflineResident.objects.get(user__display_name="Ada").ward == event.place.ward
    assert Act.objects.filter(kind=Act.Kind.RSVP).count() == 2


def test_a_bad_line_is_a_400_naming_the_line(client, cast):
    """A line without consent stops the sheet with an error summary; nothing is saved."""
    client.force_login(cast["officer"])
    sheet = sheet_create(by=cast["officer"], kind=PaperSheet.Kind.EVENT, event=EventFactory())
    data = {"line-TOTAL_FORMS": "2", "line-INITIAL_FORMS": "0", "line-1-name": "Ada"}
    response = client.post(reverse("offline:sheet_type_in", args=[sheet.pk]), data)
    assert response.status_code == 400
    assert "Line 2" in response.text and "govuk-error-summary" in response.text
    assert OfflineResident.objects.count() == 1


def test_the_list_page_takes_few_queries(client, cast, django_assert_max_num_queries):
    """The list of people costs the same few queries however many there are."""
    for n in range(5):
        offline_resident(by=cast["officer"], name=f"Person {n}")
    client.force_login(cast["officer"])
    with django_assert_max_num_queries(12):
        response = client.get(reverse("offline:index"))
    assert response.status_code == 200
    assert response.text.count("/on-behalf/residents/") == 6


def test_the_record_page_takes_few_queries(client, cast, django_assert_max_num_queries):
    """The record page, with its log, costs a fixed number of queries."""
    client.force_login(cast["officer"])
    with django_assert_max_num_queries(20):
        client.get(reverse("offline:resident", args=[cast["record"].pk]))


def test_event_page_shows_walk_ins_with_small_counts_hidden(client):
    """The event page counts people who walked in; 1 to 4 read "fewer than 5"."""
    from coproduce.offline.models import WalkIns

    event = EventFactory(starts_at=timezone.now() - timedelta(hours=2))
    WalkIns.objects.create(event=event, count=3)
    page = client.get(reverse("gatherings:event", args=[event.pk])).text
    assert "People who came without giving a name: fewer than 5." in page
