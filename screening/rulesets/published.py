"""The published rule set, read from the shared cache rather than the database on each use.

Every intake step, submission and pre-dose check needs the published thresholds. They
change only on publication, which refreshes the cache once its transaction commits; any
other save of a rule set clears it, and entries expire after PUBLISHED_TTL seconds
whatever happens. The cache only ever holds what was committed: it is filled outside
transactions only, since a transaction may yet roll back what it reads of itself. A
cache that cannot be reached costs a database read, never an error.

A published rule set outside the safety floors or the treatment settings' ranges (written
by hand, or by a faulty migration) is never used: the last valid rule set published
before it is, or else the contract's defaults; admins are emailed at once, and a system
check reports it at start.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from django.core.cache import cache
from django.db import connection, transaction

from screening.rules import (
    DEFAULT_THRESHOLDS,
    InvalidThresholds,
    Thresholds,
    thresholds_from_mapping,
)
from screening.rulesets.models import RuleSet
from treatment.rules import limits_from_mapping

logger = logging.getLogger(__name__)

PUBLISHED_TTL = 60
# A refused rule set is emailed about once, and again after this long if still published.
REFUSED_ALERT_SECONDS = 24 * 3600
# How many earlier publications are tried, newest first, for the last valid one.
EARLIER_TRIED = 20


def published_key() -> str:
    """One entry per database: a cache shared by two databases (a second site, a test
    run, `manage.py screen` against another file) must not hand one the other's rules."""
    db = connection.settings_dict
    where = f"{db.get('HOST') or ''}:{db.get('PORT') or ''}/{db.get('NAME') or ''}"
    return "rulesets:published:1:" + hashlib.sha256(where.encode()).hexdigest()[:16]


@dataclass(frozen=True)
class Published:
    """What the rest of the app reads of the published rule set; empty name: none yet."""

    name: str = ""
    thresholds: dict[str, Any] = field(default_factory=dict)
    disabled_rules: tuple[str, ...] = ()
    treatment: dict[str, Any] = field(default_factory=dict)
    # The published rule set refused (outside the floors), when the one above replaces it.
    refused: str = ""


def published_of(ruleset: RuleSet | None) -> Published:
    if ruleset is None:
        return Published()
    return Published(
        name=ruleset.name,
        thresholds=dict(ruleset.thresholds),
        disabled_rules=tuple(ruleset.disabled_rules),
        treatment=dict(ruleset.treatment or {}),
    )


def ruleset_fault(ruleset: RuleSet) -> str:
    """Why a stored rule set cannot be used (outside the safety floors, the ranges or the
    orderings, or not even readable); empty when it can."""
    try:
        thresholds_from_mapping(
            {**ruleset.thresholds, "disabled_rules": list(ruleset.disabled_rules)},
            ruleset=ruleset.name,
        )
        limits_from_mapping(ruleset.treatment or {})
    except InvalidThresholds as invalid:
        return "; ".join(f"{error.field}: {error.message}" for error in invalid.errors)
    except (TypeError, ValueError, AttributeError, KeyError):
        return "its values cannot be read"
    return ""


def refused_published() -> RuleSet | None:
    """The published rule set, when it is outside the floors (and so not used)."""
    current = RuleSet.objects.filter(status=RuleSet.Status.PUBLISHED).first()
    return current if current is not None and ruleset_fault(current) else None


def _usable() -> Published:
    """The published rule set; if it is refused, the last valid one published before it
    (or the contract's defaults), naming the refused one."""
    current = RuleSet.objects.filter(status=RuleSet.Status.PUBLISHED).first()
    if current is None or not ruleset_fault(current):
        return published_of(current)
    earlier = RuleSet.objects.filter(
        status=RuleSet.Status.RETIRED, published_at__isnull=False
    ).order_by("-published_at", "-version")[:EARLIER_TRIED]
    kept = next((published_of(r) for r in earlier if not ruleset_fault(r)), Published())
    _tell_admins(current, kept)
    return replace(kept, refused=current.name)


_told: set[str] = set()  # where the cache cannot be reached: once per process


def _tell_admins(refused: RuleSet, kept: Published) -> None:
    logger.error(
        "published rule set %s is outside the safety floors: %s is used instead",
        refused.version,
        kept.name or "the contract's defaults",
    )
    key = f"{published_key()}:refused:{refused.pk}:{refused.name}"
    try:
        first = bool(cache.add(key, True, REFUSED_ALERT_SECONDS))
    except Exception:
        first = key not in _told
    _told.add(key)
    if first:
        from screening.rulesets.tasks import ruleset_refused

        transaction.on_commit(lambda: ruleset_refused.delay(refused.pk, kept.name))


def published_rules() -> Published:
    try:
        cached = cache.get(published_key())
    except Exception:
        logger.warning("cache unavailable: the published rule set is read from the database")
        cached = None
    if isinstance(cached, Published):
        return cached
    published = _usable()
    if not transaction.get_connection().in_atomic_block:
        # `add`, not `set`: a publication that committed meanwhile has already set its own.
        with contextlib.suppress(Exception):
            cache.add(published_key(), published, PUBLISHED_TTL)
    return published


def published_thresholds() -> Thresholds:
    published = published_rules()
    if not published.name:
        return DEFAULT_THRESHOLDS
    return _thresholds(
        published.name,
        json.dumps(published.thresholds, sort_keys=True),
        published.disabled_rules,
    )


@lru_cache(maxsize=16)
def _thresholds(name: str, values: str, disabled_rules: tuple[str, ...]) -> Thresholds:
    """Validated once per process and rule set; Thresholds are immutable, so shared."""
    return thresholds_from_mapping(
        {**json.loads(values), "disabled_rules": list(disabled_rules)}, ruleset=name
    )


def published_cache_refresh(ruleset: RuleSet) -> None:
    """Cleared now; once the publication commits, the cache holds the new rule set."""
    published = published_of(ruleset)
    _cache_write(None)
    transaction.on_commit(lambda: _cache_write(published))


def published_cache_clear(**kwargs: Any) -> None:
    """Any save of a rule set: cleared now, and again once committed (a read in between
    may have put back what was committed before)."""
    _cache_write(None)
    transaction.on_commit(lambda: _cache_write(None))


def _cache_write(published: Published | None) -> None:
    try:
        if published is None:
            cache.delete(published_key())
        else:
            cache.set(published_key(), published, PUBLISHED_TTL)
    except Exception:
        logger.warning("cache unavailable: the published rule set was not refreshed in it")
