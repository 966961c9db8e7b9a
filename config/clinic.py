"""The clinic's opening hours, in words for patients (in the active language)."""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Django's own catalogues name the days in every language.
DAY_NAMES = (
    gettext_lazy("Monday"),
    gettext_lazy("Tuesday"),
    gettext_lazy("Wednesday"),
    gettext_lazy("Thursday"),
    gettext_lazy("Friday"),
    gettext_lazy("Saturday"),
    gettext_lazy("Sunday"),
)


def _hour(hour: int) -> str:
    if hour in (0, 24):
        return _("midnight")
    if hour == 12:
        return _("noon")
    if hour < 12:
        return _("{hour} am").format(hour=hour)
    return _("{hour} pm").format(hour=hour % 12)


def _days(days: frozenset[int]) -> str:
    ordered = sorted(days)
    if len(ordered) == 7:
        return _("Every day")
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return _("{first} to {last}").format(
            first=DAY_NAMES[ordered[0]], last=DAY_NAMES[ordered[-1]]
        )
    return ", ".join(str(DAY_NAMES[day]) for day in ordered)


def opening_hours_text() -> str:
    """For example "Monday to Friday, 9 am to 5 pm"."""
    opens, closes = settings.CLINIC_OPENS_HOUR, settings.CLINIC_CLOSES_HOUR
    return _("{days}, {opens} to {closes}").format(
        days=_days(settings.CLINIC_OPEN_DAYS), opens=_hour(opens), closes=_hour(closes)
    )
