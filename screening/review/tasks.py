"""Celery tasks of the review: thin wrappers that take ids and call plain functions."""

from __future__ import annotations

from collections.abc import Callable
from smtplib import SMTPException
from typing import ParamSpec, TypeVar

from celery import Task, shared_task

from screening.review.notifications import (
    cases_escalate_overdue_now,
    digests_send_now,
    notification_deliver_now,
    notifications_pending,
)

P = ParamSpec("P")


R = TypeVar("R")


def retrying_task(name: str) -> Callable[[Callable[P, R]], Task[P, R]]:
    """A task that sends email: retried with exponential backoff while the mail server fails."""
    return shared_task(
        name=name,
        autoretry_for=(SMTPException, OSError),
        retry_backoff=True,
        retry_backoff_max=600,
        max_retries=8,
    )


@retrying_task("screening.notification_deliver")
def notification_deliver(notification_id: int) -> bool:
    return notification_deliver_now(notification_id)


@shared_task(name="screening.notifications_deliver_pending")
def notifications_deliver_pending() -> int:
    """Periodic sweep: re-queue notifications that were never delivered."""
    pending = notifications_pending()
    for notification_id in pending:
        notification_deliver.delay(notification_id)
    return len(pending)


@retrying_task("screening.cases_escalate_overdue")
def cases_escalate_overdue() -> int:
    """Periodic: email staff about cases that just became overdue (each case once)."""
    return cases_escalate_overdue_now()


@retrying_task("screening.digests_send")
def digests_send() -> int:
    """Daily: each clinician's digest of the waiting queue (once a day each)."""
    return digests_send_now()
