"""Celery tasks of the outcomes: thin, by id."""

from __future__ import annotations

from celery import shared_task

from treatment.outcomes.services import plan_review_open, plan_reviews_sweep_now


@shared_task(name="treatment.plan_review")
def plan_review(course_id: int) -> bool:
    """Open a course's plan-review task if its PHQ-9 has fallen too little (once)."""
    return plan_review_open(course_id) is not None


@shared_task(name="treatment.outcomes_refresh")
def outcomes_refresh() -> bool:
    """Periodic: aggregate the outcomes page's default view (every course) anew."""
    from treatment.outcomes.selectors import Period
    from treatment.outcomes.snapshots import snapshot_make

    snapshot_make(Period())
    return True


@shared_task(name="treatment.plan_reviews_sweep")
def plan_reviews_sweep() -> int:
    """Periodic: open the plan-review prompts whose check was never queued (broker down)."""
    return plan_reviews_sweep_now()
