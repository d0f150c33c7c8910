"""The one process that holds the recognition model and answers the web workers.

A web worker that loaded the model would grow by about 200 MiB, three workers by 0.6 GiB, and
the model cannot be loaded before gunicorn forks: onnxruntime starts its threads when it loads,
and a forked child would inherit locks held by threads it does not have. So one process loads
it, and the workers ask over HTTP (recognition_client.py).

    POST /suggest  {"text": "...", "exclude": ["slug", ...], "top": 5}
                   -> 200 {"suggestions": [{"key", "label", "score", "evidence"}, ...]}
    GET  /health   -> 200 {"status": "ok"}

The standard library's threaded server is enough: it is never exposed to the public (bind it
to a private address), requests are small, and the model's own threads do the work.
"""

import hmac
import json
import logging
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.db import connections

from . import recognition
from .recognition_client import service_token

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 64 * 1024
MAX_TOP = 50


class BadRequest(ValueError):
    """The request cannot be answered as sent; str() says why."""


def parse_request(body: bytes) -> tuple[str, set[str], int]:
    try:
        payload = json.loads(body)
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise BadRequest("Send a JSON object.") from error
    if not isinstance(payload, dict):
        raise BadRequest("Send a JSON object.")
    text = payload.get("text")
    exclude = payload.get("exclude", [])
    top = payload.get("top", 5)
    if not isinstance(text, str):
        raise BadRequest('"text" must be a string.')
    if len(text) > recognition.MAX_TEXT_CHARS:
        raise BadRequest(f'"text" must be {recognition.MAX_TEXT_CHARS} characters or fewer.')
    if not isinstance(exclude, list) or not all(isinstance(key, str) for key in exclude):
        raise BadRequest('"exclude" must be a list of strings.')
    if isinstance(top, bool) or not isinstance(top, int) or not 1 <= top <= MAX_TOP:
        raise BadRequest(f'"top" must be a whole number from 1 to {MAX_TOP}.')
    return text, set(exclude), top


class RecognitionHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "coproduce-skills"

    def do_GET(self) -> None:
        if self.path != "/health":
            self._answer(HTTPStatus.NOT_FOUND, {"error": "Not found."})
            return
        self._answer(HTTPStatus.OK, {"status": "ok"})

    def do_POST(self) -> None:
        if self.path != "/suggest":
            self._answer(HTTPStatus.NOT_FOUND, {"error": "Not found."})
            return
        given = self.headers.get("Authorization", "")
        if not hmac.compare_digest(given.encode(), f"Bearer {service_token()}".encode()):
            self._answer(HTTPStatus.FORBIDDEN, {"error": "Wrong or missing token."})
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            self._answer(HTTPStatus.LENGTH_REQUIRED, {"error": "Send a Content-Length."})
            return
        if not 0 <= length <= MAX_BODY_BYTES:
            self._answer(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "Too large."})
            return
        try:
            text, exclude, top = parse_request(self.rfile.read(length))
        except BadRequest as error:
            self._answer(HTTPStatus.BAD_REQUEST, {"error": str(error)})
            return
        try:
            found = recognition.local_suggestions(text, exclude=exclude, top=top)
        finally:
            # Each request has its own thread, and so its own database connection.
            connections.close_all()
        self._answer(
            HTTPStatus.OK,
            {
                "suggestions": [
                    {"key": s.key, "label": s.label, "score": s.score, "evidence": s.evidence}
                    for s in found
                ]
            },
        )

    def _answer(self, status: HTTPStatus, payload: dict) -> None:
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args) -> None:
        logger.debug("%s " + format, self.address_string(), *args)


def make_server(host: str, port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), RecognitionHandler)
    server.daemon_threads = True
    return server


def warm_up() -> None:
    """Load the model and the taxonomy's vectors now, not on the first person's request."""
    try:
        recognition.local_suggestions("I run the school fete", exclude=set(), top=1)
    finally:
        connections.close_all()
