"""A system check: the published rule set is within the safety floors (see published.py)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.apps import AppConfig
from django.core.checks import CheckMessage, Warning, register
from django.db import DatabaseError

from screening.rulesets.published import refused_published, ruleset_fault


@register()
def published_ruleset_within_floors(
    app_configs: Sequence[AppConfig] | None, **kwargs: Any
) -> list[CheckMessage]:
    # Run at every start (runserver, migrate, check, a Celery worker): a database not yet
    # migrated, or not to be reached from here, has nothing to report and must not stop it.
    try:
        refused = refused_published()
    except (DatabaseError, RuntimeError):
        return []
    if refused is None:
        return []
    return [
        Warning(
            f"The published rule set {refused.name} is outside the safety floors "
            f"({ruleset_fault(refused)}): it is not used, the last valid one is.",
            hint="Publish a valid rule set (a copy of an earlier version) at /rulesets/.",
            id="rulesets.W001",
        )
    ]
