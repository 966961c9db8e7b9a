"""Celery finds the screening app's tasks here: each package's tasks, and a ping."""

from __future__ import annotations

from celery import shared_task

from screening.review import tasks as review_tasks
from screening.rulesets import tasks as ruleset_tasks

__all__ = ["ping", "review_tasks", "ruleset_tasks"]


@shared_task(name="screening.ping")
def ping() -> str:
    """Round trip through the broker and a worker, for health checks and tests."""
    return "pong"
