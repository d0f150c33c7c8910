"""One SMTP connection that hands over a message in two steps, so it can be sent exactly once.

`prepare()` says who it is from and to, and writes the whole message except the last line
(the lone "." that ends it). Nothing is delivered yet: a server drops a message whose
sender goes away before that line. The caller records the message as sent in its own
database transaction, and only then calls `complete()`, which writes ".\r\n" and reads the
reply. See docs/adr/0017-sending-to-many-people.md for why, and for the short window left.

No Django here: this module is tested and benchmarked alone.
"""

from __future__ import annotations

import contextlib
import re
import smtplib
import socket
import ssl
from dataclasses import dataclass

CRLF = b"\r\n"
_LINE_START_DOT = re.compile(rb"(?m)^\.")
_BARE_NEWLINE = re.compile(rb"\r\n|\r|\n")


class Refused(Exception):
    """The server said no to this message (4xx: not now; 5xx: never)."""

    def __init__(self, code: int, reply: str, stage: str) -> None:
        super().__init__(f"{code} {reply} (at {stage})")
        self.code = code
        self.reply = reply
        self.stage = stage

    @property
    def permanent(self) -> bool:
        return 500 <= self.code < 600


class Broken(Exception):
    """The connection failed; whether the server holds the message is not known."""


@dataclass(frozen=True)
class Server:
    host: str
    port: int
    use_tls: bool = False
    use_ssl: bool = False
    username: str = ""
    password: str = ""
    timeout: float | None = 30.0


def wire_format(message: bytes) -> bytes:
    """The message as SMTP's DATA wants it: CRLF line ends, lines starting with "." doubled
    (RFC 5321 4.5.2), ending with CRLF. The final "." line is not included."""
    data = _BARE_NEWLINE.sub(CRLF, message)
    data = _LINE_START_DOT.sub(b"..", data)
    if not data.endswith(CRLF):
        data += CRLF
    return data


class Wire:
    """One connection to the mail server, used for many messages one after another."""

    def __init__(self, server: Server) -> None:
        self.server = server
        self._smtp: smtplib.SMTP | None = None
        self._in_data = False

    def open(self) -> None:
        server = self.server
        try:
            if server.use_ssl:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(
                    server.host,
                    server.port,
                    timeout=server.timeout,
                    context=ssl.create_default_context(),
                )
            else:
                smtp = smtplib.SMTP(server.host, server.port, timeout=server.timeout)
            # The final "." goes alone, after the database write: without this it would wait
            # for the server's acknowledgement of the body (Nagle), some 40 ms a message.
            smtp.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            smtp.ehlo_or_helo_if_needed()
            if server.use_tls and not server.use_ssl:
                smtp.starttls(context=ssl.create_default_context())
                smtp.ehlo()
            if server.username:
                smtp.login(server.username, server.password)
        except (OSError, smtplib.SMTPException) as error:
            raise Broken(str(error)) from error
        self._smtp = smtp
        self._in_data = False

    @property
    def is_open(self) -> bool:
        return self._smtp is not None

    def prepare(self, *, sender: str, recipient: str, data: bytes) -> None:
        """Everything but the final ".": MAIL, RCPT, DATA and the message (`wire_format`ted).

        Raises Refused when the server says no (the connection stays usable) and Broken when
        the connection fails (it is closed)."""
        smtp = self._connection()
        try:
            code, reply = smtp.mail(sender)
            if code != 250:
                self._reset()
                raise Refused(code, _text(reply), "MAIL")
            code, reply = smtp.rcpt(recipient)
            if code not in (250, 251):
                self._reset()
                raise Refused(code, _text(reply), "RCPT")
            smtp.putcmd("data")
            code, reply = smtp.getreply()
            if code != 354:
                self._reset()
                raise Refused(code, _text(reply), "DATA")
            self._in_data = True
            smtp.send(data)
        except (OSError, smtplib.SMTPException) as error:
            self.abandon()
            raise Broken(str(error)) from error

    def complete(self) -> tuple[int, str]:
        """Write the final "." and read the server's reply: (code, text)."""
        smtp = self._connection()
        try:
            smtp.send(b"." + CRLF)
            self._in_data = False
            code, reply = smtp.getreply()
        except (OSError, smtplib.SMTPException) as error:
            self.abandon()
            raise Broken(str(error)) from error
        return code, _text(reply)

    def abandon(self) -> None:
        """Drop the connection at once, without ending a message being written: the server
        throws that message away."""
        smtp, self._smtp = self._smtp, None
        self._in_data = False
        if smtp is not None:
            with contextlib.suppress(OSError):
                smtp.close()

    def close(self) -> None:
        """Say goodbye and close (abandoning any message not completed)."""
        if self._smtp is None:
            return
        if self._in_data:
            self.abandon()
            return
        smtp, self._smtp = self._smtp, None
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()

    def _connection(self) -> smtplib.SMTP:
        if self._smtp is None:
            self.open()
        assert self._smtp is not None
        return self._smtp

    def _reset(self) -> None:
        try:
            assert self._smtp is not None
            self._smtp.rset()
        except (OSError, smtplib.SMTPException) as error:
            self.abandon()
            raise Broken(str(error)) from error


def _text(reply: bytes | str) -> str:
    if isinstance(reply, bytes):
        return reply.decode("utf-8", "replace")
    return reply
