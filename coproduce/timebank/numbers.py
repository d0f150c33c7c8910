"""Time bank account numbers. Plain Python: no Django import.

A number is "TB" and twelve digits: eleven drawn at random and a check digit (Luhn). They do
not run in order, so knowing one number tells nothing about any other, and trying numbers
finds an account about once in a billion tries. The check digit catches most typing
mistakes before the number is looked up.
"""

import re
import secrets

PREFIX = "TB"
RANDOM_DIGITS = 11
LENGTH = len(PREFIX) + RANDOM_DIGITS + 1
_SHAPE = re.compile(r"^(?:TB)?([0-9]{12})$")
_SEPARATORS = re.compile(r"[\s\-.]")


def check_digit(digits: str) -> str:
    """The Luhn check digit for a string of ASCII digits."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        value = int(char)
        if position % 2 == 0:  # doubled, counting from the right of the number with no check
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return str((10 - total % 10) % 10)


def new_number() -> str:
    digits = "".join(str(secrets.randbelow(10)) for _ in range(RANDOM_DIGITS))
    return PREFIX + digits + check_digit(digits)


def parse(text: str) -> str | None:
    """The number as stored ("TB" and 12 digits), from what a person typed; None if wrong.

    Spaces, hyphens and dots are ignored, and "tb" may be in any case or left out.
    """
    cleaned = _SEPARATORS.sub("", text or "").upper()
    match = _SHAPE.match(cleaned)
    if not match:
        return None
    digits = match.group(1)
    if check_digit(digits[:-1]) != digits[-1]:
        return None
    return PREFIX + digits
