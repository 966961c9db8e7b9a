"""Celery tasks of accounts: thin wrappers over the framework's own housekeeping."""

from __future__ import annotations

from celery import shared_task
from django.core.management import call_command


@shared_task(name="patients.sessions_clear_expired")
def sessions_clear_expired() -> None:
    """Daily: delete ended sessions, which idle time-outs leave behind in numbers."""
    call_command("clearsessions")
