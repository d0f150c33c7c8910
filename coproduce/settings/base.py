"""Settings shared by every environment.

Behaviour is switched by environment variables (12-factor), read once here. The other
modules (local, test, production) only change defaults and add safety checks.
"""

from pathlib import Path
from urllib.parse import unquote, urlsplit

import environ

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="insecure-development-key-change-me")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")

# Our apps by layer, lowest first (see the design notes): each imports only from its own
# layer or below.
INSTALLED_APPS = [
    # library
    "coproduce.common",
    # base
    "coproduce.accounts",
    "coproduce.staff",
    "coproduce.notifications",
    "coproduce.places",
    "coproduce.personal_data",
    "coproduce.mailing",
    # people
    "coproduce.people",
    "coproduce.skills",
    "coproduce.groups",
    "coproduce.directory",
    # domains
    "coproduce.projects",
    "coproduce.matching",
    "coproduce.discussion",
    "coproduce.gatherings",
    "coproduce.timebank",
    "coproduce.bookings",
    "coproduce.sharing",
    "coproduce.maps",
    "coproduce.opendata",
    # deciding together
    "coproduce.conversations",
    "coproduce.surveys",
    "coproduce.budgets",
    # reaching everyone
    "coproduce.subscriptions",
    "coproduce.news",
    "coproduce.champions",
    "coproduce.credits",
    "coproduce.offline",
    "coproduce.insights",
    "coproduce.impact",
    "coproduce.search",
    "coproduce.mypage",
    "coproduce.messaging",
    # Residents' voice in services.
    "coproduce.feedback",
    "coproduce.commissioning",
    "coproduce.yousaid",
    "coproduce.streettalk",
    "coproduce.shopping",
    "coproduce.councillors",
    "coproduce.toolkit",
    "coproduce.stories",
    "coproduce.openactive",
    # backups: copies of the database and uploads, and putting them back
    "coproduce.backups",
    "coproduce.scheduler",
    # site: home, wards, navigation, statements and error pages
    "coproduce.site",
    # the read API (docs/adr/0033-read-api.md): reads every domain's selectors
    "coproduce.api",
    # demo: the demo borough, on top; nothing imports it
    "coproduce.demo",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "govuk_frontend_django",
    "django_tasks",
    "django_tasks_db",
    "axes",
    "csp",
    "django_ratelimit",
    "django_otp",
    "ninja",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # A signed-in person's permissions from the shared cache, where one is set (ADR 0037).
    "coproduce.accounts.permission_cache.KeptPermissionsMiddleware",
    # Whether this session has a second factor; then staff accounts must have one (see
    # docs/adr/*-staff-two-factor.md).
    "django_otp.middleware.OTPMiddleware",
    "coproduce.staff.middleware.SecondFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "coproduce.common.middleware.RejectNulCharactersMiddleware",
    # A refusal a view did not catch becomes the 400 page with its message, or the 403 page.
    "coproduce.common.errors.RefusalMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Axes must come last: it turns a lockout raised by authentication into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "coproduce.urls"
WSGI_APPLICATION = "coproduce.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coproduce.common.context_processors.site",
            ],
        },
    },
]
FORM_RENDERER = "coproduce.common.govuk_forms.GovUKFormRenderer"

# The caches, and the rate limits' use of one: settings/caches.py.
from .caches import (  # noqa: E402, F401
    CACHES,
    INSIGHTS_SETTLE_SECONDS,
    PERMISSIONS_CACHE_SECONDS,
    RATELIMIT_ENABLE,
    RATELIMIT_IP_META_KEY,
    RATELIMIT_USE_CACHE,
    SESSION_ENGINE,
    VISITOR_PAGE_SECONDS,
)

# django-ratelimit knows only memcached and django-redis; ours counts safely (see its module).
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

