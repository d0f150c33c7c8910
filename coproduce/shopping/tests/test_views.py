from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.directory.tests.factories import OrganisationFactory, ServiceFactory
from coproduce.groups.models import Membership
from coproduce.shopping.models import Expense, Programme, ProgrammeService, Question, Shopper, Visit

from .factories import ProgrammeFactory, ShopperFactory, VisitFactory, programme_with_questions

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return UserFactory(roles=[Role.OFFICER])


def _day(prefix: str, day) -> dict:
    return {f"{prefix}-day": day.day, f"{prefix}-month": day.month, f"{prefix}-year": day.year}


def _answers(programme) -> dict:
    data = _day("done_on", timezone.localdate())
    for question in programme.questions.all():
        data[f"q{question.pk}"] = {"scale": "2", "yes_no": "no", "words": "Long wait."}[
            question.kind
        ]
    return data


def test_anyone_sees_the_list_of_running_programmes(client, django_assert_max_num_queries):
    """The list shows running programmes and hides ones being set up."""
    ProgrammeFactory(title="Front desks")
    ProgrammeFactory(title="Secret draft", status=Programme.Status.DRAFT)
    with django_assert_max_num_queries(6):
        response = client.get(reverse("shopping:list"))
    assert response.status_code == 200
    assert "Front desks" in response.text and "Secret draft" not in response.text


def test_a_draft_programme_is_hidden_from_residents(client):
    """A programme being set up is a 404 for residents."""
    programme = ProgrammeFactory(status=Programme.Status.DRAFT)
    client.force_login(UserFactory())
    assert client.get(reverse("shopping:detail", args=[programme.pk])).status_code == 404


def test_only_officers_set_up_programmes(client, officer):
    """A resident is refused; an officer makes a programme and goes on to its questions."""
    client.force_login(UserFactory())
    assert client.get(reverse("shopping:create")).status_code == 403
    service = ServiceFactory()
    client.force_login(officer)
    today = timezone.localdate()
    response = client.post(
        reverse("shopping:create"),
        {
            "title": "Front desks",
            "guide": "Ask for help.",
            "services": [service.pk],
            **_day("starts_on", today),
            **_day("ends_on", today + timedelta(days=20)),
            "expenses_limit": "5",
            "credit_minutes": "0",
        },
    )
    programme = Programme.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("shopping:question_create", args=[programme.pk])


def test_a_question_is_added_with_its_easy_read_words(client, officer):
    """The question form saves the easy-read wording and picture."""
    programme = ProgrammeFactory(status=Programme.Status.DRAFT)
    client.force_login(officer)
    response = client.post(
        reverse("shopping:question_create", args=[programme.pk]),
        {
            "kind": "yes_no",
            "text": "Was it clean?",
            "easy_read_text": "Was it clean?",
            "picture": "eye",
        },
    )
    assert response.status_code == 302
    assert Question.objects.get().picture == "eye"


def test_signing_up_without_agreeing_shows_an_error(client):
    """The consent box must be ticked: a 400 with the error, and nobody is added."""
    programme = programme_with_questions()
    client.force_login(UserFactory())
    response = client.post(reverse("shopping:detail", args=[programme.pk]), {})
    assert response.status_code == 400
    assert "Tick the box to say you agree to take part" in response.text
    assert not Shopper.objects.exists()


def test_a_resident_signs_up_with_their_advocate(client):
    """The advocate is named as the person who helps."""
    programme = programme_with_questions()
    person = UserFactory()
    client.force_login(person)
    response = client.post(
        reverse("shopping:detail", args=[programme.pk]),
        {"agreed": "on", "supporter_kind": "advocate", "supporter_name": "Jo Advocate"},
    )
    assert response.status_code == 302
    shopper = Shopper.objects.get()
    assert shopper.person == person and shopper.supporter_name == "Jo Advocate"


