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
