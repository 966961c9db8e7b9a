"""The outcomes page's figures, from plain data: each a table (for screen readers and CSV)
and a chart's series, built on the definitions of `outcomes` and `cohorts`.

Definitions decided here (the issue leaves them open):

Safety (per 100 doses, by the setting of the session)
    Holds and calls are pre-dose checks with that outcome (a check repeated after a
    call counts again); overrides are holds a clinician overrode. Urgent alerts are
    the session alerts, grouped by what raised them: crisis blood pressure (in the
    clinic or at home), SpO2 below the floor, sedation (MOAA/S at or below its limit,
    or a support person's "hard to wake" or "breathing not normal"), missed readings
    at home, and the others. Severe side effects are those reported at home as severe.

Retention (over the courses of the period)
    Ended before the point: a course ended with fewer sessions dosed than the
    evaluation point, grouped by the reason recorded when it ended. Lost without a
    reason: a course not ended, with fewer sessions dosed than the point and no dose
    for `LOST_AFTER_DAYS` days (counted from its opening when it has none).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Final, TypeVar

from .cohorts import EvaluatedCourse, evaluate_courses, mean_by_session, summary_of_evaluated
from .outcomes import (
    CHART_SESSIONS,
    EVALUATION_SESSION,
    CourseOutcomeInput,
    Instrument,
    Proportion,
    course_outcome,
    rate_per_100_doses,
)
from .references import PUBLISHED_REFERENCES, age_band
from .therapy import ROUTE_LABELS, Route
from .vocab import Setting

INSTRUMENT_LABELS: Final = {Instrument.PHQ9: "PHQ-9", Instrument.GAD7: "GAD-7"}
SETTING_LABELS: Final = {Setting.AT_HOME: "At home", Setting.IN_CLINIC: "In clinic"}

ALERT_KINDS: Final[Mapping[str, str]] = {
    "bp_crisis": "crisis_bp",
    "reading_crisis": "crisis_bp",
    "spo2_low": "spo2",
    "deep_sedation": "sedation",
    "reading_sedation": "sedation",
    "reading_missed": "missed_reading",
}
ALERT_LABELS: Final = {
    "crisis_bp": "Crisis blood pressure",
    "spo2": "SpO2 below the floor",
    "sedation": "Sedation",
    "missed_reading": "Missed readings",
    "other": "Other urgent alerts",
}

LOST_AFTER_DAYS: Final = 30

T = TypeVar("T")


def _course_of(evaluated: EvaluatedCourse) -> CourseOutcomeInput:
    return evaluated.course


def alert_kind(code: str) -> str:
    """What raised an urgent alert, for counting: "crisis_bp", "spo2", ... or "other"."""
    return ALERT_KINDS.get(code, "other")


@dataclass(frozen=True, slots=True)
class SafetyCounts:
    doses: int = 0
    holds: int = 0
    calls: int = 0
    overrides: int = 0
    severe_side_effects: int = 0
    alerts: Mapping[str, int] = field(default_factory=dict)  # alert_kind -> count


@dataclass
class Figure:
    """One figure: a table (columns, rows) and the chart drawn from it."""

    slug: str
    title: str
    columns: list[str]
    rows: list[list[Any]]
    chart: dict[str, Any] = field(default_factory=dict)
    note: str = ""


def _percent(value: float | None) -> float | None:
    return None if value is None else round(100 * value, 1)


def _proportion_cells(p: Proportion) -> list[Any]:
    """count, n, percent, and the 95% Wilson interval's ends in percent."""
    interval = p.interval
    return [
        p.count,
        p.n,
        _percent(p.fraction),
        _percent(interval[0]) if interval else None,
        _percent(interval[1]) if interval else None,
    ]


def _proportion_columns(name: str) -> list[str]:
    return [name, f"{name} n", f"{name} %", f"{name} 95% CI low", f"{name} 95% CI high"]


def groups_of(
    items: Sequence[T], course_of: Callable[[T], CourseOutcomeInput]
) -> dict[str, list[T]]:
    """All courses, then by setting, route and dose band (those present), in one pass."""
    by_setting: dict[Setting, list[T]] = {s: [] for s in SETTING_LABELS}
    by_route: dict[Route, list[T]] = {}
    by_band: dict[str, list[T]] = {}
    for item in items:
        course = course_of(item)
        by_setting[course.setting].append(item)
        if course.route is not None:
            by_route.setdefault(course.route, []).append(item)
        if course.dose_band is not None:
            by_band.setdefault(course.dose_band, []).append(item)
    groups: dict[str, list[T]] = {"All courses": list(items)}
    for setting, label in SETTING_LABELS.items():
        groups[label] = by_setting[setting]
    for route in Route:
        if route in by_route:
            groups[f"Route: {ROUTE_LABELS[route]}"] = by_route[route]
    for band in sorted(by_band, key=_band_key):
        groups[f"Dose: {band}"] = by_band[band]
    return groups


