"""Emails to clinicians about cases. They carry a case number and a link, never health data."""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from patients.models import User
from patients.roles import Role
from screening.models import ClinicianNotification

logger = logging.getLogger(__name__)


def clinician_emails() -> list[str]:
    return list(
        User.objects.filter(groups__name=Role.CLINICIAN.value, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
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
        recipients = clinician_emails()
        if not recipients:
            logger.warning("clinician notification %s waits: no active clinician", notification_id)
            return False
        subject, body = _message(notification)
        send_mail(subject, body, None, recipients)
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
