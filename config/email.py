"""Every email of ours names the clinic and says why it was sent; none carries health data."""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.mail import send_mail


def send_clinic_mail(*, subject: str, body: str, to: Sequence[str], reason: str) -> None:
    """Send `body` with the clinic's name in the subject and a footer saying why it came."""
    footer = f"--\n{settings.CLINIC_NAME} ({settings.SITE_URL})\n{reason}"
    send_mail(f"[{settings.CLINIC_NAME}] {subject}", f"{body}\n\n{footer}\n", None, list(to))