def _band_key(band: str) -> tuple[int, int]:
    """Bands in the order of the routes, then of their doses."""
    route = next((i for i, label in enumerate(ROUTE_LABELS.values()) if band.startswith(label)), 9)
    words = band.split()
    number = next((int(w.split("-")[0]) for w in words if w.split("-")[0].isdigit()), 0)
    return route, number + (1 if "over" in words else 0)


def outcome_figure(
    courses: Sequence[CourseOutcomeInput],
    instrument: Instrument,
    *,
    session: int = EVALUATION_SESSION,
    evaluated: Sequence[EvaluatedCourse] | None = None,
) -> Figure:
    """Response, remission and deterioration per group, completers and intention to treat,
    with the published cohorts as fixed rows below. `evaluated`: the courses' outcomes on
    this instrument, when the caller has them already."""
    if evaluated is None:
        evaluated = evaluate_courses(courses, instrument, session=session)
    name = INSTRUMENT_LABELS[instrument]
    columns = [
        "Group",
        "Analysis",
        "Cohort (baseline 10+)",
        "Baseline under 10",
        *_proportion_columns("Response"),
        *_proportion_columns("Remission"),
        *_proportion_columns("Deterioration"),
    ]
    rows: list[list[Any]] = []
    labels, completers, itt = [], [], []
    for label, members in groups_of(evaluated, _course_of).items():
        summary = summary_of_evaluated(members, instrument, session=session)
        for analysis_name, analysis in (
            ("Completers", summary.completers),
            ("Intention to treat", summary.intention_to_treat),
        ):
            rows.append(
                [
                    label,
                    analysis_name,
                    summary.cohort,
                    summary.below_threshold,
                    *_proportion_cells(analysis.response),
                    *_proportion_cells(analysis.remission),
                    *(
                        _proportion_cells(summary.deterioration)
                        if analysis is summary.completers
                        else [None] * 5
                    ),
                ]
            )
        labels.append(label)
        completers.append(_percent(summary.completers.response.fraction))
        itt.append(_percent(summary.intention_to_treat.response.fraction))
    for reference in PUBLISHED_REFERENCES:
        if reference.instrument is instrument:
            rows.append(
                [
                    f"Published: {reference.label} (n={reference.n:,})",
                    "Completers (as published)",
                    reference.n,
                    None,
                    None,
                    reference.n,
                    reference.response_percent,
                    None,
                    None,
                    None,
                    reference.n,
                    reference.remission_percent,
                    None,
                    None,
                    *[None] * 5,
                ]
            )
    return Figure(
        slug=instrument.value,
        title=f"{name}: response, remission and deterioration",
        columns=columns,
        rows=rows,
        chart={
            "type": "bar",
            "horizontal": True,
            "labels": labels,
            "axis": "% responding",
            "series": [
                {"label": "Response, completers", "data": completers},
                {"label": "Response, intention to treat", "data": itt},
            ],
        },
    )


def trajectory_figure(courses: Sequence[CourseOutcomeInput]) -> Figure:
    """Mean PHQ-9 and GAD-7 after each session 1-12, with the courses behind each point."""
    phq9 = mean_by_session(courses, Instrument.PHQ9)
    gad7 = mean_by_session(courses, Instrument.GAD7)
    rows = [
        [p.session, _round(p.mean), p.courses, _round(g.mean), g.courses]
        for p, g in zip(phq9, gad7, strict=True)
    ]
    return Figure(
        slug="trajectory",
        title="Mean score by session",
        columns=["Session", "Mean PHQ-9", "PHQ-9 courses", "Mean GAD-7", "GAD-7 courses"],
        rows=rows,
        chart={
            "type": "line",
            "labels": [f"{n}" for n in CHART_SESSIONS],
            "axis": "Mean score",
            "series": [
                {"label": "PHQ-9", "data": [_round(p.mean) for p in phq9]},
                {"label": "GAD-7", "data": [_round(g.mean) for g in gad7]},
            ],
        },
    )


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


SAFETY_ROWS: Final = (
    ("holds", "Holds"),
    ("calls", "Calls"),
    ("urgent", "Urgent alerts, all"),
    *((f"alert:{kind}", f"Urgent alerts: {label.lower()}") for kind, label in ALERT_LABELS.items()),
    ("severe_side_effects", "Severe side effects"),
    ("overrides", "Overrides of holds"),
)


def _event_count(counts: SafetyCounts, key: str) -> int:
    if key == "urgent":
        return sum(counts.alerts.values())
    if key.startswith("alert:"):
        return counts.alerts.get(key.removeprefix("alert:"), 0)
    value: int = getattr(counts, key)
    return value


