"""The emailed receipt of a submitted questionnaire: that it arrived, what happens next and the
usual time frame. No health data: no answer, no result, no route."""

from __future__ import annotations

import logging

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from config.email import send_clinic_mail

logger = logging.getLogger(__name__)

RECEIPT_SUBJECT = gettext_lazy("We have received your questionnaire")
RECEIPT_REASON = gettext_lazy(
    "You received this because you sent a health questionnaire to the clinic."
)


def receipt_body(case_number: str) -> str:
    """In the active language (the sender overrides it with the patient's)."""
    days = settings.REVIEW_USUAL_DAYS
    link = settings.SITE_URL.rstrip("/") + reverse("account")
    usual = ngettext(
        "A clinician reads your answers. This usually takes %(days)d working day.",
        "A clinician reads your answers. This usually takes %(days)d working days.",
        days,
    ) % {"days": days}
    return (
        _("Thank you: your questionnaire reached %(clinic)s (case number %(number)s).")
        % {"clinic": settings.CLINIC_NAME, "number": case_number}
        + "\n\n"
        + _("What happens next:")
        + "\n1. "
        + usual
        + "\n2. "
        + _(
            "We email you as soon as they have decided. The email does not say what was "
            "decided: sign in to read it."
        )
        + "\n3. "
        + _("If the clinician needs to know more, your account page shows what to add.")
        + "\n\n"
        + _("Your account page shows where your questionnaire stands at any time:")
        + f"\n{link}\n\n"
        + _(
            "If you feel unsafe or are in crisis, do not wait for us: call or text 988 "
            "(Suicide & Crisis Lifeline) or call 911."
        )
    )


def submission_receipt_send(*, email: str, case_number: str, language: str = "en") -> None:
    """Send the receipt in the patient's language; a failed send is logged (without the
    address) and the account page still shows the questionnaire."""
    try:
        with translation.override(language):
            send_clinic_mail(
                subject=str(RECEIPT_SUBJECT),
                body=receipt_body(case_number),
                to=[email],
                reason=str(RECEIPT_REASON),
            )
    except OSError:
        logger.warning("questionnaire receipt not sent; the account page shows the submission")
