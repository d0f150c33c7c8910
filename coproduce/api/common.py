"""What the endpoints share: errors, wards, the anonymous viewer, filters checked by the pages'
own forms, and locations rounded as the public map rounds them."""

from typing import Literal

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator
from django.http import QueryDict
from ninja import Path, Schema
from ninja.errors import HttpError
from pydantic import Field, field_validator

from coproduce.common.filters import FilterForm
from coproduce.common.form_errors import too_long
from coproduce.places.fields import ward_filter_field
from coproduce.places.models import Ward

# The API shows what a visitor who is not signed in sees, whoever calls it: a browser's
# session cookie must not widen what a script reads.
VISITOR = AnonymousUser()
# Five decimal places, as the map: about a metre.
PLACES = 5
# Ids are database integers: a larger number is simply not found, never an overflow.
MAX_ID = 2**31 - 1


class FieldError(Schema):
    field: str
    message: str


class Error(Schema):
    detail: str = Field(description="What went wrong, in words.")
    errors: list[FieldError] = Field(default_factory=list)


# What any write may answer besides its own success: a body or a rule refused (400), no token
# or a token that does not work (401), an officer who may not (403), too many writes (429).
WRITE_ANSWERS = {400: Error, 401: Error, 403: Error, 429: Error}


def _storable(text: str) -> bool:
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # half of a pair of surrogates, which JSON can escape
        return False
    return True


class Body(Schema):
    """What a write takes. No text may hold a NUL character or half a surrogate pair: no one
    types them, and PostgreSQL cannot store them (as `common.middleware` refuses NUL in forms
    and addresses)."""

    @field_validator("*", mode="after")
    @classmethod
    def _no_unstorable_text(cls, value):
        values = value if isinstance(value, list) else [value]
        if any(isinstance(item, str) and not _storable(item) for item in values):
            raise ValueError("It holds a character we cannot accept.")
        return value


class WardOut(Schema):
    slug: str
    name: str


class Location(Schema):
    latitude: float
    longitude: float


class BadQuery(HttpError):
    """A filter the page's form refused; the answer lists each refusal."""

    def __init__(self, errors: list[dict[str, str]]):
        super().__init__(400, "The query has a problem.")
        self.errors = errors


def checked(form_class, values: dict, **form_kwargs):
    """The page's filter form, bound to the values asked for; BadQuery if it refuses any."""
    query = QueryDict(mutable=True)
    for name, value in values.items():
        if value is None or value == "" or value is False:
            continue
        query[name] = "1" if value is True else str(value)
    form = form_class(query, **form_kwargs)
    if not form.is_valid():
        raise BadQuery(
            [
                {"field": name, "message": str(message)}
                for name, messages in form.errors.items()
                for message in messages
            ]
        )
    return form


def not_found(thing: str) -> HttpError:
    return HttpError(404, f"There is no {thing} with that id that the public may see.")


def ward_of(ward: Ward | None) -> dict | None:
    return {"slug": ward.slug, "name": ward.name} if ward is not None else None


def location(latitude: float | None, longitude: float | None) -> dict | None:
    if latitude is None or longitude is None:
        return None
    return {"latitude": round(latitude, PLACES), "longitude": round(longitude, PLACES)}


def id_path():
    return Path(..., ge=1, le=MAX_ID, description="Its id.")


class WardAndWordsForm(FilterForm):
    """For lists whose pages have no filters of their own (funding rounds, decisions): the
    ward and the words, checked as every other list checks them."""

    ward = ward_filter_field()
    q = forms.CharField(required=False, max_length=100, error_messages=too_long())


def one_of(choices) -> object:
    """A Literal of a model's choices: inline in the document, because several models have a
    `Status` or a `Kind`, and named schemas of one name would overwrite each other."""
    return Literal[tuple(str(choice.value) for choice in choices)]


def web_address(value: str) -> str:
    """A body's web address field: empty, or a full http(s) address (for a field validator)."""
    if value:
        try:
            URLValidator(schemes=["https", "http"])(value)
        except DjangoValidationError:
            raise ValueError("Give a full web address, starting https://.") from None
    return value
