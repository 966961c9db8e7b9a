"""The published rule set, read from the shared cache rather than the database on each use.

Every intake step, submission and pre-dose check needs the published thresholds. They
change only on publication, which refreshes the cache once its transaction commits; any
other save of a rule set clears it, and entries expire after PUBLISHED_TTL seconds
whatever happens. The cache only ever holds what was committed: it is filled outside
transactions only, since a transaction may yet roll back what it reads of itself. A
cache that cannot be reached costs a database read, never an error.
"""

from __future__ import annotations

import contextlib
import json
import logging
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from django.core.cache import cache
from django.db import transaction

from screening.rules import DEFAULT_THRESHOLDS, Thresholds, thresholds_from_mapping
from screening.rulesets.models import RuleSet

logger = logging.getLogger(__name__)

PUBLISHED_KEY = "rulesets:published:1"
PUBLISHED_TTL = 60


@dataclass(frozen=True)
class Published:
    """What the rest of the app reads of the published rule set; empty name: none yet."""

    name: str = ""
    thresholds: dict[str, Any] = field(default_factory=dict)
    disabled_rules: tuple[str, ...] = ()
    treatment: dict[str, Any] = field(default_factory=dict)


def published_of(ruleset: RuleSet | None) -> Published:
    if ruleset is None:
        return Published()
    return Published(
        name=ruleset.name,
        thresholds=dict(ruleset.thresholds),
        disabled_rules=tuple(ruleset.disabled_rules),
        treatment=dict(ruleset.treatment or {}),
    )


def published_rules() -> Published:
    try:
        cached = cache.get(PUBLISHED_KEY)
    except Exception:
        logger.warning("cache unavailable: the published rule set is read from the database")
        cached = None
    if isinstance(cached, Published):
        return cached
    published = published_of(RuleSet.objects.filter(status=RuleSet.Status.PUBLISHED).first())
    if not transaction.get_connection().in_atomic_block:
        # `add`, not `set`: a publication that committed meanwhile has already set its own.
        with contextlib.suppress(Exception):
            cache.add(PUBLISHED_KEY, published, PUBLISHED_TTL)
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
            cache.delete(PUBLISHED_KEY)
        else:
            cache.set(PUBLISHED_KEY, published, PUBLISHED_TTL)
    except Exception:
        logger.warning("cache unavailable: the published rule set was not refreshed in it")
