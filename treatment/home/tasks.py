"""Celery task of the at-home loop: thin, id-free."""

from __future__ import annotations

from screening.review.tasks import retrying_task
from treatment.home.missed import readings_watch_now


@retrying_task("treatment.readings_watch")
def readings_watch() -> int:
    """Every minute: a reading at home not sent in time opens an urgent task; a second one,
    or the task unanswered, escalates."""
    return readings_watch_now()
