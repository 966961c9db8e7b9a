"""Celery beat keeps the dashboard's snapshots fresh (see snapshots.py)."""

from __future__ import annotations

from celery import shared_task

from screening.dashboard.snapshots import snapshots_refresh


@shared_task(name="screening.dashboard_refresh")
def dashboard_refresh() -> int:
    return snapshots_refresh()
