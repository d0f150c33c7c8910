"""Production: PostgreSQL, real SMTP, HTTPS. Refuses to start with unsafe settings."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import DEBUG, SECRET_KEY, SILENCED_SYSTEM_CHECKS, env

if DEBUG:
    raise ImproperlyConfigured("DEBUG must be off in production. Unset DEBUG or set it to 0.")
if not SECRET_KEY or SECRET_KEY.startswith("insecure-") or len(SECRET_KEY) < 40:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random value of at least 40 characters in production."
    )

# HTTPS=false only for a trial on one's own machine over plain HTTP (`make serve`): cookies
# then travel without TLS, so a real deployment never sets it.
HTTPS = env.bool("HTTPS", default=True)
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=HTTPS)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365 if HTTPS else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# Preloading HSTS binds the council's whole domain for years: their decision, not ours.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = [*SILENCED_SYSTEM_CHECKS, "security.W021"]
