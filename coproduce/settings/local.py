"""Local development: the embedded default (SQLite under var/, email printed to the console)."""

from .base import *  # noqa: F403
from .base import VAR_DIR, env

DEBUG = env.bool("DEBUG", default=True)

# The embedded database and uploads live under var/, made on first use.
VAR_DIR.mkdir(exist_ok=True)
