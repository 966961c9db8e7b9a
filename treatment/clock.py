"""The time the treatment pages and services go by.

Everything in treatment/ asks `clock.now()`, never the system clock directly,
so that a test can run a whole session on a controlled clock by replacing this
function in its own process; nothing in production can move it.
"""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def today() -> date:
    return timezone.localdate(now())
