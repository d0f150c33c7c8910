"""The bounce and complaint parser alone (no database)."""

from pathlib import Path

from coproduce.mailing import reports

DATA = Path(__file__).parent / "data"


def _parse(name: str, header: str = "42:signed") -> list[reports.Report]:
    raw = (DATA / name).read_bytes().replace(b"DELIVERY_HEADER_HERE", header.encode())
    return reports.parse_bytes(raw)


def test_a_hard_bounce_is_read_from_a_delivery_status_report():
    """Action failed with status 5.1.1 is a hard bounce for the final recipient."""
    [report] = _parse("hard_bounce.eml")
    assert report.kind == reports.HARD
    assert report.address == "gone@example.net"
    assert report.detail.startswith("5.1.1 smtp; 550 5.1.1")


def test_the_delivery_header_is_found_in_returned_headers():
    """Our header is read from a text/rfc822-headers part."""
    [report] = _parse("hard_bounce.eml", header="7:abc")
    assert report.delivery_header == "7:abc"


def test_a_delay_is_a_soft_bounce():
    """Action delayed with a 4.x.x status is a soft bounce."""
    [report] = _parse("soft_bounce.eml")
    assert (report.kind, report.address) == (reports.SOFT, "full@example.net")


def test_the_delivery_header_is_found_in_a_returned_message():
    """Our header is read from a message/rfc822 part."""
    [report] = _parse("soft_bounce.eml", header="9:xyz")
    assert report.delivery_header == "9:xyz"


def test_a_feedback_report_is_a_complaint():
    """An ARF abuse report is a complaint about the original recipient."""
    [report] = _parse("complaint.eml", header="3:def")
    assert (report.kind, report.address, report.delivery_header) == (
        reports.COMPLAINT,
        "annoyed@example.net",
        "3:def",
    )


def test_an_ordinary_email_is_no_report():
    """A reply that is not a report yields nothing."""
    assert _parse("not_a_report.eml") == []


def test_a_successful_delivery_report_is_no_bounce():
    """Action delivered is not a bounce."""
    raw = (DATA / "hard_bounce.eml").read_bytes()
    raw = raw.replace(b"Action: failed", b"Action: delivered").replace(
        b"Status: 5.1.1", b"Status: 2.0.0"
    )
    assert reports.parse_bytes(raw) == []
