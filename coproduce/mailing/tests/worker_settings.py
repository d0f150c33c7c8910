"""Settings for a real task worker in the mailing kill tests and benchmark: the test
settings, with the database queue, real SMTP and a short lease, all from the environment
(DATABASE_URL must name the database the test or benchmark made)."""

import os

from coproduce.settings.test import *  # noqa: F403

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "email"],
    }
}
EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("MAILING_SMTP_HOST", "127.0.0.1")
EMAIL_PORT = int(os.environ.get("MAILING_SMTP_PORT", "25"))
EMAIL_USE_TLS = EMAIL_USE_SSL = False
EMAIL_HOST_USER = EMAIL_HOST_PASSWORD = ""
EMAIL_TIMEOUT = 10
MAILING_LEASE_SECONDS = float(os.environ.get("MAILING_LEASE_SECONDS", "2"))
MAILING_BATCH_SIZE = int(os.environ.get("MAILING_BATCH_SIZE", "1000"))
MAILING_CLAIM_SIZE = int(os.environ.get("MAILING_CLAIM_SIZE", "100"))
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
