"""Celery tasks of follow-up: thin, id-free periodic sweeps."""

from __future__ import annotations

from celery import shared_task

from screening.review.tasks import retrying_task
from treatment.followup.notifications import (
    task_notify_now,
    tasks_escalate_overdue_now,
    tasks_notify_pending,
)
from treatment.followup.reminders import reminders_send_now


@retrying_task("treatment.task_notify")
def task_notify(task_id: int) -> bool:
    """Email clinicians about one urgent follow-up task, once."""
    return task_notify_now(task_id)


@shared_task(name="treatment.tasks_notify_pending")
def tasks_notify_pending_sweep() -> int:
    """Periodic: queue the emails of urgent tasks that were never queued (broker down)."""
    pending = tasks_notify_pending()
    for task_id in pending:
        task_notify.delay(task_id)
    return len(pending)


@retrying_task("treatment.tasks_escalate_overdue")
def tasks_escalate_overdue() -> int:
    """Periodic: escalate follow-up tasks that passed their deadline (each once)."""
    return tasks_escalate_overdue_now()


@retrying_task("treatment.reminders_send")
def reminders_send() -> int:
    """Periodic: email patients what is due (check-in, reading, questionnaires) and the
    appointments coming up (at the clinic, preparation, integration), each once."""
    return reminders_send_now()
