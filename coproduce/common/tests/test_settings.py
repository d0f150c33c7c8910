import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def _load_production(**env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG"}}
    environment.update(env, DJANGO_SETTINGS_MODULE="coproduce.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


def test_production_refuses_default_secret_key():
    """Production settings will not start with the development secret key."""
    result = _load_production()
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_refuses_debug():
    """Production settings will not start with DEBUG on."""
    result = _load_production(SECRET_KEY="x" * 50, DEBUG="1")
    assert result.returncode != 0
    assert "DEBUG must be off" in result.stderr


def test_production_starts_with_safe_settings():
    """Production settings load with a real secret key and DEBUG off."""
    result = _load_production(SECRET_KEY="k" * 50)
    assert result.returncode == 0, result.stderr


def _production_settings(**env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "DEBUG"}}
    environment.update(
        env, SECRET_KEY="k" * 50, DJANGO_SETTINGS_MODULE="coproduce.settings.production"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE, s.PERMISSIONS_CACHE_SECONDS)",
        ],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_without_a_shared_cache_sessions_and_permissions_are_read_from_the_database():
    for env in ({}, {"CACHE_URL": ""}):  # an empty CACHE_URL is none, not an error
        backend, sessions, seconds = _production_settings(**env)
        assert backend.endswith("LocMemCache")
        assert sessions == "coproduce.accounts.sessions.db"
        assert seconds == "0"


def test_a_shared_redis_cache_keeps_sessions_and_permissions():
    backend, sessions, seconds = _production_settings(CACHE_URL="redis://127.0.0.1:6379/1")
    assert backend == "django.core.cache.backends.redis.RedisCache"
    assert sessions == "coproduce.accounts.sessions.cached_db"
    assert seconds == "300"
