"""The emailed receipt of a submitted questionnaire: that it arrived, what happens next and the
usual time frame. No health data: no answer, no result, no route."""

from __future__ import annotations

import logging

from django.conf import settings
from django.urls import reverse

from config.email import send_clinic_mail

logger = logging.getLogger(__name__)

RECEIPT_SUBJECT = "We have received your questionnaire"
RECEIPT_REASON = "You received this because you sent a health questionnaire to the clinic."


def receipt_body(case_number: str) -> str:
    days = settings.REVIEW_USUAL_DAYS
    link = settings.SITE_URL.rstrip("/") + reverse("account")
    return (
        f"Thank you: your questionnaire reached {settings.CLINIC_NAME} "
        f"(case number {case_number}).\n\n"
        "What happens next:\n"
        "1. A clinician reads your answers. This usually takes "
        f"{days} working day{'s' if days != 1 else ''}.\n"
        "2. We email you as soon as they have decided. The email does not say what was "
        "decided: sign in to read it.\n"
        "3. If the clinician needs to know more, your account page shows what to add.\n\n"
        f"Your account page shows where your questionnaire stands at any time:\n{link}\n\n"
        "If you feel unsafe or are in crisis, do not wait for us: call or text 988 "
        "(Suicide & Crisis Lifeline) or call 911."
    )


def submission_receipt_send(*, email: str, case_number: str) -> None:
    """Send the receipt; a failed send is logged (without the address) and the account page
    still shows the questionnaire."""
    try:
        send_clinic_mail(
            subject=RECEIPT_SUBJECT,
            body=receipt_body(case_number),
            to=[email],
            reason=RECEIPT_REASON,
        )
    except OSError:
        logger.warning("questionnaire receipt not sent; the account page shows the submission")
