"""A refusal becomes the right response: a form error and 400, a flashed message and a
redirect, or (left uncaught) the 400 page with its message or the 403 page."""

import pytest
from django import forms
from django.contrib.messages import get_messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.test import RequestFactory
from django.urls import path

from coproduce import urls as site_urls
from coproduce.common.errors import (
    NotAllowed,
    Refusal,
    RefusalMiddleware,
    form_with_errors,
    refusal_to_form,
    refusal_to_message,
    render_form,
)

CLOSED = "The room is closed on Sundays."
MANAGERS_ONLY = "Only the room's manager can do that."


class RoomForm(forms.Form):
    room = forms.CharField()


def _valid_form() -> RoomForm:
    form = RoomForm({"room": "Hall"})
    assert form.is_valid()
    return form


def _refuse(refusal: Refusal) -> None:
    raise refusal


# Views for the tests below, served by this module's own URLs.


def _book(request):
    form = RoomForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with refusal_to_form(form):
            _refuse(Refusal(CLOSED))
            return redirect("/")
    return render_form(request, "base.html", {"form": form})


def _book_then_back(request):
    with refusal_to_message(request, let_through=NotAllowed):
        _refuse(NotAllowed(MANAGERS_ONLY) if request.GET.get("manager") else Refusal(CLOSED))
        return HttpResponse("booked")
    return redirect("/")


def _refused(request):
    raise Refusal(CLOSED)


def _not_allowed(request):
    raise NotAllowed(MANAGERS_ONLY)


urlpatterns = [
    path("test-errors/book/", _book),
    path("test-errors/book-then-back/", _book_then_back),
    path("test-errors/refused/", _refused),
    path("test-errors/not-allowed/", _not_allowed),
    *site_urls.urlpatterns,  # the error pages link to the home page
]
handler400 = site_urls.handler400
handler403 = site_urls.handler403


def test_not_allowed_is_a_refusal():
    """Code that handles any refusal handles "you may not" too."""
    assert issubclass(NotAllowed, Refusal)
    assert str(NotAllowed(MANAGERS_ONLY)) == MANAGERS_ONLY


def test_a_refusal_becomes_an_error_at_the_top_of_the_form():
    """The message joins the form's non-field errors, and the rest of the block is skipped."""
    form, after = _valid_form(), []
    with refusal_to_form(form):
        _refuse(Refusal(CLOSED))
        after.append("ran")
    assert form.non_field_errors() == [CLOSED]
    assert after == []


def test_a_refusal_about_a_field_goes_on_that_field():
    """A refusal naming one of the form's fields puts its message there."""
    form = _valid_form()
    with refusal_to_form(form):
        _refuse(Refusal("Choose another room.", field="room"))
    assert form.errors == {"room": ["Choose another room."]}


def test_a_refusal_about_a_field_the_form_lacks_goes_at_the_top():
    """A field the form does not have cannot hold the message, so the top of the form does."""
    form = _valid_form()
    with refusal_to_form(form):
        _refuse(Refusal(CLOSED, field="date"))
    assert form.non_field_errors() == [CLOSED]


def test_not_allowed_becomes_a_form_error_unless_let_through():
    """NotAllowed is a form error by default; with let_through it leaves the form untouched."""
    form = _valid_form()
    with refusal_to_form(form):
        _refuse(NotAllowed(MANAGERS_ONLY))
    assert form.non_field_errors() == [MANAGERS_ONLY]

    form = _valid_form()
    with pytest.raises(NotAllowed), refusal_to_form(form, let_through=NotAllowed):
        _refuse(NotAllowed(MANAGERS_ONLY))
    assert not form.errors


def test_other_exceptions_pass_through_the_form_helper():
    """Only refusals are caught: a programming error still surfaces."""
    form = _valid_form()
    with pytest.raises(ValueError), refusal_to_form(form):
        raise ValueError("a bug")
    assert not form.errors


def test_form_with_errors_holds_only_the_messages():
    """A page with no form of its own can still show refusals in its error summary."""
    form = form_with_errors(CLOSED, MANAGERS_ONLY)
    assert form.non_field_errors() == [CLOSED, MANAGERS_ONLY]
    assert not form_with_errors().errors


@pytest.mark.urls(__name__)
def test_a_form_page_answers_200_until_the_form_has_errors(client):
    """render_form: the empty form is a 200; a refused or invalid form is a 400 showing why."""
    assert client.get("/test-errors/book/").status_code == 200

    refused = client.post("/test-errors/book/", {"room": "Hall"})
    assert refused.status_code == 400
    assert CLOSED in refused.content.decode()

    assert client.post("/test-errors/book/", {"room": ""}).status_code == 400


@pytest.mark.urls(__name__)
def test_a_refusal_can_be_flashed_before_the_redirect(client):
    """refusal_to_message: the message is flashed and the view redirects as it would."""
    response = client.post("/test-errors/book-then-back/")
    assert response.status_code == 302
    assert [str(m) for m in get_messages(response.wsgi_request)] == [CLOSED]


@pytest.mark.urls(__name__)
def test_a_refusal_let_through_the_message_helper_is_a_403(client):
    """NotAllowed let through by the view becomes the 403 page, with no message flashed."""
    response = client.post("/test-errors/book-then-back/?manager=1")
    assert response.status_code == 403
    assert not list(get_messages(response.wsgi_request))


@pytest.mark.urls(__name__)
def test_an_uncaught_refusal_is_the_400_page_with_its_message(client):
    """RefusalMiddleware: a refusal no view caught is the 400 page, saying why."""
    response = client.get("/test-errors/refused/")
    assert response.status_code == 400
    assert "Sorry, there is a problem with your request" in response.content.decode()
    assert CLOSED in response.content.decode()


@pytest.mark.urls(__name__)
def test_an_uncaught_not_allowed_is_the_403_page(client):
    """RefusalMiddleware: NotAllowed no view caught is the 403 page, as PermissionDenied is."""
    response = client.get("/test-errors/not-allowed/")
    assert response.status_code == 403
    assert "You do not have permission to see this page" in response.content.decode()


def test_the_middleware_leaves_other_exceptions_alone():
    """Anything but a refusal goes on to Django's own handling (a 500 for a bug)."""
    middleware = RefusalMiddleware(lambda request: HttpResponse())
    request = RequestFactory().get("/")
    assert middleware.process_exception(request, ValueError("a bug")) is None
