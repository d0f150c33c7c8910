import mailbox
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from coproduce.mailing.messages import delivery_header
from coproduce.mailing.models import Delivery, SuppressedAddress
from coproduce.mailing.selectors import is_suppressed

from .factories import DeliveryFactory

pytestmark = pytest.mark.django_db

DATA = Path(__file__).parent / "data"


def _sent(address: str) -> Delivery:
    return DeliveryFactory(address=address, state=Delivery.State.SENT, sent_at=timezone.now())


def _raw(name: str, delivery: Delivery | None) -> bytes:
    header = delivery_header(delivery.pk) if delivery else "1:forged"
    return (DATA / name).read_bytes().replace(b"DELIVERY_HEADER_HERE", header.encode())


def _maildir(tmp_path, *raws: bytes) -> Path:
    box = mailbox.Maildir(tmp_path / "bounces", create=True)
    for raw in raws:
        box.add(raw)
    return tmp_path / "bounces"


def _run(path) -> str:
    out = StringIO()
    call_command("mailing_bounces", str(path), stdout=out)
    return out.getvalue()


def test_a_hard_bounce_suppresses_and_marks_the_delivery(tmp_path):
    """The delivery named by our header is bounced and its address suppressed."""
    delivery = _sent("gone@example.net")
    _run(_maildir(tmp_path, _raw("hard_bounce.eml", delivery)))
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.BOUNCED
    assert SuppressedAddress.objects.get().reason == SuppressedAddress.Reason.HARD_BOUNCE


def test_a_complaint_suppresses_the_address(tmp_path):
    """A feedback report suppresses the address as a complaint and notes it on the delivery."""
    delivery = _sent("annoyed@example.net")
    _run(_maildir(tmp_path, _raw("complaint.eml", delivery)))
    delivery.refresh_from_db()
    assert delivery.complained_at is not None
    assert SuppressedAddress.objects.get().reason == SuppressedAddress.Reason.COMPLAINT


def test_a_soft_bounce_is_only_counted(tmp_path):
    """A delay counts on the delivery and suppresses nothing."""
    delivery = _sent("full@example.net")
    _run(_maildir(tmp_path, _raw("soft_bounce.eml", delivery)))
    delivery.refresh_from_db()
    assert (delivery.state, delivery.soft_bounces) == (Delivery.State.SENT, 1)
    assert not is_suppressed("full@example.net")


def test_without_our_header_the_final_recipient_finds_the_delivery(tmp_path):
    """A forged or missing header falls back to the address the report names."""
    delivery = _sent("gone@example.net")
    _run(_maildir(tmp_path, _raw("hard_bounce.eml", None)))
    delivery.refresh_from_db()
    assert delivery.state == Delivery.State.BOUNCED


def test_a_maildir_message_is_read_once(tmp_path):
    """Messages read are marked seen, so a second run does not count them again."""
    delivery = _sent("full@example.net")
    path = _maildir(tmp_path, _raw("soft_bounce.eml", delivery))
    _run(path)
    _run(path)
    delivery.refresh_from_db()
    assert delivery.soft_bounces == 1


def test_an_mbox_file_is_read(tmp_path):
    """Reports in an mbox file are read too; other mail is passed over."""
    delivery = _sent("gone@example.net")
    box = mailbox.mbox(tmp_path / "bounces.mbox", create=True)
    box.add(_raw("hard_bounce.eml", delivery))
    box.add((DATA / "not_a_report.eml").read_bytes())
    box.flush()
    output = _run(tmp_path / "bounces.mbox")
    assert "hard_bounce: 1" in output
    assert "not a report: 1" in output


def test_a_bad_path_is_a_clear_error_with_exit_code_2(tmp_path):
    """A path that is neither a Maildir nor an mbox file stops with exit code 2."""
    with pytest.raises(CommandError) as raised:
        call_command("mailing_bounces", str(tmp_path / "nowhere"))
    assert raised.value.returncode == 2
    assert "nowhere" in str(raised.value)
