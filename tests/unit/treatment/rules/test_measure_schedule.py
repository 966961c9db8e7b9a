"""When PHQ-9 and GAD-7 are due: before sessions 1, 3 and 6, then every 30 days."""

from datetime import date, timedelta

from treatment.rules import measures_due

OPENED = date(2026, 3, 1)
SESSIONS = [(n, OPENED + timedelta(days=3 * (n - 1))) for n in range(1, 7)]  # days 0..15


def due(today, taken=(), started=()):
    return [
        m.key
        for m in measures_due(
            sessions=SESSIONS, started=started, opened=OPENED, taken=taken, today=today
        )
    ]


def test_they_are_due_from_the_day_before_sessions_1_3_and_6():
    assert due(OPENED - timedelta(days=1)) == ["session-1"]
    assert due(OPENED) == ["session-1"]
    assert due(SESSIONS[1][1]) == []
    assert due(SESSIONS[2][1] - timedelta(days=1)) == ["session-3"]
    assert due(SESSIONS[5][1]) == ["session-6"]


def test_answered_or_started_sessions_need_none():
    assert due(OPENED, taken={"session-1"}) == []
    assert due(OPENED, started={1}) == []


def test_a_missed_one_is_no_longer_due_after_its_session_day():
    assert due(OPENED + timedelta(days=1)) == []


def test_then_they_are_due_every_30_days_until_answered():
    assert due(OPENED + timedelta(days=29)) == []
    assert due(OPENED + timedelta(days=30)) == ["month-1"]
    assert due(OPENED + timedelta(days=59)) == ["month-1"]
    assert due(OPENED + timedelta(days=45), taken={"month-1"}) == []
    assert due(OPENED + timedelta(days=60), taken={"month-1"}) == ["month-2"]


def test_the_monthly_one_is_due_by_the_end_of_its_30_days():
    (monthly,) = measures_due(
        sessions=SESSIONS, started=(), opened=OPENED, taken=(), today=OPENED + timedelta(days=31)
    )

    assert monthly.due_by == OPENED + timedelta(days=59)
