"""Deadlines counted in the clinic's opening hours."""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Final

EVERY_DAY: Final = frozenset(range(7))


def deadline_in_opening_hours(
    start: datetime,
    minutes: int,
    *,
    opens: int,
    closes: int,
    days: frozenset[int] = EVERY_DAY,
) -> datetime:
    """`minutes` of opening time after `start` (local, aware); open opens-closes h on `days`
    (Monday 0).

    A task raised at night, or on a closed day, falls due `minutes` after the next opening.
    """
    if not 0 <= opens < closes <= 24:
        raise ValueError("opening hours must satisfy 0 <= opens < closes <= 24")
    if not days or not days <= EVERY_DAY:
        raise ValueError("open days must be some of 0 (Monday) to 6 (Sunday)")
    left = timedelta(minutes=minutes)
    moment = start
    while True:
        day_open = moment.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(
            hours=opens
        )
        day_close = day_open + timedelta(hours=closes - opens)
        if moment < day_open:
            moment = day_open
        if moment >= day_close or moment.weekday() not in days:
            moment = datetime.combine(
                moment.date() + timedelta(days=1), time(0), tzinfo=moment.tzinfo
            )
            continue
        if moment + left <= day_close:
            return moment + left
        left -= day_close - moment
        moment = day_close
