from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.roles import Role
from coproduce.accounts.tests.factories import UserFactory
from coproduce.councillors.models import Question, Seat
from coproduce.discussion.models import HiddenThing
from coproduce.places.tests.factories import WardFactory

from .factories import QuestionFactory, SeatFactory

pytestmark = pytest.mark.django_db


def _ward_url(ward) -> str:
    return reverse("councillors:ward", args=[ward.slug])


def test_ward_page_shows_accepted_councillors_only(client):
    """Accepted seats are public by their public name; offered ones are not shown."""
    seat = SeatFactory(public_name="Councillor Ada Byron")
    SeatFactory(ward=seat.ward, public_name="Councillor Not Yet", status=Seat.Status.OFFERED)
    page = client.get(_ward_url(seat.ward)).content.decode()
    assert "Councillor Ada Byron" in page
    assert "Councillor Not Yet" not in page
    assert seat.person.email not in page


def test_ward_page_queries_stay_few(client, django_assert_max_num_queries):
    """The page costs the same few queries however many questions there are."""
    seat = SeatFactory()
    QuestionFactory.create_batch(15, seat=seat)
    client.force_login(UserFactory())
    with django_assert_max_num_queries(20):
        response = client.get(_ward_url(seat.ward))
    assert response.status_code == 200


def test_an_unknown_ward_is_404(client):
    """A made-up ward is not found."""
    assert client.get(reverse("councillors:ward", args=["nowhere"])).status_code == 404


def test_the_asker_is_a_resident_unless_they_chose(client):
    """Without the choice, the question reads "A resident"; with it, their name."""
    seat = SeatFactory()
    hidden = QuestionFactory(seat=seat, asker=UserFactory(display_name="Quiet Quinn"))
    named = QuestionFactory(seat=seat, show_name=True, asker=UserFactory(display_name="Olive"))
    client.force_login(named.asker)
    page = client.get(_ward_url(seat.ward)).content.decode()
    assert "Quiet Quinn" not in page
    assert "A resident asked" in page
    assert "Olive asked" in page
    assert hidden.body in page


def test_old_unanswered_questions_show_as_waiting(client):
    """More than 28 days without an answer reads as waiting."""
    question = QuestionFactory()
    Question.objects.filter(pk=question.pk).update(created_at=timezone.now() - timedelta(days=29))
    page = client.get(_ward_url(question.seat.ward)).content.decode()
    assert "Waiting more than 28 days" in page


def test_hidden_questions_leave_the_page(client):
    """A question a moderator hid is not listed."""
    question = QuestionFactory(body="Something rude")
    HiddenThing.objects.create(kind="cllr_q", target_id=question.pk, reason="Rude")
    assert "Something rude" not in client.get(_ward_url(question.seat.ward)).content.decode()


def test_asking_needs_signing_in(client):
    """A visitor is sent to sign in."""
    seat = SeatFactory()
    response = client.get(reverse("councillors:ask", args=[seat.ward.slug]))
    assert response.status_code == 302


def test_asking_with_no_councillor_is_403(client):
    """A ward with no councillor takes no questions."""
    client.force_login(UserFactory())
    assert client.get(reverse("councillors:ask", args=[WardFactory().slug])).status_code == 403


def test_a_resident_asks_a_question(client):
    """The question is saved, shown, and the asker lands on it."""
    seat = SeatFactory()
    asker = UserFactory()
    client.force_login(asker)
    response = client.post(
        reverse("councillors:ask", args=[seat.ward.slug]),
        {"seat": seat.pk, "body": "Can we have a crossing?", "show_name": "no"},
    )
    question = Question.objects.get()
    assert response.status_code == 302 and f"#question-{question.pk}" in response.url
    assert question.asker == asker and not question.show_name


def test_a_bad_question_is_a_400_with_messages(client):
    """Missing text and a made-up councillor are form errors."""
    seat = SeatFactory()
    client.force_login(UserFactory())
    response = client.post(
        reverse("councillors:ask", args=[seat.ward.slug]),
        {"seat": "99999", "body": "", "show_name": "maybe"},
    )
    assert response.status_code == 400
    assert "Enter your question" in response.content.decode()


