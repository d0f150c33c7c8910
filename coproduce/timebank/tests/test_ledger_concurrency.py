"""The ledger's invariants under concurrent requests to a running server (SQLite and PostgreSQL)."""

import json
import random
import threading
import urllib.error
import urllib.request

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
from django.db import connection

from coproduce.accounts.tests.factories import UserFactory
from coproduce.timebank.invariants import ledger_problems
from coproduce.timebank.models import Account

from .factories import AccountFactory
from .test_services import coordinator

THREADS = 16
PER_THREAD = 25
CSRF = "a" * 32


def _session_cookie(user) -> str:
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return session.session_key


def _post(url: str, session_key: str, payload: dict) -> tuple[int, dict]:
    request = urllib.request.Request(
        url,
        data=json.dumps(payload).encode(),
        method="POST",
        headers={
            "Content-Type": "application/json",
            "X-CSRFToken": CSRF,
            "Cookie": f"sessionid={session_key}; csrftoken={CSRF}",
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"{}")


@pytest.fixture
def serialised_if_in_memory(live_server):
    """On in-memory SQLite the live server's threads share one connection, which cannot hold
    two transactions at once; there, requests are taken one at a time (the clients still send
    them together). On PostgreSQL, or SQLite in a file, each request has its own connection."""
    if not (connection.vendor == "sqlite" and connection.is_in_memory_db()):
        yield
        return
    httpd = live_server.thread.httpd
    lock = threading.Lock()
    original = httpd.process_request_thread

    def one_at_a_time(request, client_address):
        with lock:
            original(request, client_address)

    httpd.process_request_thread = one_at_a_time
    yield
    del httpd.process_request_thread


@pytest.mark.django_db(transaction=True)
def test_concurrent_transfers_keep_the_ledger_whole(live_server, serialised_if_in_memory):
    """16 clients posting at once: balances sum to zero, match postings, stay within limits."""
    staff = coordinator()
    accounts = [
        AccountFactory(user=UserFactory(), min_balance=-120, max_balance=240) for _ in range(8)
    ]
    ids = [a.pk for a in accounts]
    session = _session_cookie(staff)
    url = f"{live_server.url}/time-bank/api/transfers/"
    acknowledged: set[int] = set()
    statuses: list[int] = []
    failures: list[str] = []
    guard = threading.Lock()

    def client(seed: int) -> None:
        rng = random.Random(seed)
        for _ in range(PER_THREAD):
            source, target = rng.sample(ids, 2)
            payload = {
                "from_account": source,
                "to_account": target,
                "minutes": rng.choice([15, 30, 60, 90]),
                "description": "Concurrent test",
            }
            status, body = _post(url, session, payload)
            with guard:
                statuses.append(status)
                if status == 201:
                    acknowledged.add(body["id"])
                elif status != 409 or "error" not in body:
                    failures.append(f"{status} {body}")

    threads = [threading.Thread(target=client, args=(n,)) for n in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert len(statuses) == THREADS * PER_THREAD
    assert len(acknowledged) > 0
    assert statuses.count(409) > 0, "the limits were never reached: the test proves too little"
    assert ledger_problems(acknowledged) == []
    assert Account.objects.filter(pk__in=ids).count() == 8
