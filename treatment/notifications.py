"""Emails to clinicians about follow-up tasks and unsigned records: counts and links only."""

from __future__ import annotations

import logging
from datetime import date, datetime

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from patients.models import User
from patients.roles import Role
from screening.notifications import staff_emails
from treatment import clock
from treatment.models import FollowUpTask, UnsignedReminder
from treatment.selectors import record_deadline, unsigned_records

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


def records_remind_unsigned_now(day: date | None = None) -> int:
    """Each clinician with unsigned records gets one reminder a day; a re-run sends none."""
    day = day or clock.today()
    link = settings.SITE_URL.rstrip("/") + reverse("treatment_unsigned")
    by_clinician: dict[int, list[date]] = {}
    for record in unsigned_records():
        by_clinician.setdefault(record.created_by_id, []).append(record_deadline(record))
    sent = 0
    for clinician in User.objects.filter(pk__in=by_clinician, is_active=True):
        deadlines = by_clinician[clinician.pk]
        with transaction.atomic():
            _, created = UnsignedReminder.objects.get_or_create(clinician=clinician, day=day)
            if not created:
                continue
            nearest = (min(deadlines) - day).days
            send_mail(
                f"{len(deadlines)} monitoring record(s) to sign",
                f"You have {len(deadlines)} unsigned monitoring record(s); the nearest is due "
                f"in {nearest} day(s) (records are due {settings.CLINIC_RECORD_DEADLINE_DAYS} "
                f"days after the dose).\n\nSign them here: {link}\n",
                None,
                [clinician.email],
            )
            sent += 1
    logger.info("sent %d unsigned-record reminders", sent)
    return sent
