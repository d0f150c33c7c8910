"""Whole numbers from what people and programs send: query strings, path pieces, JSON values.

`str.isdigit()` says yes to "²" and "①", which `int()` then refuses, and `int()` itself takes
"٣" (an Arabic-Indic three), " 7 " and "1_000". Every query parameter, path piece or JSON
value that becomes a number goes through `whole_number`, which takes only ASCII digits (and
a minus sign) or a JSON integer, within bounds, and otherwise raises `NumberError` with a
message the view can show as it is: a 400 page, or a JSON {"error": ...}.
"""

from __future__ import annotations

import re

# What a signed 64-bit database column holds: anything longer is never a row's number.
LARGEST = 2**63 - 1
SMALLEST = -(2**63)
_WHOLE = re.compile(r"-?[0-9]{1,19}")


class NumberError(ValueError):
    """A value that is not a usable whole number. str() is a plain message for the person."""


def whole_number(
    value: object,
    *,
    name: str = "The number",
    minimum: int | None = None,
    maximum: int | None = None,
) -> int:
    """`value` as an int, or NumberError saying what `name` must be.

    Takes an int (not a bool) or a string of ASCII digits with an optional leading minus,
    nothing else: no spaces, signs, underscores, decimals or other scripts' digits. The
    result is within `minimum` and `maximum` (both inclusive) and always within a signed
    64-bit column.
    """
    low = SMALLEST if minimum is None else max(minimum, SMALLEST)
    high = LARGEST if maximum is None else min(maximum, LARGEST)
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise NumberError(_must_be(name, minimum, maximum))
    if isinstance(value, str):
        if not _WHOLE.fullmatch(value):
            raise NumberError(_must_be(name, minimum, maximum))
        value = int(value)
    if not low <= value <= high:
        raise NumberError(_must_be(name, minimum, maximum))
    return value


def _must_be(name: str, minimum: int | None, maximum: int | None) -> str:
    if minimum is not None and maximum is not None:
        return f"{name} must be a whole number from {minimum} to {maximum}."
    if minimum is not None:
        return f"{name} must be a whole number from {minimum} up."
    if maximum is not None:
        return f"{name} must be a whole number no more than {maximum}."
    return f"{name} must be a whole number, like 12."
