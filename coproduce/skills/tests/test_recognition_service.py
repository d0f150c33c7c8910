"""One shared process recognises skills for every web worker (issue 19: workers stay small)."""

import http.client
import json
import threading

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from coproduce.people.tests.factories import ProfileFactory
from coproduce.skills import recognition, recognition_server
from coproduce.skills.recognition_client import (
    RecognitionUnavailable,
    remote_suggestions,
    service_token,
)

FETE = "I run the school fete every summer and I do the books for the bowls club."
# Nothing listens on port 1, so a connection is refused at once.
NOBODY_THERE = "http://127.0.0.1:1"


@pytest.fixture
def service():
    server = recognition_server.make_server("127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    server.server_close()


def _post(url, body: bytes, *, token: str | None = None):
    host, port = url.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    headers = {"Content-Type": "application/json"}
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    connection.request("POST", "/suggest", body=body, headers=headers)
    response = connection.getresponse()
    return response.status, json.loads(response.read())


@pytest.mark.django_db(transaction=True)
def test_the_shared_process_gives_what_this_process_would(service, settings):
    local = recognition.local_suggestions(FETE, exclude={"bookkeeping"}, top=5)
    settings.SKILLS_SERVICE_URL = service
    remote = recognition.suggestions_for(FETE, exclude={"bookkeeping"}, top=5)
    assert [s.key for s in remote] == [s.key for s in local]
    assert remote[0].key == "event-planning"
    assert "fete" in remote[0].evidence
    assert all(s.key != "bookkeeping" for s in remote)


@pytest.mark.django_db(transaction=True)
def test_a_web_process_asking_the_service_never_loads_the_model(service, settings, monkeypatch):
    def refuse_to_load():
        raise AssertionError("a web worker loaded the model")

    settings.SKILLS_SERVICE_URL = service
    # Warm the model on the service's side first: it shares this test's process.
    recognition_server.warm_up()
    monkeypatch.setattr(recognition, "recogniser", refuse_to_load)
    monkeypatch.setattr(recognition_server.recognition, "local_suggestions", lambda *a, **k: [])
    assert recognition.suggestions_for(FETE) == []


@pytest.mark.django_db(transaction=True)
def test_requests_without_the_token_are_refused(service, monkeypatch):
    assert _post(service, b'{"text": "x"}')[0] == 403
    assert _post(service, b'{"text": "x"}', token="guess")[0] == 403
    # A machine with another SECRET_KEY signs with another token.
    monkeypatch.setattr(
        "coproduce.skills.recognition_client.service_token", lambda: "another machine's"
    )
    with pytest.raises(RecognitionUnavailable, match="403"):
        remote_suggestions(service, "x", exclude=set(), top=1)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"not json", "Send a JSON object."),
        (b"[1, 2]", "Send a JSON object."),
        (b'{"text": 5}', '"text" must be a string.'),
        (json.dumps({"text": "x" * 2001}).encode(), "2000 characters or fewer"),
        (b'{"text": "x", "exclude": "slug"}', '"exclude" must be a list of strings.'),
        (b'{"text": "x", "top": 0}', '"top" must be a whole number from 1 to 50.'),
        (b'{"text": "x", "top": true}', '"top" must be a whole number from 1 to 50.'),
    ],
)
def test_bad_requests_say_what_is_wrong(service, body, message):
    status, payload = _post(service, body, token=service_token())
    assert status == 400
    assert message in payload["error"]


def test_a_service_that_does_not_answer_is_reported_not_hidden():
    with pytest.raises(RecognitionUnavailable):
        remote_suggestions(NOBODY_THERE, FETE, exclude=set(), top=5)
    with pytest.raises(RecognitionUnavailable, match="must start with http"):
        remote_suggestions("file:///etc/passwd", FETE, exclude=set(), top=5)


@pytest.mark.django_db
def test_live_suggestions_answer_503_with_a_reason_when_the_service_is_down(client, settings):
    settings.SKILLS_SERVICE_URL = NOBODY_THERE
    client.force_login(ProfileFactory().user)
    response = client.get(reverse("skills:suggest"), {"text": FETE})
    assert response.status_code == 503
    assert "cannot suggest skills just now" in response.json()["error"]


@pytest.mark.django_db
def test_the_review_page_sends_people_to_the_list_when_the_service_is_down(client, settings):
    settings.SKILLS_SERVICE_URL = NOBODY_THERE
    client.force_login(ProfileFactory(what_i_can_do=FETE).user)
    response = client.get(reverse("skills:review"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("skills:mine")
    assert "cannot suggest skills just now" in response.text


def test_the_command_refuses_a_bad_address_with_exit_2():
    with pytest.raises(CommandError, match="host:port") as raised:
        call_command("skills_service", "--bind", "nowhere")
    assert raised.value.returncode == 2
