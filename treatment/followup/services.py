"""Writes of follow-up: tasks raised with a deadline in opening hours (urgent ones emailed at
once), taken over and closed, and the monthly safety check."""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django.utils import timezone

from patients.models import User
from screening.audit.models import AuditEntry
from treatment import clock
from treatment.courses.models import TreatmentCourse
from treatment.courses.services import TreatmentError, _audit
from treatment.followup.models import FollowUpTask, SafetyCheck
from treatment.rules import deadline_in_opening_hours

logger = logging.getLogger(__name__)


Action = AuditEntry.Action


def task_deadline(start: datetime, minutes: int | None = None) -> datetime:
    """The task's deadline, counted in the clinic's opening hours."""
    local = timezone.localtime(start)
    return deadline_in_opening_hours(
        local,
        minutes if minutes is not None else settings.FOLLOW_UP_TASK_MINUTES,
        opens=settings.CLINIC_OPENS_HOUR,
        closes=settings.CLINIC_CLOSES_HOUR,
        days=settings.CLINIC_OPEN_DAYS,
    )


def task_open(
    *,
    course: TreatmentCourse,
    kind: str,
    source: str,
    owner: User | None = None,
    minutes: int | None = None,
    urgent: bool = False,
) -> FollowUpTask:
    """Raise a task for a clinician, due in opening hours; a source raises one task only.

    Any feature that finds suicidal ideation or a safety concern (a pre-dose
    check, a measure, a monthly check) calls this. An urgent task is due within
    URGENT_TASK_MINUTES and clinicians are emailed once it commits, whatever the hour.
    """
    now = clock.now()
    owner = owner or course.opened_by  # the clinician who decided, until another takes over
    if urgent:
        minutes = settings.URGENT_TASK_MINUTES
    with transaction.atomic():
        task, created = FollowUpTask.objects.get_or_create(
            kind=kind,
            source=source,
            defaults={
                "course": course,
                "owner": owner,
                "created_at": now,
                "due_at": task_deadline(now, minutes),
                "urgent": urgent,
            },
        )
    if created:
        logger.info("follow-up task %s opened (%s)", task.pk, kind)
        if urgent:
            transaction.on_commit(lambda: task_notify_later(task.pk))
    return task


def task_notify_later(task_id: int) -> None:
    from treatment.followup.tasks import task_notify

    try:
        task_notify.delay(task_id)
    except Exception:  # the broker is down: the sweep of urgent tasks sends it later
        logger.warning("urgent task %s not queued for notification; the sweep sends it", task_id)


@transaction.atomic
def task_update(
    *,
    task: FollowUpTask,
    action: str,
    actor: User,
    resolution: str = "",
    request: HttpRequest | None = None,
) -> FollowUpTask:
    """Take a task over (claim) or close it with what was done."""
    task = (
        FollowUpTask.objects.select_for_update(of=("self",))
        .select_related("course")
        .get(pk=task.pk)
    )
    if task.done_at is not None:
        raise TreatmentError("This task is already closed.")
    answered = ["answered_at"] if task.answered_at is None else []
    task.answered_at = task.answered_at or clock.now()
    if action == "claim":
        task.owner = actor
        task.save(update_fields=["owner", *answered])
    elif action == "close":
        if not resolution.strip():
            raise TreatmentError("Write what was done.", "resolution")
        task.done_at, task.done_by, task.resolution = clock.now(), actor, resolution.strip()
        task.save(update_fields=["done_at", "done_by", "resolution", *answered])
    else:
        raise TreatmentError("Choose claim or close.", "action")
    _audit(actor, Action.TASK_UPDATED, task.course, f"task {task.public_id} {action}", request)
    return task


@transaction.atomic
def safety_check_record(
    *,
    course: TreatmentCourse,
    answers: dict[str, str],
    actor: User,
    request: HttpRequest | None = None,
) -> SafetyCheck:
    """Keep the answers; any yes (or "not sure") raises a task for the clinician."""
    concerns = [question for question, answer in answers.items() if answer != "no"]
    check = SafetyCheck.objects.create(
        course=course,
        answers=answers,
        concerns=concerns,
        recorded_by=actor,
        recorded_at=clock.now(),
    )
    if concerns:
        task_open(course=course, kind=FollowUpTask.Kind.SAFETY_CHECK, source=f"safety:{check.pk}")
    _audit(actor, Action.SAFETY_CHECK_RECORDED, course, f"{len(concerns)} concern(s)", request)
    return check