# Databases -------------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'coproduce.sqlite3'}")
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers work while one writer writes; IMMEDIATE takes the write lock at the
    # start of a transaction, so two writers queue instead of failing on a lock upgrade.
    # SQLite's own page cache is 2 MB by default: the map's queries over a large borough
    # read more than that, so each connection keeps 64 MB and maps the file into memory.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; "
                "PRAGMA cache_size=-65536; PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY;"
            ),
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
        }
    )
    # Keep each thread's connection open between requests, so its page cache stays warm.
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=600))
else:
    # A Unix socket folder may be given percent-encoded as the host (postgres://u@%2Fpath/db).
    DATABASES["default"]["HOST"] = unquote(DATABASES["default"].get("HOST", ""))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
    if env.bool("DATABASE_POOL", default=False):
        # Django's psycopg pool: each process shares a few connections among its threads
        # (Django requires CONN_MAX_AGE 0 with it). See docs/deployment.md.
        DATABASES["default"]["CONN_MAX_AGE"] = 0
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
            "min_size": env.int("DATABASE_POOL_MIN", default=2),
            "max_size": env.int("DATABASE_POOL_MAX", default=8),
            "timeout": env.int("DATABASE_POOL_TIMEOUT", default=10),
        }
    else:
        DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=60))
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Accounts -------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign_in"
LOGIN_REDIRECT_URL = "mypage:your_page"
LOGOUT_REDIRECT_URL = "site:home"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3
EMAIL_VERIFICATION_MAX_AGE = 60 * 60 * 24 * 3

# Sign-in rate limiting (django-axes): five wrong passwords for one email from one address,
# then a pause. Locking by the pair stops one attacker locking a resident out everywhere.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = env.float("AXES_COOLOFF_HOURS", default=0.25)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_FORM_FIELD = "username"
AXES_IPWARE_PROXY_COUNT = env.int("PROXY_COUNT", default=0)
AXES_VERBOSE = False

CSRF_FAILURE_VIEW = "coproduce.site.views.errors.csrf_failure"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# Email ----------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Coproduce <no-reply@coproduce.invalid>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# People's own data (UK GDPR) --------------------------------------------------------------
# How long each kind of record is kept, in days. `manage.py apply_retention` (run daily) removes
# what is older; the privacy page lists these periods.
RETENTION = {
    # Accounts whose email address was never confirmed.
    "unconfirmed_accounts_days": env.int("RETENTION_UNCONFIRMED_ACCOUNTS_DAYS", default=30),
    # Notifications, read or not.
    "notifications_days": env.int("RETENTION_NOTIFICATIONS_DAYS", default=365),
    # A download of your data: how long its link works, and how long the file is kept.
    "data_exports_days": env.int("RETENTION_DATA_EXPORTS_DAYS", default=7),
    # Access needs asked for at an event, counted from the day the event ends.
    "access_needs_days": env.int("RETENTION_ACCESS_NEEDS_DAYS", default=30),
    # Safeguarding records (volunteer checks, buddy requests and pairings) of closed accounts.
    "safeguarding_days": env.int("RETENTION_SAFEGUARDING_DAYS", default=6 * 365),
    # Invitations to run a project, once answered, withdrawn or expired.
    "old_invitations_days": env.int("RETENTION_OLD_INVITATIONS_DAYS", default=30),
    # Records of finished background work, such as emails sent (they hold addresses).
    "finished_tasks_days": env.int("RETENTION_FINISHED_TASKS_DAYS", default=30),
    # Which emails to many people (newsletters, updates) went to whom, after the send finished:
    # kept a year to answer "did you email me?" and subject access requests.
    "mailing_deliveries_days": env.int("RETENTION_MAILING_DELIVERIES_DAYS", default=365),
    # Notes in the OpenActive feeds that a row was deleted (RPDE asks for at least 7 days).
    "feed_deletions_days": env.int("RETENTION_FEED_DELETIONS_DAYS", default=30),
}

# Tasks ----------------------------------------------------------------------------------
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default", "email"],
    }
}
# How long a send may hold what it took before another worker may take it again (its worker
# was killed): mailings' batches, and single emails (`manage.py mailing_resume`).
MAILING_LEASE_SECONDS = env.float("MAILING_LEASE_SECONDS", default=300)

