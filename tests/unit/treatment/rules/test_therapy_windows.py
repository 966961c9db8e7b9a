"""Preparation within days before a dose, integration within days after it; a missed
integration is one whose window closed without a note."""

from datetime import date

import pytest

from treatment.rules.therapy import (
    MeetingKind,
    default_meeting_day,
    integration_missed,
    meeting_day_error,
    meeting_window,
)

DOSE_DAY = date(2026, 3, 12)
TODAY = date(2026, 3, 5)


def test_the_windows_run_three_days_before_and_after_the_dose():
    preparation = meeting_window(MeetingKind.PREPARATION, DOSE_DAY, 3)
    integration = meeting_window(MeetingKind.INTEGRATION, DOSE_DAY, 3)

    assert (preparation.opens, preparation.closes) == (date(2026, 3, 9), DOSE_DAY)
    assert (integration.opens, integration.closes) == (DOSE_DAY, date(2026, 3, 15))


def test_the_default_days_are_the_day_before_and_the_day_after():
    assert default_meeting_day(MeetingKind.PREPARATION, DOSE_DAY, TODAY, 3) == date(2026, 3, 11)
    assert default_meeting_day(MeetingKind.INTEGRATION, DOSE_DAY, TODAY, 3) == date(2026, 3, 13)


def test_a_dose_today_is_prepared_today_never_in_the_past():
    assert default_meeting_day(MeetingKind.PREPARATION, DOSE_DAY, DOSE_DAY, 3) == DOSE_DAY


def test_with_no_days_both_meetings_fall_on_the_dose_day():
    assert default_meeting_day(MeetingKind.PREPARATION, DOSE_DAY, TODAY, 0) == DOSE_DAY
    assert default_meeting_day(MeetingKind.INTEGRATION, DOSE_DAY, TODAY, 0) == DOSE_DAY


@pytest.mark.parametrize(
    ("kind", "day", "allowed"),
    [
        (MeetingKind.PREPARATION, date(2026, 3, 9), True),
        (MeetingKind.PREPARATION, date(2026, 3, 8), False),
        (MeetingKind.PREPARATION, date(2026, 3, 13), False),
        (MeetingKind.INTEGRATION, date(2026, 3, 15), True),
        (MeetingKind.INTEGRATION, date(2026, 3, 16), False),
        (MeetingKind.INTEGRATION, date(2026, 3, 11), False),
    ],
)
def test_a_meeting_moves_only_within_its_window(kind, day, allowed):
    assert (meeting_day_error(kind, day, DOSE_DAY, TODAY, 3) is None) is allowed


def test_a_meeting_never_moves_into_the_past():
    error = meeting_day_error(
        MeetingKind.PREPARATION, date(2026, 3, 10), DOSE_DAY, date(2026, 3, 11), 3
    )

    assert error == "A meeting cannot be moved into the past."


def test_an_integration_is_missed_only_after_its_window_without_a_note():
    def missed(today, *, dose_given=True, noted=False):
        return integration_missed(
            dose_given=dose_given, noted=noted, dose_day=DOSE_DAY, today=today, days=3
        )

    assert not missed(date(2026, 3, 15))
    assert missed(date(2026, 3, 16))
    assert not missed(date(2026, 3, 16), noted=True)
    assert not missed(date(2026, 3, 16), dose_given=False)
