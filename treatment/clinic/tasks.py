"""Celery task of the clinic: thin, id-free."""

from __future__ import annotations

from screening.review.tasks import retrying_task
from treatment.clinic.notifications import records_remind_unsigned_now


@retrying_task("treatment.records_remind_unsigned")
def records_remind_unsigned() -> int:
    """Daily: remind each clinician of their unsigned monitoring records (once a day)."""
    return records_remind_unsigned_now()
