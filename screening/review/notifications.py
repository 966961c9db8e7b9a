"""Emails to clinicians about cases. They carry a case number and a link, never health data."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from config.email import send_clinic_mail
from patients.models import User
from patients.roles import Role
from screening.review.models import Case, ClinicianNotification, DigestSent
from screening.review.selectors import overdue_cases

logger = logging.getLogger(__name__)


STAFF_REASON = "You received this because you review cases at the clinic."


def staff_emails(*roles: Role) -> list[str]:
    """Email addresses of the active users in these roles."""
    return list(
        User.objects.filter(groups__name__in=[r.value for r in roles], is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
        .order_by("email")
    )


def _message(notification: ClinicianNotification) -> tuple[str, str]:
    link = settings.SITE_URL.rstrip("/") + reverse("home")
    if notification.submission is not None:
        case = notification.submission.case_number
        subject = f"{notification.priority.capitalize()} case {case} awaits review"
        body = (
            f"A new {notification.priority} case, number {case}, is waiting in the review "
            f"queue.\n\nOpen the queue: {link}\n"
        )
    else:
        subject = "Urgent: safety answers in an unsubmitted intake"
        body = (
            "A patient gave safety answers that call for urgent follow-up, and has not "
            f"submitted the intake yet. It is shown as urgent in the review queue.\n\n"
            f"Open the queue: {link}\n"
        )
    return subject, body


def notification_deliver_now(notification_id: int) -> bool:
    """Send one notification unless it was sent already; True when this call sent it."""
    with transaction.atomic():
        notification = (
            ClinicianNotification.objects.select_for_update(of=("self",))
            .select_related("submission")
            .get(pk=notification_id)
        )
        if notification.sent_at is not None:
            return False
        recipients = staff_emails(Role.CLINICIAN)
        if not recipients:
            logger.warning("clinician notification %s waits: no active clinician", notification_id)
            return False
        subject, body = _message(notification)
        send_clinic_mail(
            subject=subject,
            body=body,
            to=recipients,
            reason=STAFF_REASON,
        )
        notification.sent_at = timezone.now()
        notification.save(update_fields=["sent_at"])
    logger.info("clinician notification %s sent to %d clinicians", notification_id, len(recipients))
    return True


def notifications_pending(older_than: timedelta = timedelta(minutes=5)) -> list[int]:
    """Unsent notifications that should have gone out by now: lost or failing deliveries."""
    cutoff = timezone.now() - older_than
    return list(
        ClinicianNotification.objects.filter(sent_at__isnull=True, created_at__lte=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)
    )


def cases_escalate_overdue_now(now: datetime | None = None) -> int:
    """Tell clinicians and admins about cases that became overdue; each case only once."""
    now = now or timezone.now()
    newly_overdue = []
    for case in overdue_cases(now):
        if Case.objects.filter(pk=case.pk, escalated_at__isnull=True).update(escalated_at=now):
            newly_overdue.append(case)
    if not newly_overdue:
        return 0
    recipients = staff_emails(Role.CLINICIAN, Role.ADMIN)
    lines = "\n".join(
        f"- case {case.submission.case_number} ({case.submission.screening.priority}), "
        f"waiting since {case.waiting_since:%Y-%m-%d %H:%M} UTC"
        for case in newly_overdue
    )
    link = settings.SITE_URL.rstrip("/") + reverse("queue")
    if recipients:
        send_clinic_mail(
            subject=f"{len(newly_overdue)} case(s) overdue for review",
            body="These cases have waited longer than their priority allows:\n\n"
            f"{lines}\n\nOpen the queue: {link}",
            to=recipients,
            reason=STAFF_REASON,
        )
    logger.info("escalated %d overdue cases", len(newly_overdue))
    return len(newly_overdue)


def digests_send_now(day: date | None = None) -> int:
    """Each clinician's daily digest of the waiting queue; a re-run the same day sends none."""
    day = day or timezone.localdate()
    waiting = Case.objects.filter(status__in=Case.OPEN_STATUSES)
    total = waiting.count()
    urgent = waiting.filter(submission__screening__priority="urgent").count()
    overdue = len(overdue_cases())
    link = settings.SITE_URL.rstrip("/") + reverse("queue")
    sent = 0
    for clinician in User.objects.filter(groups__name=Role.CLINICIAN.value, is_active=True):
        with transaction.atomic():
            _, created = DigestSent.objects.get_or_create(clinician=clinician, day=day)
            if not created:
                continue
            claimed = waiting.filter(claimed_by=clinician).count()
            send_clinic_mail(
                subject=f"Review queue on {day:%d %B %Y}: {total} waiting",
                body=f"Waiting for review: {total} (urgent: {urgent}, overdue: {overdue}).\n"
                f"Claimed by you: {claimed}.\n\nOpen the queue: {link}",
                to=[clinician.email],
                reason=STAFF_REASON,
            )
            sent += 1
    return sent
