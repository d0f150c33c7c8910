"""A strict reader of iCalendar text for tests: it fails on anything RFC 5545 forbids that
our feeds could get wrong (bare LF, long lines, bad escapes, unbalanced components)."""

import re
from datetime import UTC, datetime

NAME = re.compile(r"^[A-Za-z0-9-]+$")


class ICalError(ValueError):
    pass


def unfold(data: bytes) -> list[str]:
    if not data.endswith(b"\r\n"):
        raise ICalError("The calendar must end with CRLF.")
    raw_lines = data.split(b"\r\n")[:-1]
    lines: list[bytes] = []
    for raw in raw_lines:
        if b"\n" in raw or b"\r" in raw:
            raise ICalError("Bare CR or LF inside a line.")
        if len(raw) > 75:
            raise ICalError(f"Line longer than 75 octets: {raw[:30]!r}")
        if raw.startswith((b" ", b"\t")):
            if not lines:
                raise ICalError("Continuation line first.")
            lines[-1] += raw[1:]
        else:
            lines.append(raw)
    return [line.decode("utf-8") for line in lines]  # fails on a split character


def unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        char = value[i]
        if char == "\\":
            if i + 1 >= len(value) or value[i + 1] not in "\\;,nN":
                raise ICalError(f"Bad escape in {value!r}")
            nxt = value[i + 1]
            out.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        if char in ";,":
            raise ICalError(f"Unescaped {char!r} in text {value!r}")
        out.append(char)
        i += 1
    return "".join(out)


TEXT_PROPERTIES = {"SUMMARY", "LOCATION", "DESCRIPTION", "X-WR-CALNAME"}


def parse(data: bytes) -> dict:
    """The calendar as nested dicts: {"name", "props": [(name, params, value)], "children"}."""
    stack: list[dict] = []
    root = None
    for line in unfold(data):
        name_part, sep, value = line.partition(":")
        if not sep:
            raise ICalError(f"No colon in {line!r}")
        name, *params = name_part.split(";")
        if not NAME.match(name):
            raise ICalError(f"Bad property name {name!r}")
        if name == "BEGIN":
            component = {"name": value, "props": [], "children": []}
            if stack:
                stack[-1]["children"].append(component)
            elif root is None:
                root = component
            else:
                raise ICalError("Two top-level components.")
            stack.append(component)
        elif name == "END":
            if not stack or stack[-1]["name"] != value:
                raise ICalError(f"END:{value} does not match.")
            stack.pop()
        else:
            if not stack:
                raise ICalError("Property outside a component.")
            if name in TEXT_PROPERTIES:
                value = unescape(value)
            stack[-1]["props"].append((name, params, value))
    if stack or root is None or root["name"] != "VCALENDAR":
        raise ICalError("Not one complete VCALENDAR.")
    return root


def prop(component: dict, name: str) -> str:
    values = [v for n, _p, v in component["props"] if n == name]
    if len(values) != 1:
        raise ICalError(f"{component['name']} must have exactly one {name}.")
    return values[0]


def utc_time(value: str) -> datetime:
    if not re.fullmatch(r"\d{8}T\d{6}Z", value):
        raise ICalError(f"Not a UTC date-time: {value!r}")
    return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)


def events(data: bytes) -> list[dict]:
    """Each VEVENT, checked for the required UID and DTSTAMP, as a dict of its values."""
    calendar = parse(data)
    if prop(calendar, "VERSION") != "2.0":
        raise ICalError("VERSION must be 2.0.")
    prop(calendar, "PRODID")
    tzids = {prop(c, "TZID") for c in calendar["children"] if c["name"] == "VTIMEZONE"}
    found = []
    for child in calendar["children"]:
        if child["name"] != "VEVENT":
            continue
        event = {"UID": prop(child, "UID"), "DTSTAMP": utc_time(prop(child, "DTSTAMP"))}
        for key in ("DTSTART", "DTEND"):
            matches = [(p, v) for n, p, v in child["props"] if n == key]
            if len(matches) != 1:
                raise ICalError(f"VEVENT must have one {key}.")
            params, value = matches[0]
            tzid = [p.split("=", 1)[1] for p in params if p.startswith("TZID=")]
            if tzid and tzid[0] not in tzids:
                raise ICalError(f"TZID {tzid[0]} has no VTIMEZONE.")
            event[key] = value if tzid else utc_time(value)
        event["SUMMARY"] = prop(child, "SUMMARY")
        event["props"] = child["props"]
        found.append(event)
    return found
