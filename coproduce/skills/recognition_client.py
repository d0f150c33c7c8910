"""Asking the shared recognition process (recognition_server.py) for suggestions.

Plain HTTP with JSON on a private address, signed with a token derived from SECRET_KEY, which
every app machine already shares: nothing more to configure, and nobody else can use it.
"""

import json
import urllib.error
import urllib.request

from django.utils.crypto import salted_hmac

from .engine.suggestion import Suggestion

# A person is waiting for the page: better no suggestions than a slow page.
TIMEOUT_SECONDS = 5.0


class RecognitionUnavailable(Exception):
    """The shared recognition process did not answer, or answered something unusable."""


def service_token() -> str:
    return salted_hmac("coproduce.skills.recognition_service", "suggest").hexdigest()


def remote_suggestions(
    url: str, text: str, *, exclude: set[str], top: int, timeout: float = TIMEOUT_SECONDS
) -> list[Suggestion]:
    if not url.startswith(("http://", "https://")):
        raise RecognitionUnavailable(f"SKILLS_SERVICE_URL must start with http://, not {url!r}")
    body = json.dumps({"text": text, "exclude": sorted(exclude), "top": top}).encode()
    request = urllib.request.Request(  # noqa: S310 (only http(s), checked above)
        url.rstrip("/") + "/suggest",
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Authorization": f"Bearer {service_token()}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            payload = json.load(response)
        return [
            Suggestion(
                key=str(item["key"]),
                label=str(item["label"]),
                score=float(item["score"]),
                evidence=str(item["evidence"]),
            )
            for item in payload["suggestions"]
        ]
    except (OSError, ValueError, KeyError, TypeError) as error:
        # OSError covers refused connections, timeouts and HTTP errors (URLError, HTTPError).
        raise RecognitionUnavailable(f"{url}: {error}") from error
