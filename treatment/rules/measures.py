"""Ongoing measures: PHQ-9 and GAD-7 during a course, against the intake's baseline.

Taken before sessions 1, 3 and 6, then every 30 days of the course. Response is
a drop of at least half from the baseline; remission is a PHQ-9 below 5. A rise
of 5 or more (from the baseline or the previous measure), or any PHQ-9 item 9
above 0 (suicidal ideation), alerts the clinician.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, timedelta
from typing import Final, NamedTuple

MEASURED_SESSIONS: Final = (1, 3, 6)
MONTH_DAYS: Final = 30
RISE_ALERT: Final = 5
REMISSION_BELOW: Final = 5
CRISIS_ITEM9: Final = 2  # as at intake: crisis resources on the next page
PHQ9_ITEMS: Final = 9
GAD7_ITEMS: Final = 7
ITEM_MAX: Final = 3
INSTRUMENT_NAMES: Final = {"phq9": "PHQ-9", "gad7": "GAD-7"}


class Scores(NamedTuple):
    phq9: int
    gad7: int
    phq9_item9: int


def scores_of(phq9: Sequence[int], gad7: Sequence[int]) -> Scores:
    """Totals of complete answers; anything else is refused (never imputed)."""
    for name, items, count in (("phq9", phq9, PHQ9_ITEMS), ("gad7", gad7, GAD7_ITEMS)):
        if len(items) != count or any(
            type(item) is not int or not 0 <= item <= ITEM_MAX for item in items
        ):
            raise ValueError(f"{name} needs {count} answers from 0 to {ITEM_MAX}")
    return Scores(sum(phq9), sum(gad7), phq9[PHQ9_ITEMS - 1])


class Marks(NamedTuple):
    """How one measure compares with the baseline."""

    phq9_change: int | None  # percent change from baseline (negative is better)
    gad7_change: int | None
    phq9_response: bool
    gad7_response: bool
    remission: bool


def _change(value: int, baseline: int | None) -> int | None:
    if not baseline:
        return None
    return round((value - baseline) * 100 / baseline)


def _response(value: int, baseline: int | None) -> bool:
    return bool(baseline) and 2 * value <= (baseline or 0)


def marks(scores: Scores, baseline: Scores | None) -> Marks:
    phq9_base = baseline.phq9 if baseline else None
    gad7_base = baseline.gad7 if baseline else None
    return Marks(
        _change(scores.phq9, phq9_base),
        _change(scores.gad7, gad7_base),
        _response(scores.phq9, phq9_base),
        _response(scores.gad7, gad7_base),
        scores.phq9 < REMISSION_BELOW,
    )


class MeasureAlert(NamedTuple):
    code: str
    text: str  # for clinicians


class MeasureResult(NamedTuple):
    alerts: tuple[MeasureAlert, ...]
    ideation: bool  # PHQ-9 item 9 above 0: a suicidal-ideation task
    crisis: bool  # crisis resources on the next page

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(alert.code for alert in self.alerts)


def _rise(name: str, value: int, earlier: Sequence[tuple[str, int | None]]) -> list[MeasureAlert]:
    for label, reference in earlier:
        if reference is not None and value - reference >= RISE_ALERT:
            return [
                MeasureAlert(
                    f"{name}_rise",
                    f"{INSTRUMENT_NAMES[name]} rose from {reference} ({label}) to {value}",
                )
            ]
    return []


def check_measures(
    scores: Scores, *, previous: Scores | None, baseline: Scores | None
) -> MeasureResult:
    """What in a new measure needs a clinician."""
    alerts: list[MeasureAlert] = []
    if scores.phq9_item9 > 0:
        alerts.append(
            MeasureAlert(
                "phq9_item9",
                f"PHQ-9 item 9 (thoughts of being better off dead or of self-harm) is "
                f"{scores.phq9_item9}",
            )
        )
    for name in ("phq9", "gad7"):
        alerts += _rise(
            name,
            getattr(scores, name),
            [
                ("the previous measure", getattr(previous, name) if previous else None),
                ("the baseline", getattr(baseline, name) if baseline else None),
            ],
        )
    return MeasureResult(tuple(alerts), scores.phq9_item9 > 0, scores.phq9_item9 >= CRISIS_ITEM9)


class DueMeasure(NamedTuple):
    key: str  # "session-3", "month-2": one set of answers per key
    label: str  # in plain words
    due_by: date


def measures_due(
    *,
    sessions: Sequence[tuple[int, date]],
    started: Collection[int],
    opened: date,
    taken: Collection[str],
    today: date,
) -> list[DueMeasure]:
    """The measures due today: before sessions 1, 3 and 6 (from the day before the session
    until it starts), then every 30 days from the course's opening."""
    due = []
    for number, day in sessions:
        key = f"session-{number}"
        if (
            number in MEASURED_SESSIONS
            and number not in started
            and key not in taken
            and day - timedelta(days=1) <= today <= day
        ):
            due.append(DueMeasure(key, f"before session {number}", day))
    month = (today - opened).days // MONTH_DAYS
    key = f"month-{month}"
    if month >= 1 and key not in taken:
        until = opened + timedelta(days=MONTH_DAYS * (month + 1) - 1)
        due.append(DueMeasure(key, "this month's", until))
    return due