def safety_figure(safety: Mapping[Setting, SafetyCounts]) -> Figure:
    """Safety events per 100 doses, by setting."""
    settings = list(SETTING_LABELS)
    columns = ["Event"]
    for setting in settings:
        label = SETTING_LABELS[setting]
        columns += [f"{label}: events", f"{label}: per 100 doses"]
    rows: list[list[Any]] = [
        ["Doses", *[x for s in settings for x in (safety[s].doses, None)]],
    ]
    series = {s: [] for s in settings}  # type: dict[Setting, list[float | None]]
    for key, label in SAFETY_ROWS:
        row: list[Any] = [label]
        for setting in settings:
            events = _event_count(safety[setting], key)
            rate = rate_per_100_doses(events, safety[setting].doses)
            row += [events, None if rate is None else round(rate, 2)]
            if not key.startswith("alert:"):
                series[setting].append(None if rate is None else round(rate, 2))
        rows.append(row)
    return Figure(
        slug="safety",
        title="Safety per 100 doses",
        columns=columns,
        rows=rows,
        chart={
            "type": "bar",
            "labels": [label for key, label in SAFETY_ROWS if not key.startswith("alert:")],
            "axis": "Per 100 doses",
            "series": [{"label": SETTING_LABELS[s], "data": series[s]} for s in settings],
        },
    )


@dataclass(frozen=True, slots=True)
class Retention:
    courses: int
    ended_before_point: Mapping[str, int]  # reason -> courses
    lost: int


def retention_of(
    courses: Sequence[tuple[CourseOutcomeInput, datetime]],
    now: datetime,
    *,
    session: int = EVALUATION_SESSION,
    lost_after: timedelta = timedelta(days=LOST_AFTER_DAYS),
) -> Retention:
    """Courses ended before the point, by reason, and courses lost without one.

    Each course comes with its last activity (its last dose, else its opening).
    """
    reasons: Counter[str] = Counter()
    lost = 0
    for course, last_activity in courses:
        if course.sessions_dosed >= session:
            continue
        if course.ended:
            reasons[" ".join(course.end_reason.split()) or "No reason recorded"] += 1
        elif now - last_activity >= lost_after:
            lost += 1
    return Retention(len(courses), dict(reasons.most_common()), lost)


def retention_figure(retention: Retention, session: int = EVALUATION_SESSION) -> Figure:
    rows: list[list[Any]] = [
        [f"Ended before session {session}: {reason}", count]
        for reason, count in retention.ended_before_point.items()
    ]
    rows.append([f"Lost without a reason (no dose for {LOST_AFTER_DAYS} days)", retention.lost])
    rows.append(["Courses in the period", retention.courses])
    return Figure(
        slug="retention",
        title="Retention: courses ended before the point, and why",
        columns=["Courses", "Number"],
        rows=rows,
        chart={
            "type": "bar",
            "horizontal": True,
            "labels": [row[0] for row in rows[:-1]],
            "axis": "Courses",
            "series": [{"label": "Courses", "data": [row[1] for row in rows[:-1]]}],
        },
    )


RESEARCH_COLUMNS: Final = (
    "course",
    "days_since_opened",
    "age_band",
    "setting",
    "route",
    "dose_band",
    "sessions_dosed",
    "ended",
    "baseline_phq9",
    "baseline_gad7",
    *(f"phq9_after_session_{n}" for n in CHART_SESSIONS),
    *(f"gad7_after_session_{n}" for n in CHART_SESSIONS),
    "phq9_in_cohort",
    "phq9_completer",
    "phq9_response",
    "phq9_remission",
    "phq9_deterioration",
    "gad7_in_cohort",
    "gad7_completer",
    "gad7_response",
    "gad7_remission",
    "gad7_deterioration",
)


def research_row(
    number: int,
    course: CourseOutcomeInput,
    *,
    days_since_opened: int,
    age: int | None,
    session: int = EVALUATION_SESSION,
) -> list[Any]:
    """One course, de-identified (Safe Harbor): a row number, not an id; no names, contacts
    or dates; age in 5-year bands; free text (the reason a course ended) left out."""
    after: dict[Instrument, dict[int, int]] = {i: {} for i in Instrument}
    for measure in course.measures:
        for instrument in Instrument:
            score = measure.score(instrument)
            if score is not None and measure.sessions_dosed in CHART_SESSIONS:
                after[instrument][measure.sessions_dosed] = score
    flags: list[Any] = []
    for instrument in Instrument:
        outcome = course_outcome(course, instrument, session=session)
        flags += [
            _yes(outcome.in_cohort),
            _yes(outcome.completer),
            _yes(outcome.responded),
            _yes(outcome.remitted),
            _yes(outcome.deteriorated),
        ]
    return [
        number,
        days_since_opened,
        age_band(age) if age is not None else "",
        course.setting.value,
        course.route.value if course.route else "",
        course.dose_band or "",
        course.sessions_dosed,
        _yes(course.ended),
        course.baseline_phq9,
        course.baseline_gad7,
        *(after[Instrument.PHQ9].get(n) for n in CHART_SESSIONS),
        *(after[Instrument.GAD7].get(n) for n in CHART_SESSIONS),
        *flags,
    ]


def _yes(value: bool) -> str:
    return "yes" if value else "no"
