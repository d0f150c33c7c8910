"""The feedback pages: giving it (standard and easy read), the public pages, the owner's."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coproduce.accounts.tests.factories import UserFactory
from coproduce.directory.tests.factories import ServiceFactory
from coproduce.feedback.models import Feedback
from coproduce.groups.tests.factories import OrganiserFactory

from .factories import FeedbackFactory

pytestmark = pytest.mark.django_db


def _url(name, service, *more):
    return reverse(f"feedback:{name}", args=[service.uuid, *more])


def _owner(service):
    return OrganiserFactory(organisation=service.organisation).user


# The service page's panel


def test_service_page_links_to_both_forms_and_shows_no_numbers_under_5(client):
    """Fewer than 5 responses: the ways to give feedback, and no summary at all."""
    service = ServiceFactory()
    FeedbackFactory.create_batch(4, service=service, rating=5)
    page = client.get(reverse("services:detail", args=[service.uuid])).content.decode()
    assert _url("give", service) in page and _url("easy_start", service) in page
    assert "How it went:" not in page


def test_service_page_shows_the_summary_from_5(client):
    """5 responses: the count, each rating (small ones as "fewer than 5") and share answered."""
    service = ServiceFactory()
    FeedbackFactory.create_batch(4, service=service, rating=5)
    FeedbackFactory(service=service, rating=1, answered_at=timezone.now(), answer="Sorry")
    page = client.get(reverse("services:detail", args=[service.uuid])).content.decode()
    assert "How it went: 5 responses" in page
    assert "fewer than 5" in page
    assert "20%" in page


# The standard form


def test_visitor_gives_anonymous_feedback(client):
    """A visitor's feedback has no person, and they are thanked."""
    service = ServiceFactory()
    response = client.post(
        _url("give", service),
        {"rating": "2", "went_well": "Friendly", "could_be_better": "Wait", "contact_by": ""},
    )
    assert response.status_code == 302 and response.url == _url("thanks", service)
    feedback = Feedback.objects.get()
    assert feedback.person is None and feedback.rating == 2 and feedback.via == "standard"


def test_visitor_is_not_offered_a_name_or_account_contact(client):
    """Without an account there is no name box and no "through my account"."""
    page = client.get(_url("give", ServiceFactory())).content.decode()
    assert 'name="show_name"' not in page and 'value="account"' not in page


def test_signed_in_person_may_give_their_name(client):
    """Someone signed in may tick to give their name and be contacted through the site."""
    person = UserFactory()
    client.force_login(person)
    service = ServiceFactory()
    client.post(
        _url("give", service),
        {"rating": "5", "show_name": "on", "contact_by": "account", "words_public": "on"},
    )
    feedback = Feedback.objects.get()
    assert (feedback.person, feedback.show_name, feedback.contact_by) == (person, True, "account")
    assert feedback.words_public


def test_missing_rating_and_email_are_form_errors(client):
    """No rating, and "by email" with no address: 400 with both errors."""
    response = client.post(_url("give", ServiceFactory()), {"contact_by": "email"})
    assert response.status_code == 400
    assert "Choose how it went" in response.content.decode()
    assert "Enter the email address we may use" in response.content.decode()
    assert not Feedback.objects.exists()


def test_visitors_are_limited_per_network_address(client, settings):
    """Past the limit, a visitor gets the 429 page and nothing is kept."""
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "feedback_give": "2/h"}
    service = ServiceFactory()
    for _ in range(2):
        assert client.post(_url("give", service), {"rating": "3"}).status_code == 302
    assert client.post(_url("give", service), {"rating": "3"}).status_code == 429
    assert Feedback.objects.count() == 2


def test_hidden_service_takes_no_feedback(client):
    """An unlisted service's feedback pages are not found."""
    service = ServiceFactory(is_listed=False)
    assert client.get(_url("give", service)).status_code == 404
    assert client.get(_url("easy_start", service)).status_code == 404


# Easy read


def _walk(client, service, answers):
    for step, value in answers:
        response = client.post(_url("easy_step", service, step), {"answer": value})
        assert response.status_code == 302, (step, response.content.decode()[:500])
    return response


def test_easy_read_one_question_a_page_to_the_same_service(client):
    """Each page moves to the next; the last goes to the check page; sending keeps it."""
    service = ServiceFactory()
    start = client.get(_url("easy_start", service))
    assert _url("easy_step", service, "rating") in start.content.decode()
    last = _walk(
        client,
        service,
        [
            ("rating", "1"),
            ("went_well", ""),
            ("could_be_better", "More chairs"),
            ("contact_by", "email"),
            ("contact_email", "me@example.org"),
            ("words_public", "no"),
        ],
    )
    assert last.url == _url("easy_check", service)
    check = client.get(_url("easy_check", service)).content.decode()
    assert "More chairs" in check and "Not good at all" in check and "?change=1" in check
    sent = client.post(_url("easy_check", service))
    assert sent.url == _url("thanks", service)
    feedback = Feedback.objects.get()
    assert (feedback.rating, feedback.via, feedback.contact_email) == (
        1,
        "easy_read",
        "me@example.org",
    )
    assert client.get(_url("easy_check", service)).url == _url("easy_step", service, "rating")


def test_easy_read_back_goes_to_the_page_before(client):
    """Back on the second page goes to the first; on the first, to the start."""
    service = ServiceFactory()
    first = client.get(_url("easy_step", service, "rating")).content.decode()
    assert f'href="{_url("easy_start", service)}" class="govuk-back-link"' in first
    second = client.get(_url("easy_step", service, "went_well")).content.decode()
    assert f'href="{_url("easy_step", service, "rating")}" class="govuk-back-link"' in second