# Internationalisation ---------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
LANGUAGES = [("en-gb", "English")]
FORMAT_MODULE_PATH = ["coproduce.common.formats"]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files (GOV.UK Frontend and our own, served by WhiteNoise) ------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# The skills engine's vectors of the taxonomy, cached between restarts.
SKILL_VECTORS_DIR = env("SKILL_VECTORS_DIR", default=str(VAR_DIR / "cache"))
# Where the one shared recognition process answers (`manage.py skills_service`), so web
# workers never load the 200 MiB model themselves. Empty: recognise in this process (fine for
# `make run`; see docs/deployment.md).
SKILLS_SERVICE_URL = env("SKILLS_SERVICE_URL", default="")
SKILLS_SERVICE_BIND = env("SKILLS_SERVICE_BIND", default="127.0.0.1:8001")
STATICFILES_DIRS = [
    ("govuk-frontend", BASE_DIR / "frontend" / "node_modules" / "govuk-frontend"),
    ("leaflet", BASE_DIR / "frontend" / "node_modules" / "leaflet" / "dist"),
    (
        "accessible-autocomplete",
        BASE_DIR / "frontend" / "node_modules" / "accessible-autocomplete" / "dist",
    ),
    ("coproduce", BASE_DIR / "frontend" / "build"),
    ("coproduce", BASE_DIR / "frontend" / "static"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# Security -------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# The map ---------------------------------------------------------------------------------
# Tiles come from this server; with none reachable the map still shows every marker.
MAP_TILE_URL = env("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
# HTML, as Leaflet shows it: OpenStreetMap asks for a link to its copyright page.
MAP_TILE_ATTRIBUTION = env(
    "MAP_TILE_ATTRIBUTION",
    default='© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
MAP_CENTRE = (
    env.float("MAP_CENTRE_LATITUDE", default=51.5),
    env.float("MAP_CENTRE_LONGITUDE", default=-0.1),
)
if MAP_TILE_URL:
    _tiles = urlsplit(MAP_TILE_URL.replace("{s}", "*"))  # {s}: the server's subdomains
    CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"].append(f"{_tiles.scheme}://{_tiles.netloc}")

# Consent and matching ---------------------------------------------------------------------
# How long an invitation to own a project or help run an event waits for a reply.
OWNER_INVITATION_DAYS = env.int("OWNER_INVITATION_DAYS", default=14)
# Who may see ranked people for a project's need (docs/adr/*-who-sees-matches.md): its
# accepted owners, once the project is this many days old or an officer approved it, and
# they may send this many invitations a day between them.
MATCHING_PROJECT_MIN_AGE_DAYS = env.int("MATCHING_PROJECT_MIN_AGE_DAYS", default=7)
MATCHING_INVITATIONS_PER_DAY = env.int("MATCHING_INVITATIONS_PER_DAY", default=10)

# Limits on what emails or notifies someone: settings/limits.py.
from .limits import MATCHING_REINVITE_QUIET_PERIOD, RATE_LIMITS  # noqa: E402, F401

# OpenActive feeds leave out rows changed in the last few seconds, so a transaction that
# commits late is not paged past (ADR 0034). Longer than any write's transaction.
OPENACTIVE_FEED_LAG_SECONDS = env.int("OPENACTIVE_FEED_LAG_SECONDS", default=5)

# Council branding -------------------------------------------------------------------------
COUNCIL_NAME = env("COUNCIL_NAME", default="Northbrook Council")
SERVICE_NAME = env("SERVICE_NAME", default="Coproduce")
COUNCIL_LOGO_URL = env("COUNCIL_LOGO_URL", default="")
COUNCIL_ACCENT_COLOUR = env("COUNCIL_ACCENT_COLOUR", default="#1d5c4d")
SERVICE_PHASE = env("SERVICE_PHASE", default="beta")
FEEDBACK_EMAIL = env("FEEDBACK_EMAIL", default="coproduce@northbrook.invalid")

# Staff accounts ---------------------------------------------------------------------------
# Officers, moderators and administrators (and is_staff or is_superuser accounts) verify a
# code from an authenticator app, or a recovery code, before any page opens.
STAFF_TWO_FACTOR_REQUIRED = env.bool("STAFF_TWO_FACTOR_REQUIRED", default=True)
OTP_TOTP_ISSUER = f"{SERVICE_NAME} ({COUNCIL_NAME})"
OTP_TOTP_THROTTLE_FACTOR = 1  # seconds, doubled after each wrong code in a row
OTP_STATIC_THROTTLE_FACTOR = 1

# Backups (manage.py backup / restore, docs/backups.md) -----------------------------------
BACKUP_DIR = env("BACKUP_DIR", default=str(VAR_DIR / "backups"))
# Keep the newest backup of each of the last N days, ISO weeks and months.
BACKUP_KEEP_DAILY = env.int("BACKUP_KEEP_DAILY", default=7)
BACKUP_KEEP_WEEKLY = env.int("BACKUP_KEEP_WEEKLY", default=4)
BACKUP_KEEP_MONTHLY = env.int("BACKUP_KEEP_MONTHLY", default=12)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
