"""Times of day as people write them and as GOV.UK writes them. No Django import.

People type "7pm", "7.30pm", "19:00" or "midday"; the site writes "7pm", "7:30pm", "midday"
and "midnight" (the GOV.UK style guide: no ":00", no full stops in "am"/"pm").
"""

from __future__ import annotations

import re
from datetime import time

_WORDS = {"midday": time(12, 0), "noon": time(12, 0), "midnight": time(0, 0)}
# "7", "7pm", "7 pm", "7.30pm", "7:30 p.m.", "19:00", "19.00", "1900" (hours and minutes),
# and "19:00:00" as a browser or a saved value writes it (whole minutes only).
_CLOCK = re.compile(
    r"(?P<hour>[0-9]{1,2})(?:[:.]?(?P<minute>[0-9]{2})(?::00)?)?"
    r"\s*(?P<half>a\.?\s?m\.?|p\.?\s?m\.?)?"
)


def parse_clock(text: str) -> time | None:
    """The time of day `text` means, or None when it is not one.

    With "am" or "pm" the hour runs 1 to 12 ("12pm" is midday, "12am" midnight); without, 0 to
    23. Only ASCII digits are read."""
    cleaned = text.strip().lower()
    if cleaned in _WORDS:
        return _WORDS[cleaned]
    match = _CLOCK.fullmatch(cleaned)
    if not match:
        return None
    hour = int(match["hour"])
    minute = int(match["minute"] or 0)
    half = (match["half"] or "").replace(".", "").replace(" ", "")
    if minute > 59:
        return None
    if half:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif match["minute"] is None or hour > 23:
        return None  # "7" alone could be morning or evening: ask for "7am", "7pm" or "19:00"
    return time(hour, minute)


def clock_words(at: time, *, midday: str = "midday", midnight: str = "midnight") -> str:
    """ "6:09pm", "6pm", "midday", "midnight": a time of day written the GOV.UK way.
    The two words are passed in translated by the caller (this module has no Django)."""
    if at.hour == 0 and at.minute == 0:
        return midnight
    if at.hour == 12 and at.minute == 0:
        return midday
    hour = at.hour % 12 or 12
    half = "am" if at.hour < 12 else "pm"
    if at.minute == 0:
        return f"{hour}{half}"
    return f"{hour}:{at.minute:02d}{half}"
