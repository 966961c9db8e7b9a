"""The dashboard's figures as snapshots in the shared cache, refreshed by Celery beat.

Each period's figures take a second or more to aggregate over 100,000 cases, too
long for a page; the page reads a snapshot made at most DASHBOARD_REFRESH_SECONDS
ago (beat renews every period's before it expires). Without a snapshot (no worker,
a cleared cache) the request makes one, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from screening.dashboard.selectors import WEEK_CHOICES, Figure, dashboard_figures

KEY = "dashboard:v1:{weeks}"


@dataclass
class Snapshot:
    figures: list[Figure]
    made_at: datetime

    def figure(self, slug: str) -> Figure | None:
        return next((f for f in self.figures if f.slug == slug), None)


def snapshot_make(weeks: int) -> Snapshot:
    """Aggregate the figures now and keep them until the next refresh (with a margin)."""
    snapshot = Snapshot(dashboard_figures(weeks), timezone.now())
    cache.set(KEY.format(weeks=weeks), snapshot, 2 * settings.DASHBOARD_REFRESH_SECONDS)
    return snapshot


def snapshot_of(weeks: int) -> Snapshot:
    kept = cache.get(KEY.format(weeks=weeks))
    return kept if isinstance(kept, Snapshot) else snapshot_make(weeks)


def snapshots_refresh() -> int:
    """Every period's figures, made anew (Celery beat)."""
    for weeks in WEEK_CHOICES:
        snapshot_make(weeks)
    return len(WEEK_CHOICES)
