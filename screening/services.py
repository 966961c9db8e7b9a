"""Writes for screening: decisions on submissions, clinician notifications."""

from __future__ import annotations

import logging

from django.db import transaction

from patients.models import IntakeDraft, Submission
from screening.models import (
    PRIORITY_RANKS,
    ROUTE_RANKS,
    Case,
    ClinicianNotification,
    ScreeningResult,
)
from screening.rules import (
    Answers,
    Decision,
    Priority,
    crisis_resources_needed,
    evaluate,
    parse_answers,
)
from screening.selectors import active_thresholds

logger = logging.getLogger(__name__)

NOTIFIED_PRIORITIES = (Priority.URGENT, Priority.HIGH)


def screening_result_of(
    submission: Submission, answers: Answers, decision: Decision
) -> ScreeningResult:
    """The stored form of the engine's decision on a submission (not yet saved)."""
    return ScreeningResult(
        submission=submission,
        route=decision.route.value,
        priority=decision.priority.value,
        decision=decision.as_dict(),
        ruleset=decision.ruleset,
        crisis_resources_shown=crisis_resources_needed(answers),
        route_rank=ROUTE_RANKS[decision.route.value],
        priority_rank=PRIORITY_RANKS[decision.priority.value],
        fired_rules="".join(f",{rule}" for rule in decision.fired_ids) + ",",
    )


def screening_record(*, submission: Submission) -> ScreeningResult:
    """Screen the submission's frozen answers with the active rule set; store the decision."""
    answers = parse_answers(submission.answers)
    result = screening_result_of(submission, answers, evaluate(answers, active_thresholds()))
    result.save()
    Case.objects.create(
        submission=submission, patient=submission.patient, waiting_since=submission.submitted_at
    )
    # An earlier case that waited for this patient's new answers is now replaced by this one.
    Case.objects.filter(patient=submission.patient, status=Case.Status.AWAITING_PATIENT).exclude(
        submission=submission
    ).update(status=Case.Status.RESUBMITTED)
    priority = Priority(result.priority)
    if priority in NOTIFIED_PRIORITIES:
        notification_queue(submission=submission, priority=priority)
    return result


def notification_queue(
    *,
    submission: Submission | None = None,
    draft: IntakeDraft | None = None,
    priority: Priority = Priority.URGENT,
) -> ClinicianNotification:
    """Write the notification with the case; deliver it once the transaction commits.

    With the broker down the case is still saved: the row stays unsent and
    `notifications_deliver_pending` picks it up later.
    """
    kind = (
        ClinicianNotification.Kind.SUBMISSION
        if submission
        else ClinicianNotification.Kind.URGENT_DRAFT
    )
    notification = ClinicianNotification.objects.create(
        kind=kind, submission=submission, draft=draft, priority=priority.value
    )
    transaction.on_commit(lambda: notification_send_later(notification.pk))
    return notification


def notification_send_later(notification_id: int) -> None:
    from screening.tasks import notification_deliver

    try:
        notification_deliver.delay(notification_id)
    except Exception:  # the broker is down: the unsent row is retried by the sweep
        logger.warning("clinician notification %s not queued; it stays pending", notification_id)
