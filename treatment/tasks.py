"""Celery tasks of the course of treatment: thin, id-free periodic sweeps."""

from __future__ import annotations

from screening.review.tasks import retrying_task
from treatment.notifications import (
    records_remind_unsigned_now,
    reminders_send_now,
    tasks_escalate_overdue_now,
)


@retrying_task("treatment.records_remind_unsigned")
def records_remind_unsigned() -> int:
    """Daily: remind each clinician of their unsigned monitoring records (once a day)."""
    return records_remind_unsigned_now()


@retrying_task("treatment.tasks_escalate_overdue")
def tasks_escalate_overdue() -> int:
    """Periodic: escalate follow-up tasks that passed their deadline (each once)."""
    return tasks_escalate_overdue_now()


@retrying_task("treatment.reminders_send")
def reminders_send() -> int:
    """Periodic: email patients what is due (check-in, reading, questionnaires) and the
    appointments coming up (at the clinic, preparation, integration), each once."""
    return reminders_send_now()
