"""The caches: the default one, whole pages kept for visitors, and the rate limits' counts."""

import environ

env = environ.Env()

# In each process by default; set CACHE_URL (for example redis://host:6379/1) to share one
# between app processes. Only answers that are the same for everyone are cached.
SHARED = bool(env("CACHE_URL", default=""))
CACHES = {
    "default": env.cache_url("CACHE_URL")
    if SHARED
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "coproduce"}
}
# With a shared cache, sessions are read from it and written to the database as well, so a
# request that signs in saves a query and nothing is lost when the cache is emptied (ADR 0037).
# Django's stores, with their one read written out (coproduce/accounts/sessions/).
SESSION_ENGINE = (
    "coproduce.accounts.sessions.cached_db" if SHARED else "coproduce.accounts.sessions.db"
)
# With a shared cache, a signed-in person's permissions are kept there this long, and read
# afresh at once after any change to roles or permissions (accounts/permission_cache.py).
# Never kept in each process on its own: another process would not hear of a change.
PERMISSIONS_CACHE_SECONDS = env.int("PERMISSIONS_CACHE_SECONDS", default=300) if SHARED else 0
# Whole public pages kept for visitors who are not signed in (coproduce/common/visitor_pages.py):
# in the shared cache where CACHE_URL is set, otherwise a small one in each process.
VISITOR_PAGE_SECONDS = env.int("VISITOR_PAGE_SECONDS", default=15)
# "Who is not yet connected": counts by ward and street made this recently are shown even
# after residents' activity has moved on, so they are not made again for every officer who
# opens the page (insights/counting.py, ADR 0038). 0: made again after any change.
INSIGHTS_SETTLE_SECONDS = env.int("INSIGHTS_SETTLE_SECONDS", default=60)
CACHES["pages"] = (
    {**CACHES["default"], "KEY_PREFIX": "pages"}
    if SHARED
    else {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "coproduce-visitor-pages",
        # At most 100 pages of up to 256 KiB: a few megabytes a process in practice.
        "OPTIONS": {"MAX_ENTRIES": 100, "CULL_FREQUENCY": 4},
    }
)
# Rate limits (settings/limits.py) are counted in a cache every process shares: by default a
# table in the database (made after each migrate), or LIMITS_CACHE_URL (redis://host:6379/2).
CACHES["limits"] = (
    env.cache_url("LIMITS_CACHE_URL")
    if env("LIMITS_CACHE_URL", default="")
    else {
        "BACKEND": "coproduce.common.limits_cache.CountingDatabaseCache",
        "LOCATION": "coproduce_limits",
        # Culling drops counts: keep enough rows that only expired ones go.
        "OPTIONS": {"MAX_ENTRIES": 200_000, "CULL_FREQUENCY": 4},
    }
)
RATELIMIT_USE_CACHE = "limits"
# Off only for load benchmarks, where a few accounts send thousands of requests.
RATELIMIT_ENABLE = env.bool("RATELIMIT_ENABLE", default=True)
RATELIMIT_IP_META_KEY = "coproduce.common.limits.client_ip"