def test_easy_read_change_returns_to_the_check_page(client):
    """Changing an answer from the check page goes back to it."""
    service = ServiceFactory()
    _walk(
        client,
        service,
        [
            ("rating", "4"),
            ("went_well", ""),
            ("could_be_better", ""),
            ("contact_by", "no"),
            ("words_public", "yes"),
        ],
    )
    response = client.post(_url("easy_step", service, "rating"), {"answer": "5", "change": "1"})
    assert response.url == _url("easy_check", service)
    assert "Great" in client.get(_url("easy_check", service)).content.decode()


def test_easy_read_empty_choice_is_an_easy_error(client):
    """No choice: the page again, 400, with "Pick one." in the error summary."""
    service = ServiceFactory()
    response = client.post(_url("easy_step", service, "rating"), {})
    assert response.status_code == 400
    assert "Pick one." in response.content.decode()


def test_easy_read_pages_not_asked_are_not_found(client):
    """The email page before "by email", and a made-up page, are 404."""
    service = ServiceFactory()
    assert client.get(_url("easy_step", service, "contact_email")).status_code == 404
    assert client.get(_url("easy_step", service, "nonsense")).status_code == 404


def test_easy_read_sending_early_goes_to_the_first_missing_page(client):
    """Sending before every page is answered keeps nothing."""
    service = ServiceFactory()
    response = client.post(_url("easy_check", service))
    assert response.url == _url("easy_step", service, "rating")
    assert not Feedback.objects.exists()


def test_easy_read_reads_aloud_only_with_javascript(client):
    """The page has the script, and no button of its own: the script adds it."""
    page = client.get(_url("easy_step", ServiceFactory(), "rating")).content.decode()
    assert "easy-read.mjs" in page and "data-easy-read" in page
    assert "Read this to me</button>" not in page


# The public page


def test_public_page_shows_words_only_where_agreed(client):
    """Public answers with words if agreed; private answers not at all."""
    service = ServiceFactory()
    FeedbackFactory(
        service=service,
        went_well="Shown words",
        words_public=True,
        answer="Public one",
        answer_is_public=True,
        answered_at=timezone.now(),
    )
    FeedbackFactory(
        service=service,
        went_well="Hidden words",
        answer="Public two",
        answer_is_public=True,
        answered_at=timezone.now(),
    )
    FeedbackFactory(service=service, answer="Private", answered_at=timezone.now())
    page = client.get(_url("public", service)).content.decode()
    assert "Shown words" in page and "Public one" in page and "Public two" in page
    assert "Hidden words" not in page and "Private" not in page


# The owner's pages


def test_manage_is_for_the_owner_only(client):
    """Visitors sign in; residents are refused; the organiser sees the list."""
    service = ServiceFactory()
    assert client.get(_url("manage", service)).status_code == 302
    client.force_login(UserFactory())
    assert client.get(_url("manage", service)).status_code == 403
    client.force_login(_owner(service))
    assert client.get(_url("manage", service)).status_code == 200


def test_manage_shows_a_name_only_when_given(client):
    """Anonymous unless the person chose to give their name."""
    service = ServiceFactory()
    named = UserFactory(display_name="Priya")
    hidden = UserFactory(display_name="Tomasz")
    FeedbackFactory(service=service, person=named, show_name=True)
    FeedbackFactory(service=service, person=hidden, show_name=False)
    client.force_login(_owner(service))
    page = client.get(_url("manage", service)).content.decode()
    assert "Tomasz" not in page and "Anonymous" in page


def test_manage_list_queries_do_not_grow_with_feedback(client, django_assert_max_num_queries):
    """A page of 20 costs the same few queries whatever is on it."""
    service = ServiceFactory()
    owner = _owner(service)
    for _ in range(25):
        FeedbackFactory(service=service, person=UserFactory(), show_name=True)
    client.force_login(owner)
    with django_assert_max_num_queries(12):
        assert client.get(_url("manage", service)).status_code == 200


def test_manage_bad_filter_is_400_with_the_list(client):
    """A made-up filter value shows its error and every response."""
    service = ServiceFactory()
    FeedbackFactory(service=service)
    client.force_login(_owner(service))
    response = client.get(_url("manage", service), {"answered": "maybe"})
    assert response.status_code == 400
    assert "1 response" in response.content.decode()


def test_owner_answers_in_public(client):
    """The answer is saved and shown on the public page."""
    feedback = FeedbackFactory(words_public=True)
    client.force_login(_owner(feedback.service))
    url = reverse("feedback:answer", args=[feedback.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"text": "We have new chairs", "public": "yes"})
    assert response.status_code == 302
    assert "We have new chairs" in client.get(_url("public", feedback.service)).content.decode()


def test_answer_is_refused_to_others_and_needs_words(client):
    """A resident gets 403; an empty answer is a form error."""
    feedback = FeedbackFactory()
    url = reverse("feedback:answer", args=[feedback.pk])
    client.force_login(UserFactory())
    assert client.post(url, {"text": "Hi", "public": "yes"}).status_code == 403
    client.force_login(_owner(feedback.service))
    assert client.post(url, {"text": "", "public": "yes"}).status_code == 400


def test_your_services_lists_what_waits(client):
    """An organiser sees their services with how many wait for an answer."""
    service = ServiceFactory(name="Advice Café")
    FeedbackFactory.create_batch(3, service=service)
    client.force_login(_owner(service))
    page = client.get(reverse("feedback:mine")).content.decode()
    assert "Advice Café" in page and _url("manage", service) in page
