"""Refusals: what the rules do not allow, said in words for the person who asked.

A service raises `Refusal` (or `NotAllowed`, when this person may not do it at all) and
writes nothing. A view turns it into a response in one of these ways, and no other:

- `refusal_to_form(form)`: the message joins the form's errors; `render_form` then answers
  400, as for any form with errors;
- `refusal_to_message(request)`: the message is flashed and the view redirects as it would;
- `form_with_errors(...)`: for a page that shows an error summary but has no form of its own;
- left uncaught: `RefusalMiddleware` answers 403 for `NotAllowed` and 400 showing the message
  for any other refusal, through the site's own error pages.

A limit passed (`common.limits.TooMany`, a kind of PermissionDenied) is not a refusal: the
site's 403 handler answers it 429, as a page or as JSON.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied
from django.core.handlers.exception import response_for_exception
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


class Refusal(Exception):
    """Something the rules do not allow. str() is a plain message, safe to show the person.

    `field` names the form field it concerns, if any; the message goes there on the form.
    """

    def __init__(self, message: Any, *, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class NotAllowed(Refusal):
    """This person may not do this, whatever they send (403 where the view does not catch it)."""


RefusalKinds = type[Refusal] | tuple[type[Refusal], ...]


@contextmanager
def refusal_to_form(form: forms.BaseForm, *, let_through: RefusalKinds = ()) -> Iterator[None]:
    """Add a refusal raised in the block to the form's errors, and leave the block.

    The message goes on the refusal's field when the form has that field, else at the top of
    the form. Refusals of the `let_through` kinds are not caught (so NotAllowed can be a 403).
    """
    try:
        yield
    except Refusal as refusal:
        if isinstance(refusal, let_through):
            raise
        field = refusal.field if refusal.field in form.fields else None
        form.add_error(field, str(refusal))


@contextmanager
def refusal_to_message(request: HttpRequest, *, let_through: RefusalKinds = ()) -> Iterator[None]:
    """Flash a refusal raised in the block as an error message, and leave the block."""
    try:
        yield
    except Refusal as refusal:
        if isinstance(refusal, let_through):
            raise
        messages.error(request, str(refusal))


def form_with_errors(*errors: str) -> forms.Form:
    """A form holding only these messages, for a page's error summary."""
    form = forms.Form(data={})
    form.full_clean()
    for error in errors:
        form.add_error(None, error)
    return form


def render_form(
    request: HttpRequest,
    template_name: str,
    context: dict[str, Any],
    *,
    form: forms.BaseForm | None = None,
) -> HttpResponse:
    """Render a page with a form: 400 when the form (by default context["form"]) has errors."""
    form = context.get("form") if form is None else form
    status = 400 if form is not None and form.errors else 200
    return render(request, template_name, context, status=status)


class RefusalMiddleware:
    """Answer a refusal a view did not catch as if the view had raised Django's own exception:
    NotAllowed as PermissionDenied (the 403 page), any other as BadRequest (the 400 page, which
    shows a BadRequest's message). Django's handlers log these and pick the error views."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if isinstance(exception, NotAllowed):
            return response_for_exception(request, PermissionDenied(str(exception)))
        if isinstance(exception, Refusal):
            return response_for_exception(request, BadRequest(str(exception)))
        return None