def test_a_shopper_changes_who_helps_them(client):
    """A new carer is named from the programme's page; only the shopper can do it, a kind
    without a name is an error, and saying nobody helps clears the name."""
    shopper = ShopperFactory(programme=programme_with_questions())
    url = reverse("shopping:supporter", args=[shopper.programme.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    client.force_login(shopper.person)
    assert url in client.get(reverse("shopping:detail", args=[shopper.programme.pk])).text
    response = client.post(url, {"supporter_kind": "carer", "supporter_name": ""})
    assert response.status_code == 400
    assert "Enter the name of the person who helps you" in response.text
    client.post(url, {"supporter_kind": "carer", "supporter_name": "Sam Carer"})
    shopper.refresh_from_db()
    assert (shopper.supporter_kind, shopper.supporter_name) == ("carer", "Sam Carer")
    client.post(url, {"supporter_kind": "", "supporter_name": "Sam Carer"})
    shopper.refresh_from_db()
    assert (shopper.supporter_kind, shopper.supporter_name) == ("", "")


def test_the_visits_page_is_for_officers(client, officer):
    """Residents may not see the shoppers list; officers give out a visit there."""
    programme = programme_with_questions()
    shopper = ShopperFactory(programme=programme)
    client.force_login(shopper.person)
    assert client.get(reverse("shopping:visits", args=[programme.pk])).status_code == 403
    client.force_login(officer)
    response = client.post(
        reverse("shopping:visits", args=[programme.pk]),
        {
            "shopper": shopper.pk,
            "service": programme.services.first().pk,
            "how": "visit",
            **_day("due_on", timezone.localdate() + timedelta(days=5)),
        },
    )
    assert response.status_code == 302
    assert Visit.objects.filter(shopper=shopper).exists()


def test_the_visits_page_lists_without_a_query_per_row(
    client, officer, django_assert_max_num_queries
):
    """Many visits cost no more queries than one."""
    programme = programme_with_questions()
    for _n in range(6):
        VisitFactory(shopper=ShopperFactory(programme=programme))
    client.force_login(officer)
    with django_assert_max_num_queries(20):
        response = client.get(reverse("shopping:visits", args=[programme.pk]))
    assert response.status_code == 200


def test_a_shopper_records_a_visit_with_the_standard_form(client):
    """The shopper's answers are saved as online."""
    programme = programme_with_questions()
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    client.force_login(visit.shopper.person)
    response = client.post(reverse("shopping:visit", args=[visit.pk]), _answers(programme))
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.way == "online" and visit.answers.count() == 3


def test_a_missing_answer_gives_a_form_error(client):
    """An unanswered question is a 400 with its error."""
    programme = programme_with_questions()
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    client.force_login(visit.shopper.person)
    data = _answers(programme)
    scale = programme.questions.get(kind="scale")
    del data[f"q{scale.pk}"]
    response = client.post(reverse("shopping:visit", args=[visit.pk]), data)
    assert response.status_code == 400
    assert "Choose a number from 1 to 5" in response.text


def test_another_resident_cannot_see_a_visit(client):
    """Someone else's visit is a 404."""
    visit = VisitFactory(shopper=ShopperFactory(programme=programme_with_questions()))
    client.force_login(UserFactory())
    assert client.get(reverse("shopping:visit", args=[visit.pk])).status_code == 404


def test_an_officer_types_in_a_paper_form(client, officer):
    """Paper forms are kept as from paper, by the officer."""
    programme = programme_with_questions()
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    client.force_login(visit.shopper.person)
    assert client.get(reverse("shopping:visit_paper", args=[visit.pk])).status_code == 403
    client.force_login(officer)
    data = _answers(programme) | {"with_supporter": "on", "supporter_name": "Sam Carer"}
    response = client.post(reverse("shopping:visit_paper", args=[visit.pk]), data)
    assert response.status_code == 302
    visit.refresh_from_db()
    assert visit.way == "paper" and visit.entered_by == officer
    assert visit.supporter_name == "Sam Carer"


def test_the_printable_paper_form_shows_the_easy_read_questions(client):
    """The paper form has each question's easy-read words."""
    programme = programme_with_questions()
    response = client.get(reverse("shopping:paper", args=[programme.pk]))
    assert response.status_code == 200
    assert "Did they say their name?" in response.text


def test_an_officer_approves_a_claim(client, officer):
    """The decision form approves the claim; a GET is not allowed."""
    programme = programme_with_questions(expenses_limit=Decimal("5"))
    visit = VisitFactory(shopper=ShopperFactory(programme=programme))
    expense = Expense.objects.create(visit=visit, amount=Decimal("2.50"), what_for="Bus")
    url = reverse("shopping:expense_decide", args=[programme.pk, expense.pk])
    client.force_login(officer)
    assert client.get(url).status_code == 405
    assert client.post(url, {"decision": "approve"}).status_code == 302
    expense.refresh_from_db()
    assert expense.status == "approved"


def test_results_are_for_the_service_organisers_and_officers(client, officer):
    """A resident is refused; an organiser sees counts, with small ones hidden."""
    programme = programme_with_questions()
    organisation = OrganisationFactory()
    service = ServiceFactory(organisation=organisation)
    programme.services.add(service)
    for _n in range(2):
        visit = VisitFactory(shopper=ShopperFactory(programme=programme), service=service)
        client.force_login(visit.shopper.person)
        client.post(reverse("shopping:visit", args=[visit.pk]), _answers(programme))
    url = reverse("shopping:service_results", args=[programme.pk, service.pk])
    client.force_login(UserFactory())
    assert client.get(url).status_code == 403
    organiser = UserFactory()
    Membership.objects.create(
        organisation=organisation, user=organiser, role=Membership.Role.ORGANISER
    )
    client.force_login(organiser)
    response = client.get(url)
    assert response.status_code == 200
    assert "fewer than 5" in response.text
    assert "Long wait." in response.text
    # Once the programme has finished, the organiser records what the council will change.
    record = reverse(
        "yousaid:record",
        args=["shopping", ProgrammeService.objects.get(programme=programme, service=service).pk],
    )
    assert record not in response.text
    programme.status = programme.Status.CLOSED
    programme.save(update_fields=["status"])
    assert record in client.get(url).text


def test_post_only_pages_refuse_get(client, officer):
    """Opening, finishing and leaving are POST only."""
    programme = programme_with_questions()
    client.force_login(officer)
    for name in ("open", "close", "leave"):
        assert client.get(reverse(f"shopping:{name}", args=[programme.pk])).status_code == 405


def test_the_visits_list_comes_in_pages_with_those_to_do_first(client, officer, monkeypatch):
    """A long programme's visits are shown a page at a time; visits still to do come first."""
    from coproduce.shopping.views import visits as visit_views

    monkeypatch.setattr(visit_views, "VISITS_PER_PAGE", 2)
    programme = programme_with_questions()
    shopper = ShopperFactory(programme=programme)
    done = VisitFactory(shopper=shopper)
    client.force_login(shopper.person)
    client.post(reverse("shopping:visit", args=[done.pk]), _answers(programme))
    to_do = [VisitFactory(shopper=shopper) for _n in range(2)]
    client.force_login(officer)
    url = reverse("shopping:visits", args=[programme.pk])
    first = client.get(url).text
    assert all(reverse("shopping:visit_paper", args=[v.pk]) in first for v in to_do)
    assert reverse("shopping:visit", args=[done.pk]) not in first
    assert reverse("shopping:visit", args=[done.pk]) in client.get(url + "?page=2").text
    assert client.get(url + "?page=99").status_code == 200
