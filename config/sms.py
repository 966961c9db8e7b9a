"""Text messages (SMS): a pluggable backend, like Django's email backends.

`SMS_BACKEND` names the class: the console in development, none (texts are not
sent) in production unless a provider is configured, memory in tests. A text
never holds health data: it says that something is due and where to sign in.
"""

from __future__ import annotations

import base64
import json
import logging
import sys
import urllib.parse
import urllib.request
from dataclasses import dataclass
from typing import ClassVar

from django.conf import settings
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)
MAX_LENGTH = 320  # two SMS segments


@dataclass(frozen=True)
class Text:
    to: str
    body: str


class SmsBackend:
    """Sends texts; returns how many went."""

    def send(self, texts: list[Text]) -> int:
        raise NotImplementedError


class DisabledBackend(SmsBackend):
    """No provider configured: nothing is sent (emails still go)."""

    def send(self, texts: list[Text]) -> int:
        return 0


class ConsoleBackend(SmsBackend):
    """Development: each text written to standard output, as Django's console email."""

    def send(self, texts: list[Text]) -> int:
        for text in texts:
            sys.stdout.write(f"SMS to {text.to}: {text.body}\n")
        sys.stdout.flush()
        return len(texts)


class LocmemBackend(SmsBackend):
    """Tests: texts kept in `outbox`."""

    outbox: ClassVar[list[Text]] = []

    def send(self, texts: list[Text]) -> int:
        LocmemBackend.outbox.extend(texts)
        return len(texts)


class TwilioBackend(SmsBackend):
    """A provider: Twilio's Messages API (`SMS_ACCOUNT_ID`, `SMS_AUTH_TOKEN`, `SMS_FROM`;
    `SMS_API_URL` for a compatible service)."""

    def send(self, texts: list[Text]) -> int:
        url = settings.SMS_API_URL.format(account=settings.SMS_ACCOUNT_ID)
        if not url.startswith("https://") and not url.startswith("http://127.0.0.1"):
            raise ValueError("SMS_API_URL must be https")
        secret = f"{settings.SMS_ACCOUNT_ID}:{settings.SMS_AUTH_TOKEN}".encode()
        auth = "Basic " + base64.b64encode(secret).decode()
        sent = 0
        for text in texts:
            data = urllib.parse.urlencode(
                {"To": text.to, "From": settings.SMS_FROM, "Body": text.body}
            ).encode()
            request = urllib.request.Request(  # noqa: S310  # nosec B310 (https, checked above)
                url, data=data, headers={"Authorization": auth}, method="POST"
            )
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310  # nosec B310
                json.loads(response.read() or b"{}")
            sent += 1
        return sent


def sms_backend() -> SmsBackend:
    backend: type[SmsBackend] = import_string(settings.SMS_BACKEND)
    return backend()


def send_texts(texts: list[Text]) -> int:
    """Send texts through the configured backend; a failure is logged, never raised."""
    texts = [Text(t.to, t.body[:MAX_LENGTH]) for t in texts if t.to]
    if not texts:
        return 0
    try:
        return sms_backend().send(texts)
    except Exception:
        logger.warning("sending %d text(s) failed", len(texts))
        return 0


def mobile_number(phone: str) -> str:
    """A phone number as a provider takes it (E.164, US numbers by default)."""
    digits = "".join(ch for ch in phone if ch in "0123456789")
    if phone.strip().startswith("+"):
        return f"+{digits}"
    if len(digits) == 10:
        return f"+1{digits}"
    if len(digits) == 11 and digits.startswith("1"):
        return f"+{digits}"
    return ""
