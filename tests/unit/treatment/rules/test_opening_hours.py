"""Follow-up task deadlines count the clinic's opening hours."""

from datetime import UTC, datetime

from treatment.rules import deadline_in_opening_hours


def at(day, hour, minute=0):
    return datetime(2026, 3, day, hour, minute, tzinfo=UTC)


def test_within_opening_hours_it_is_an_hour_later():
    assert deadline_in_opening_hours(at(10, 9, 15), 60, opens=8, closes=18) == at(10, 10, 15)


def test_it_carries_the_rest_over_to_the_next_opening():
    assert deadline_in_opening_hours(at(10, 17, 30), 60, opens=8, closes=18) == at(11, 8, 30)


def test_a_task_raised_at_night_is_due_an_hour_after_opening():
    assert deadline_in_opening_hours(at(10, 22), 60, opens=8, closes=18) == at(11, 9)
    assert deadline_in_opening_hours(at(11, 3), 60, opens=8, closes=18) == at(11, 9)


def test_round_the_clock_opening_is_plain_time():
    assert deadline_in_opening_hours(at(10, 23, 30), 60, opens=0, closes=24) == at(11, 0, 30)


def test_a_closed_day_is_skipped():
    weekdays = frozenset(range(5))
    friday_evening = datetime(2026, 3, 13, 16, 30, tzinfo=UTC)

    due = deadline_in_opening_hours(friday_evening, 60, opens=9, closes=17, days=weekdays)

    assert due == datetime(2026, 3, 16, 9, 30, tzinfo=UTC)  # Monday
