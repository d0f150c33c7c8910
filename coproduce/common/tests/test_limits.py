import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import caches
from django.core.management import call_command
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from coproduce.common import limits
from coproduce.site.views.errors import permission_denied

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture
def tight(settings):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "comment": "2/h"}


def _post(data=None, *, ip="203.0.113.5", **extra):
    request = RequestFactory().post("/somewhere/", data or {}, REMOTE_ADDR=ip, **extra)
    request.user = AnonymousUser()
    return request


def test_check_refuses_the_try_past_the_limit(tight):
    """The third comment in an hour from one address is refused; the first two are not."""
    limits.check(_post(), "comment")
    limits.check(_post(), "comment")
    with pytest.raises(limits.TooMany) as refused:
        limits.check(_post(), "comment")
    assert 0 < refused.value.retry_after <= 60 * 60


def test_other_addresses_keep_their_own_count(tight):
    """One network address reaching the limit does not hold back another."""
    for _ in range(2):
        limits.check(_post(ip="203.0.113.5"), "comment")
    limits.check(_post(ip="198.51.100.7"), "comment")


def test_post_field_counts_each_email_address_apart(tight):
    """Counted by email address: the same address in other capitals is the same address."""
    per = limits.post_field("email")
    limits.check(_post({"email": "ada@example.org"}), "comment", per=per)
    limits.check(_post({"email": " ADA@example.org"}, ip="198.51.100.7"), "comment", per=per)
    limits.check(_post({"email": "grace@example.org"}), "comment", per=per)
    with pytest.raises(limits.TooMany):
        limits.check(_post({"email": "Ada@Example.org"}), "comment", per=per)


def test_limited_counts_posts_only(tight):
    """The decorator counts the methods it is given: opening the form is never counted."""
    view = limits.limited("comment")(lambda request: HttpResponse("ok"))
    for _ in range(5):
        get = RequestFactory().get("/somewhere/", REMOTE_ADDR="203.0.113.5")
        get.user = AnonymousUser()
        assert view(get).status_code == 200
    view(_post())
    view(_post())
    with pytest.raises(limits.TooMany):
        view(_post())


def test_limits_can_be_turned_off_for_load_benchmarks(tight, settings):
    """With RATELIMIT_ENABLE off nothing is counted."""
    settings.RATELIMIT_ENABLE = False
    for _ in range(5):
        limits.check(_post(), "comment")


def test_within_caps_a_target_without_raising(tight):
    """`within` answers False once the cap for that target is passed."""
    assert [limits.within("comment", per="manager:1") for _ in range(3)] == [True, True, False]
    assert limits.within("comment", per="manager:2")


def test_once_is_true_only_the_first_time():
    """`once` lets something happen once a period."""
    assert limits.once("invitation:1:2", period="30d")
    assert not limits.once("invitation:1:2", period="30d")
    assert limits.once("invitation:1:3", period="30d")


def test_client_ip_behind_a_trusted_proxy(settings):
    """Behind PROXY_COUNT proxies, the address the last proxy saw is the one counted."""
    settings.AXES_IPWARE_PROXY_COUNT = 1
    request = _post(HTTP_X_FORWARDED_FOR="198.51.100.9, 192.0.2.1", ip="10.0.0.1")
    assert limits.client_ip(request) == "192.0.2.1"
    settings.AXES_IPWARE_PROXY_COUNT = 0
    assert limits.client_ip(request) == "10.0.0.1"


@pytest.mark.django_db
def test_the_403_handler_answers_a_limit_with_the_429_page():
    """A limit passed is a 429 page in plain English saying when to try again."""
    request = RequestFactory().post("/somewhere/")
    request.user = AnonymousUser()
    response = permission_denied(request, limits.TooMany(action="comment", retry_after=125))
    assert response.status_code == 429
    assert response["Retry-After"] == "125"
    text = response.content.decode()
    assert "You have done this too many times" in text
    assert "Try again in 3 minutes." in text
    assert "nothing was saved and nobody was sent anything." in text


def test_a_json_endpoint_gets_a_json_429():
    """For a JSON endpoint the 429 is JSON, with the error and seconds to wait."""
    request = RequestFactory().post("/api/", "{}", content_type="application/json")
    request.user = AnonymousUser()
    response = permission_denied(request, limits.TooMany(action="comment", retry_after=7200))
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body == {
        "error": "You have done this too many times. Try again in 2 hours.",
        "retry_after": 7200,
    }


@pytest.mark.django_db
def test_the_403_page_is_unchanged_for_other_refusals():
    """Any other PermissionDenied is still the 403 page."""
    request = RequestFactory().get("/somewhere/")
    request.user = AnonymousUser()
    assert permission_denied(request, None).status_code == 403


@pytest.mark.django_db
def test_the_counting_database_cache_counts_every_try():
    """The production default, the database cache, counts and refuses like any other."""
    # One override for both settings: pytest-django's `settings` fixture changed inside
    # another override would put that override back when the test ends.
    with override_settings(
        CACHES={
            **settings.CACHES,
            "limits": {
                "BACKEND": "coproduce.common.limits_cache.CountingDatabaseCache",
                "LOCATION": "coproduce_limits_test",
            },
        },
        RATE_LIMITS={**settings.RATE_LIMITS, "comment": "2/h"},
    ):
        call_command("createcachetable", verbosity=0)
        cache = caches["limits"]
        assert cache.add("count", 0)
        assert not cache.add("count", 0)
        assert [cache.incr("count") for _ in range(3)] == [1, 2, 3]
        assert cache.get("count") == 3
        assert cache.add("gone", 5, 0)  # expired at once
        assert cache.add("gone", 1)
        assert cache.get("gone") == 1
        with pytest.raises(ValueError):
            cache.incr("never")
        limits.check(_post(), "comment")
        limits.check(_post(), "comment")
        with pytest.raises(limits.TooMany):
            limits.check(_post(), "comment")


def test_production_settings_pass_django_ratelimits_cache_check():
    """Production counts in a cache every process shares: django-ratelimit's check passes."""
    environment = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "LIMITS_CACHE_URL"}}
    environment.update(DJANGO_SETTINGS_MODULE="coproduce.settings.production", SECRET_KEY="k" * 50)
    code = (
        "import django; django.setup(); from django.core import checks; from django.conf import "
        "settings; print(settings.CACHES['limits']['BACKEND']); "
        "print([m.id for m in checks.run_checks(tags=['caches']) if not m.is_silenced()])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    backend, problems = result.stdout.split("\n")[:2]
    assert backend == "coproduce.common.limits_cache.CountingDatabaseCache"
    assert problems == "[]"
