"""The cache setting from one URL: Redis, or the project's database."""

from __future__ import annotations

from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

DATABASE_CACHE_TABLE: Final = "cache_entries"
PER_PROCESS_CACHES: Final = (
    "django.core.cache.backends.locmem.LocMemCache",
    "django.core.cache.backends.dummy.DummyCache",
)


def redis_cache_url(broker_url: str) -> str:
    """Database 1 of the broker's Redis (database 0 holds Celery's queues), if it is Redis."""
    if not broker_url.startswith(("redis://", "rediss://")):
        return ""
    parts = urlsplit(broker_url)
    return urlunsplit((parts.scheme, parts.netloc, "/1", parts.query, ""))


def cache_from_url(url: str) -> dict[str, Any]:
    """`redis://...` or `rediss://...`; empty or `db://` for the database cache."""
    if url.startswith(("redis://", "rediss://")):
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    if url in ("", "db://"):
        return {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": DATABASE_CACHE_TABLE,
        }
    if url == "locmem://":  # one process only: tests and experiments, never production
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    raise ImproperlyConfigured(
        f"CACHE_URL must be redis://, rediss://, db:// or empty, not {url!r}"
    )
