"""Date filters as ranges on the timestamp itself, so that an index on the column serves them."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.db.models import Q
from django.utils import timezone


def day_start(day: date) -> datetime:
    """Midnight at the start of `day` in the clinic's time zone."""
    return timezone.make_aware(datetime.combine(day, time.min))


def within_days(field: str, date_from: date | None, date_to: date | None) -> Q:
    """`field` falls on one of the clinic's days from `date_from` to `date_to`, both included.

    `field__date__gte` would say the same, but casts every row's timestamp first.
    """
    condition = Q()
    if date_from:
        condition &= Q(**{f"{field}__gte": day_start(date_from)})
    if date_to:
        condition &= Q(**{f"{field}__lt": day_start(date_to + timedelta(days=1))})
    return condition
