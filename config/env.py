"""Typed readers of environment variables, each with an embedded default."""

from __future__ import annotations

import base64
import hashlib
import os
from datetime import date
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """Only "True" or "False" (any case): a typo must not silently flip a setting."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    if value.lower() == "true":
        return True
    if value.lower() == "false":
        return False
    raise ImproperlyConfigured(f"{name} must be True or False, not {value!r}")


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {value!r}") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def env_secret(name: str, default: str = "") -> str:
    """A secret from NAME, or from the file that NAME_FILE points to."""
    path = os.environ.get(f"{name}_FILE")
    if path:
        return Path(path).read_text().strip()
    return env_str(name, default)


def derived_fernet_key(secret: str) -> str:
    """A Fernet key derived from another secret: for development only, where no key is set."""
    digest = hashlib.sha256(b"mfa-encryption:" + secret.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()


WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def env_weekdays(name: str, default: str) -> frozenset[int]:
    """Days of the week as Python numbers them (Monday 0): "mon-fri", "mon,wed,fri", "mon-sun"."""
    value = env_str(name, default).strip().lower()
    days: set[int] = set()
    for part in value.split(","):
        first, _, last = part.strip().partition("-")
        if first not in WEEKDAYS or (last and last not in WEEKDAYS):
            raise ImproperlyConfigured(
                f"{name} must name days as mon..sun, e.g. mon-fri or mon,wed,fri; not {value!r}"
            )
        start, end = WEEKDAYS.index(first), WEEKDAYS.index(last or first)
        days.update(range(start, end + 1) if start <= end else (*range(start, 7), *range(end + 1)))
    return frozenset(days)


def env_dates(name: str, default: str = "") -> frozenset[date]:
    """Calendar dates as YYYY-MM-DD, separated by commas: "2026-12-25,2027-01-01"."""
    days: set[date] = set()
    for item in env_list(name, default):
        try:
            days.add(date.fromisoformat(item))
        except ValueError:
            raise ImproperlyConfigured(
                f"{name} must list dates as YYYY-MM-DD separated by commas, "
                f"e.g. 2026-12-25,2027-01-01; not {item!r}"
            ) from None
    return frozenset(days)