def test_asking_is_rate_limited(client, settings):
    """Past the limit the resident sees a 429 and nothing is saved."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "councillor_question": "1/d"}
    seat = SeatFactory()
    client.force_login(UserFactory())
    url = reverse("councillors:ask", args=[seat.ward.slug])
    data = {"seat": seat.pk, "body": "Why?", "show_name": "no"}
    client.post(url, data)
    assert client.post(url, data).status_code == 429
    assert Question.objects.count() == 1


def test_the_councillor_answers(client):
    """The councillor asked answers; the answer is on the ward page."""
    question = QuestionFactory()
    client.force_login(question.seat.person)
    assert client.get(reverse("councillors:answer", args=[question.pk])).status_code == 200
    client.post(reverse("councillors:answer", args=[question.pk]), {"answer": "Yes, in May."})
    assert "Yes, in May." in client.get(_ward_url(question.seat.ward)).content.decode()


def test_others_cannot_open_the_answer_page(client):
    """Anyone but the councillor asked gets a 403; a missing question is 404."""
    question = QuestionFactory()
    client.force_login(question.asker)
    assert client.get(reverse("councillors:answer", args=[question.pk])).status_code == 403
    assert client.get(reverse("councillors:answer", args=[999999])).status_code == 404


def test_accepting_is_a_post_by_the_person(client):
    """The person accepts on their page; someone else gets a 403."""
    seat = SeatFactory(status=Seat.Status.OFFERED)
    client.force_login(UserFactory())
    assert client.post(reverse("councillors:seat_accept", args=[seat.pk])).status_code == 403
    client.force_login(seat.person)
    assert client.get(reverse("councillors:mine")).status_code == 200
    assert client.get(reverse("councillors:seat_accept", args=[seat.pk])).status_code == 405
    client.post(reverse("councillors:seat_accept", args=[seat.pk]))
    seat.refresh_from_db()
    assert seat.status == Seat.Status.ACCEPTED


def test_officers_offer_seats_on_their_page(client):
    """An officer adds a councillor by their account's email; residents get a 403."""
    person, ward = UserFactory(), WardFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("councillors:manage")).status_code == 403
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    response = client.post(
        reverse("councillors:manage"),
        {
            "email": person.email,
            "ward": ward.pk,
            "public_name": "Cllr Jo Lee",
            "party": "",
            "role": "",
        },
    )
    assert response.status_code == 302
    assert Seat.objects.get().person == person


def test_an_offer_to_no_account_is_a_form_error(client):
    """An address with no account is refused on the email field."""
    client.force_login(UserFactory(roles=[Role.OFFICER]))
    response = client.post(
        reverse("councillors:manage"),
        {"email": "nobody@example.org", "ward": WardFactory().pk, "public_name": "X"},
    )
    assert response.status_code == 400
    assert "no open account" in response.content.decode()


def test_the_councillor_puts_on_a_surgery(client):
    """The surgery form makes an event, shown on the ward page."""
    seat = SeatFactory(person=UserFactory(roles=[Role.COUNCILLOR]))
    client.force_login(seat.person)
    day = timezone.localdate() + timedelta(days=10)
    response = client.post(
        reverse("councillors:surgery_new", args=[seat.pk]),
        {
            "day-day": day.day,
            "day-month": day.month,
            "day-year": day.year,
            "starts": "10am",
            "ends": "12pm",
            "place": "",
            "online_url": "https://example.org/meet",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert seat.surgeries.count() == 1
    assert "online" in client.get(_ward_url(seat.ward)).content.decode()


def test_residents_cannot_open_the_surgery_form(client):
    """Only the councillor or an officer see it."""
    seat = SeatFactory()
    client.force_login(UserFactory())
    assert client.get(reverse("councillors:surgery_new", args=[seat.pk])).status_code == 403


def test_the_ward_page_links_to_the_councillors(client):
    """The ward's own page names its councillors and links here."""
    seat = SeatFactory(public_name="Councillor Ada Byron")
    page = client.get(reverse("site:ward_detail", args=[seat.ward.slug])).content.decode()
    assert "Councillor Ada Byron" in page
    assert _ward_url(seat.ward) in page


def test_the_ward_page_shows_feedback_from_five_responses_and_the_councils_responses(client):
    """What residents said about services in the ward, only once 5 have; and what the council
    said it would change there."""
    from coproduce.directory.models import ServiceAtLocation
    from coproduce.feedback.tests.factories import FeedbackFactory
    from coproduce.places.tests.factories import PlaceFactory
    from coproduce.yousaid.tests.factories import CouncilResponseFactory

    seat = SeatFactory()
    few, enough = FeedbackFactory().service, FeedbackFactory().service
    for service in (few, enough):
        ServiceAtLocation.objects.create(service=service, place=PlaceFactory(ward=seat.ward))
    FeedbackFactory.create_batch(3, service=few)
    FeedbackFactory.create_batch(4, service=enough)
    CouncilResponseFactory(ward=seat.ward, will_change="Ten new benches in the park")
    page = client.get(_ward_url(seat.ward)).text
    assert enough.name in page and "5 responses" in page
    assert few.name not in page
    assert "Ten new benches in the park" in page


def test_the_ward_page_counts_mystery_shopping_visits_to_services_there(client):
    """Only finished programmes' recorded visits; a small count reads "fewer than 5"."""
    from coproduce.directory.models import ServiceAtLocation
    from coproduce.places.tests.factories import PlaceFactory
    from coproduce.shopping.models import Programme
    from coproduce.shopping.tests.factories import VisitFactory

    seat = SeatFactory()
    visit = VisitFactory(recorded_at=timezone.now(), done_on=timezone.localdate(), way="online")
    ServiceAtLocation.objects.create(service=visit.service, place=PlaceFactory(ward=seat.ward))
    assert visit.service.name not in client.get(_ward_url(seat.ward)).text
    Programme.objects.filter(pk=visit.programme_id).update(status=Programme.Status.CLOSED)
    page = client.get(_ward_url(seat.ward)).text
    assert visit.service.name in page and "fewer than 5 visits or calls" in page
