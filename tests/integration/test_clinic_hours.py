"""The clinic's opening hours: one setting, read by deadlines and promised to patients."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.clinic import opening_hours_text
from config.env import env_weekdays


@pytest.mark.parametrize(
    ("days", "opens", "closes", "text"),
    [
        (frozenset(range(5)), 9, 17, "Monday to Friday, 9 am to 5 pm"),
        (frozenset(range(7)), 0, 24, "Every day, midnight to midnight"),
        (frozenset({0, 2, 4}), 8, 12, "Monday, Wednesday, Friday, 8 am to noon"),
    ],
)
def test_it_says_the_opening_hours_in_words(settings, days, opens, closes, text):
    settings.CLINIC_OPEN_DAYS, settings.CLINIC_OPENS_HOUR, settings.CLINIC_CLOSES_HOUR = (
        days,
        opens,
        closes,
    )

    assert opening_hours_text() == text


def test_it_reads_days_from_the_environment(monkeypatch):
    monkeypatch.setenv("DAYS", "mon-fri")
    assert env_weekdays("DAYS", "") == frozenset(range(5))
    monkeypatch.setenv("DAYS", "fri-mon")
    assert env_weekdays("DAYS", "") == frozenset({4, 5, 6, 0})
    monkeypatch.setenv("DAYS", "mon,someday")
    with pytest.raises(ImproperlyConfigured, match=r"must name days as mon\.\.sun"):
        env_weekdays("DAYS", "")
