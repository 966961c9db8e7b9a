"""The outcomes page's figures as snapshots in the shared cache, as the dashboard's are.

Aggregating 10,000 courses takes over a second (every measure of every course goes
through the outcome definitions), too long for a page: the page reads a snapshot of
its period made at most OUTCOMES_REFRESH_SECONDS ago. Celery beat renews the default
view's (every course) before it expires; another period is made by its first request
and kept as long. A snapshot holds figures only, never a course's rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache

from treatment import clock
from treatment.outcomes.selectors import Period, program_data
from treatment.outcomes.summary import ProgramOutcomes, program_outcomes

KEY = "outcomes:v1:{start}:{end}:{session}:{review}"


@dataclass
class Snapshot:
    outcomes: ProgramOutcomes
    made_at: datetime


def _key(period: Period) -> str:
    return KEY.format(
        start=period.start or "",
        end=period.end or "",
        session=settings.OUTCOMES_EVALUATION_SESSION,
        review=settings.OUTCOMES_REVIEW_SESSION,
    )


def snapshot_make(period: Period) -> Snapshot:
    """Aggregate the period's figures now and keep them until the next refresh (with a margin)."""
    now = clock.now()
    snapshot = Snapshot(program_outcomes(program_data(period), now), now)
    cache.set(_key(period), snapshot, 2 * settings.OUTCOMES_REFRESH_SECONDS)
    return snapshot


def snapshot_of(period: Period) -> Snapshot:
    """The period's snapshot if one is fresh enough, else a new one."""
    kept = cache.get(_key(period))
    if isinstance(kept, Snapshot) and (
        (clock.now() - kept.made_at).total_seconds() < settings.OUTCOMES_REFRESH_SECONDS
    ):
        return kept
    return snapshot_make(period)
