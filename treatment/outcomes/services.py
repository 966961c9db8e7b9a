"""Writes of the outcomes: the plan-review prompt of a course whose PHQ-9 has barely fallen."""

from __future__ import annotations

import logging

from django.conf import settings
from django.db import transaction

from treatment.courses.models import TreatmentCourse
from treatment.followup.models import FollowUpTask
from treatment.followup.services import task_open
from treatment.outcomes.selectors import course_outcome_input, course_records
from treatment.rules import needs_plan_review

logger = logging.getLogger(__name__)


def plan_review_source(course_id: int) -> str:
    return f"plan_review:{course_id}"


def plan_review_open(course_id: int) -> FollowUpTask | None:
    """Open the course's plan-review task when its PHQ-9 fell less than 20% by session 4.

    Once per course: the task's source is the course, and the rule decides on the
    first measure after session 4, so a later measure never changes the answer.
    """
    if FollowUpTask.objects.filter(
        kind=FollowUpTask.Kind.PLAN_REVIEW, source=plan_review_source(course_id)
    ).exists():
        return None
    course = course_outcome_input(course_id)
    if course is None or not needs_plan_review(
        course.baseline_phq9,
        course.measures,
        session=settings.OUTCOMES_REVIEW_SESSION,
        min_fall_percent=settings.OUTCOMES_REVIEW_MIN_FALL_PERCENT,
    ):
        return None
    task = task_open(
        course=TreatmentCourse.objects.get(pk=course_id),
        kind=FollowUpTask.Kind.PLAN_REVIEW,
        source=plan_review_source(course_id),
    )
    logger.info("plan review task %s opened", task.pk)
    return task


def plan_review_later(course_id: int) -> None:
    """Queue the prompt's check once the measure's transaction commits."""
    transaction.on_commit(lambda: _queue(course_id))


def _queue(course_id: int) -> None:
    from treatment.outcomes.tasks import plan_review

    try:
        plan_review.delay(course_id)
    except Exception:  # the broker is down: the periodic sweep opens it later
        logger.warning("plan review of course %s not queued; the sweep checks it", course_id)


def plan_reviews_sweep_now() -> int:
    """Open the prompts a queued check missed: open or paused courses, measured, without
    one yet. How many opened."""
    candidates = (
        TreatmentCourse.objects.filter(
            status__in=TreatmentCourse.ACTIVE_STATUSES, measures__isnull=False
        )
        .exclude(tasks__kind=FollowUpTask.Kind.PLAN_REVIEW)
        .values("pk")
    )
    opened = 0
    for record in course_records(TreatmentCourse.objects.filter(pk__in=candidates)):
        if needs_plan_review(
            record.outcome.baseline_phq9,
            record.outcome.measures,
            session=settings.OUTCOMES_REVIEW_SESSION,
            min_fall_percent=settings.OUTCOMES_REVIEW_MIN_FALL_PERCENT,
        ):
            task_open(
                course=TreatmentCourse.objects.get(pk=record.pk),
                kind=FollowUpTask.Kind.PLAN_REVIEW,
                source=plan_review_source(record.pk),
            )
            opened += 1
    return opened
