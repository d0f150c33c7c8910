"""Reading the reports that come back after sending: bounces and complaints.

- A delivery status notification (RFC 3464): `multipart/report; report-type=delivery-status`,
  with a `message/delivery-status` part holding one block per recipient (`Final-Recipient`,
  `Action`, `Status`), and usually the returned message or its headers.
- A complaint (RFC 5965, the Abuse Reporting Format): `multipart/report;
  report-type=feedback-report`, with a `message/feedback-report` part (`Feedback-Type: abuse`,
  `Original-Rcpt-To`) and the returned message or its headers.

Status 5.x.x with Action "failed" is a hard bounce (the address will not work); 4.x.x or
Action "delayed" is a soft bounce (it may work later). The delivery is found by the header
we put on every message (`DELIVERY_HEADER`), looked for in the returned message.

No Django here: this module is tested alone.
"""

from __future__ import annotations

import email
import re
from dataclasses import dataclass
from email import policy
from email.message import Message

DELIVERY_HEADER = "X-Coproduce-Delivery"

HARD = "hard_bounce"
SOFT = "soft_bounce"
COMPLAINT = "complaint"

_STATUS = re.compile(r"^\s*([245])\.\d{1,3}\.\d{1,3}")
_ADDRESS = re.compile(r"<?([^<>\s;]+@[^<>\s;]+)>?")


@dataclass(frozen=True)
class Report:
    kind: str  # HARD, SOFT or COMPLAINT
    address: str  # the recipient the report is about ("" if not said)
    delivery_header: str  # our header from the returned message ("" if not returned)
    detail: str  # the status and diagnostic, or the feedback type, for the record


def parse_bytes(raw: bytes) -> list[Report]:
    return parse(email.message_from_bytes(raw, policy=policy.compat32))


def parse(message: Message) -> list[Report]:
    """The bounces and complaints one message reports (none if it is something else)."""
    if message.get_content_type() != "multipart/report":
        return []
    report_type = (message.get_param("report-type") or "").lower()
    if report_type == "delivery-status":
        return _delivery_status(message)
    if report_type == "feedback-report":
        return _feedback(message)
    return []


def _delivery_status(message: Message) -> list[Report]:
    header = _returned_header(message)
    reports = []
    for part in message.walk():
        if part.get_content_type() != "message/delivery-status":
            continue
        for block in _status_blocks(part):
            recipient = _address(block.get("final-recipient") or block.get("original-recipient"))
            action = (block.get("action") or "").strip().lower()
            status = (block.get("status") or "").strip()
            match = _STATUS.match(status)
            klass = match.group(1) if match else ""
            if action == "failed" and klass == "5":
                kind = HARD
            elif action in ("failed", "delayed") and klass in ("4", "5"):
                kind = SOFT  # a failure with a 4.x.x status, or a delay
            else:
                continue  # delivered, relayed, expanded: not a bounce
            diagnostic = " ".join((block.get("diagnostic-code") or "").split())
            detail = f"{status} {diagnostic}".strip()
            reports.append(Report(kind, recipient, header, detail))
    return reports


def _feedback(message: Message) -> list[Report]:
    header = _returned_header(message)
    for part in message.walk():
        if part.get_content_type() != "message/feedback-report":
            continue
        fields = _fields(part)
        feedback_type = (fields.get("feedback-type") or "abuse").strip().lower()
        if feedback_type not in ("abuse", "fraud", "virus", "other"):
            return []  # "not-spam" and the like are not complaints
        recipient = _address(fields.get("original-rcpt-to") or fields.get("removal-recipient"))
        return [Report(COMPLAINT, recipient, header, f"feedback-type: {feedback_type}")]
    return []


def _status_blocks(part: Message) -> list[dict[str, str]]:
    """The per-message block and per-recipient blocks of a message/delivery-status part,
    as lower-cased field names; only blocks naming a recipient are returned."""
    payload = part.get_payload()
    if isinstance(payload, list):  # the email package parses each block as a Message
        blocks = [{k.lower(): str(v) for k, v in block.items()} for block in payload]
    else:
        text = payload if isinstance(payload, str) else ""
        blocks = [_parse_fields(chunk) for chunk in re.split(r"\r?\n\s*\r?\n", text)]
    return [b for b in blocks if "final-recipient" in b or "original-recipient" in b]


def _fields(part: Message) -> dict[str, str]:
    payload = part.get_payload()
    if isinstance(payload, list):
        found: dict[str, str] = {}
        for block in payload:
            found.update({k.lower(): str(v) for k, v in block.items()})
        return found
    return _parse_fields(payload if isinstance(payload, str) else "")


def _parse_fields(text: str) -> dict[str, str]:
    parsed = email.message_from_string(text.strip() + "\n\n", policy=policy.compat32)
    return {key.lower(): str(value) for key, value in parsed.items()}


def _returned_header(message: Message) -> str:
    """Our delivery header, from the returned message or its headers, if sent back."""
    for part in message.walk():
        content_type = part.get_content_type()
        if content_type == "message/rfc822":
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if isinstance(inner, Message) and inner.get(DELIVERY_HEADER):
                return str(inner[DELIVERY_HEADER]).strip()
        elif content_type == "text/rfc822-headers":
            text = part.get_payload(decode=True) or b""
            headers = email.message_from_bytes(text.strip() + b"\n\n", policy=policy.compat32)
            if headers.get(DELIVERY_HEADER):
                return str(headers[DELIVERY_HEADER]).strip()
    return ""


def _address(field: str | None) -> str:
    """The address in `rfc822; someone@example.org`, lower-cased."""
    if not field:
        return ""
    value = field.split(";", 1)[1] if ";" in field else field
    match = _ADDRESS.search(value.strip())
    return match.group(1).strip().lower() if match else ""
