"""The daily reminder of unsigned monitoring records, to each clinician once a day."""

from __future__ import annotations

import logging
from datetime import date

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse

from patients.models import User
from treatment import clock
from treatment.clinic.selectors import record_deadline, unsigned_records
from treatment.followup.models import UnsignedReminder

logger = logging.getLogger(__name__)


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
