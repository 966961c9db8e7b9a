"""Celery tasks: thin wrappers that take ids and call plain functions."""

from __future__ import annotations

from smtplib import SMTPException

from celery import shared_task

from screening.notifications import notification_deliver_now, notifications_pending


@shared_task(name="screening.ping")
def ping() -> str:
    """Round trip through the broker and a worker, for health checks and tests."""
    return "pong"


@shared_task(
    name="screening.notification_deliver",
    autoretry_for=(SMTPException, OSError),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=8,
)
def notification_deliver(notification_id: int) -> bool:
    return notification_deliver_now(notification_id)


@shared_task(name="screening.notifications_deliver_pending")
def notifications_deliver_pending() -> int:
    """Periodic sweep: re-queue notifications that were never delivered."""
    pending = notifications_pending()
    for notification_id in pending:
        notification_deliver.delay(notification_id)
    return len(pending)
