"""Days the clinic is closed: its closed dates (CLINIC_CLOSED_DATES) and the weekdays outside
CLINIC_OPEN_DAYS. An in-clinic session is never offered or scheduled on one; a session at home
is not bound by them."""

from __future__ import annotations

from datetime import date, timedelta

from django.conf import settings

from config.clinic import DAY_NAMES
from treatment.rules import Setting


def closed_reason(day: date, setting: Setting | str) -> str | None:
    """Why a session on `day` cannot be held, in words for the clinician; None when it can."""
    if Setting(setting) is not Setting.IN_CLINIC:
        return None
    if day in settings.CLINIC_CLOSED_DATES:
        return (
            f"The clinic is closed on {day:%A} {day.day} {day:%B %Y}: "
            "choose another day, or hold this session at home."
        )
    if day.weekday() not in settings.CLINIC_OPEN_DAYS:
        return (
            f"The clinic is closed on {DAY_NAMES[day.weekday()]}s: "
            "choose another day, or hold this session at home."
        )
    return None


def next_open_day(day: date, setting: Setting | str, taken: set[date] | None = None) -> date:
    """`day`, or the first day after it that the session can be held on and is not taken."""
    taken = taken or set()
    for offset in range(366):
        candidate = day + timedelta(days=offset)
        if candidate not in taken and closed_reason(candidate, setting) is None:
            return candidate
    return day  # a clinic closed every day of the year: offer the day and let the check refuse
