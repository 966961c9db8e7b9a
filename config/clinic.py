"""The clinic's opening hours, in words for patients."""

from __future__ import annotations

from django.conf import settings

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _hour(hour: int) -> str:
    if hour in (0, 24):
        return "midnight"
    if hour == 12:
        return "noon"
    return f"{hour % 12} {'am' if hour < 12 else 'pm'}"


def _days(days: frozenset[int]) -> str:
    ordered = sorted(days)
    if len(ordered) == 7:
        return "Every day"
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{DAY_NAMES[ordered[0]]} to {DAY_NAMES[ordered[-1]]}"
    return ", ".join(DAY_NAMES[day] for day in ordered)


def opening_hours_text() -> str:
    """For example "Monday to Friday, 9 am to 5 pm"."""
    opens, closes = settings.CLINIC_OPENS_HOUR, settings.CLINIC_CLOSES_HOUR
    return f"{_days(settings.CLINIC_OPEN_DAYS)}, {_hour(opens)} to {_hour(closes)}"
