"""Emails to clinicians about follow-up tasks: urgent ones at once, overdue and unanswered
ones escalated. Counts and links only, never health data."""

from __future__ import annotations

import logging
from datetime import datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import dateformat, timezone

from config.email import send_clinic_mail
from patients.roles import Role
from screening.review.notifications import staff_emails
from treatment import clock
from treatment.followup.models import FollowUpTask

logger = logging.getLogger(__name__)


def tasks_escalate_overdue_now(now: datetime | None = None) -> int:
    """Tell clinicians and admins about follow-up tasks past their deadline, each task once."""
    now = now or clock.now()
    overdue = list(
        FollowUpTask.objects.filter(
            done_at__isnull=True, escalated_at__isnull=True, due_at__lt=now
        ).values_list("pk", "kind")
    )
    escalated = [
        (pk, kind)
        for pk, kind in overdue
        if FollowUpTask.objects.filter(pk=pk, escalated_at__isnull=True).update(escalated_at=now)
    ]
    if not escalated:
        return 0
    recipients = staff_emails(Role.CLINICIAN, Role.ADMIN)
    labels = dict(FollowUpTask.Kind.choices)
    lines = "\n".join(f"- {labels[kind]}" for _, kind in escalated)
    link = settings.SITE_URL.rstrip("/") + reverse("treatment_today")
    if recipients:
        send_mail(
            f"Urgent: {len(escalated)} follow-up task(s) past their deadline",
            f"These follow-up tasks were not closed in time:\n\n{lines}\n\n"
            f"Open the today board: {link}\n",
            None,
            recipients,
        )
    logger.info("escalated %d overdue follow-up tasks", len(escalated))
    return len(escalated)


URGENT_REASON = (
    "You receive this because you are a clinician of this clinic and a patient's "
    "treatment needs a clinician now."
)


def task_notify_now(task_id: int) -> bool:
    """Email clinicians about one urgent task at once; sent once, however often called.

    The row is locked and marked in the transaction that sends, so a failed send leaves it
    for the retry or the sweep, and two workers never both send it. A task already closed
    needs nobody. The email names what happened, never the patient or their answers.
    """
    with transaction.atomic():
        task = (
            FollowUpTask.objects.select_for_update()
            .filter(pk=task_id, urgent=True, notified_at__isnull=True, done_at__isnull=True)
            .first()
        )
        if task is None:
            return False
        recipients = staff_emails(Role.CLINICIAN)
        if recipients:
            due = dateformat.format(timezone.localtime(task.due_at), "D j M H:i")
            send_clinic_mail(
                subject=f"Urgent: {task.get_kind_display()}",
                body=(
                    f"A patient's treatment needs a clinician now: {task.get_kind_display()}."
                    f"\nThe follow-up task is due by {due}.\n\nOpen the today board and take "
                    f"it: {settings.SITE_URL.rstrip('/')}{reverse('treatment_today')}\n"
                ),
                to=recipients,
                reason=URGENT_REASON,
            )
        task.notified_at = clock.now()
        task.save(update_fields=["notified_at"])
    logger.info("urgent task %s notified to %d clinicians", task_id, len(recipients))
    return True


def tasks_notify_pending() -> list[int]:
    """Urgent tasks still open whose email never went (the broker was down)."""
    return list(
        FollowUpTask.objects.filter(
            urgent=True, notified_at__isnull=True, done_at__isnull=True
        ).values_list("pk", flat=True)
    )


ESCALATION_REASON = (
    "You receive this because you are a clinician or an admin of this clinic and a patient at "
    "home has not answered after a dose."
)


def task_escalate(task: FollowUpTask, why: str, now: datetime) -> bool:
    """Email clinicians and admins about one task, once (it keeps `escalated_at`)."""
    with transaction.atomic():
        if not FollowUpTask.objects.filter(pk=task.pk, escalated_at__isnull=True).update(
            escalated_at=now
        ):
            return False
        recipients = staff_emails(Role.CLINICIAN, Role.ADMIN)
        if recipients:
            link = settings.SITE_URL.rstrip("/") + reverse(
                "treatment_task", kwargs={"task_id": task.public_id}
            )
            send_clinic_mail(
                subject=f"Escalated: {task.get_kind_display()}",
                body=f"A patient at home needs a clinician now: {why}.\n\nOpen the task, with "
                f"the numbers to call: {link}\n",
                to=recipients,
                reason=ESCALATION_REASON,
            )
    logger.warning("task %s escalated (%s)", task.pk, task.kind)
    return True
