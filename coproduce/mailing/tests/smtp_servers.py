"""A real SMTP server (aiosmtpd) that counts what each address receives and can refuse
some addresses, for the mailing tests and benchmark.

Addresses starting "bounce" are refused for good at RCPT (550), "later" for now (451).
"""

from __future__ import annotations

import socket
import threading
from collections import Counter
from email import message_from_bytes, policy

from aiosmtpd.controller import Controller


class CountingHandler:
    def __init__(self, *, keep_messages: bool = True) -> None:
        self.received: Counter[str] = Counter()
        self.messages: list = []
        self.keep_messages = keep_messages
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("bounce"):
            return f"550 5.1.1 <{address}>: Recipient address rejected: User unknown"
        if local.startswith("later"):
            return "451 4.7.1 Try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            for address in envelope.rcpt_tos:
                self.received[address.lower()] += 1
            if self.keep_messages:
                self.messages.append(message_from_bytes(envelope.content, policy=policy.default))
        return "250 Message accepted for delivery"

    @property
    def total(self) -> int:
        with self.lock:
            return sum(self.received.values())


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def counting_server(*, keep_messages: bool = True) -> tuple[Controller, CountingHandler]:
    handler = CountingHandler(keep_messages=keep_messages)
    controller = Controller(
        handler, hostname="127.0.0.1", port=free_port(), data_size_limit=10_000_000
    )
    controller.start()
    return controller, handler
