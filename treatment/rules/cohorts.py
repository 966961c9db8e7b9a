"""A programme's outcomes over its courses: completers and intention-to-treat side by side,
the mean score by session and the median sessions to response (definitions: `outcomes`)."""

from __future__ import annotations

import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import NamedTuple

from .outcomes import (
    CHART_SESSIONS,
    EVALUATION_SESSION,
    CourseOutcome,
    CourseOutcomeInput,
    EvaluationBasis,
    Instrument,
    Proportion,
    course_outcome,
    responded,
)


@dataclass(frozen=True, slots=True)
class OutcomeAnalysis:
    """Response, remission and meaningful improvement over one analysis' n courses."""

    n: int
    response: Proportion
    remission: Proportion
    improvement: Proportion


def _analysis(outcomes: Sequence[CourseOutcome]) -> OutcomeAnalysis:
    n = len(outcomes)
    return OutcomeAnalysis(
        n=n,
        response=Proportion(sum(o.responded for o in outcomes), n),
        remission=Proportion(sum(o.remitted for o in outcomes), n),
        improvement=Proportion(sum(o.improved for o in outcomes), n),
    )


@dataclass(frozen=True, slots=True)
class OutcomeSummary:
    instrument: Instrument
    session: int  # the evaluation point
    cohort: int  # courses opened in the period with a baseline of 10 or more
    below_threshold: int  # opened in the period, baseline under 10: counted apart
    no_baseline: int  # opened in the period without a baseline: counted apart
    completers: OutcomeAnalysis
    intention_to_treat: OutcomeAnalysis
    ended_early: int  # completers evaluated at the last measure of a course ended before the point
    deterioration: Proportion  # over the completers
    median_sessions_to_response: float | None


def _opened_within(course: CourseOutcomeInput, start: date | None, end: date | None) -> bool:
    return (start is None or course.opened >= start) and (end is None or course.opened <= end)


@dataclass(frozen=True, slots=True)
class EvaluatedCourse:
    """A course with its outcome on one instrument, worked out once for every group it is in."""

    course: CourseOutcomeInput
    outcome: CourseOutcome
    sessions_to_response: int | None


def evaluate_courses(
    courses: Iterable[CourseOutcomeInput],
    instrument: Instrument,
    *,
    session: int = EVALUATION_SESSION,
) -> list[EvaluatedCourse]:
    return [
        EvaluatedCourse(
            course,
            course_outcome(course, instrument, session=session),
            sessions_to_response(course, instrument),
        )
        for course in courses
    ]


def summary_of_evaluated(
    evaluated: Sequence[EvaluatedCourse],
    instrument: Instrument,
    *,
    session: int = EVALUATION_SESSION,
) -> OutcomeSummary:
    """`outcome_summary` over courses already evaluated (all of them in the period)."""
    cohort = [e for e in evaluated if e.outcome.in_cohort]
    missing = sum(e.outcome.baseline is None for e in evaluated)
    outcomes = [e.outcome for e in cohort]
    completers = [o for o in outcomes if o.completer]
    counts = [e.sessions_to_response for e in cohort if e.sessions_to_response is not None]
    return OutcomeSummary(
        instrument=instrument,
        session=session,
        cohort=len(cohort),
        below_threshold=len(evaluated) - len(cohort) - missing,
        no_baseline=missing,
        completers=_analysis(completers),
        intention_to_treat=_analysis(outcomes),
        ended_early=sum(
            o.evaluated is not None and o.evaluated.basis is EvaluationBasis.ENDED_EARLY
            for o in completers
        ),
        deterioration=Proportion(sum(o.deteriorated for o in completers), len(completers)),
        median_sessions_to_response=float(statistics.median(counts)) if counts else None,
    )


def outcome_summary(
    courses: Iterable[CourseOutcomeInput],
    instrument: Instrument,
    *,
    opened_from: date | None = None,
    opened_to: date | None = None,
    session: int = EVALUATION_SESSION,
) -> OutcomeSummary:
    """The cohort's outcomes on one instrument, completers and intention to treat.

    Courses opened outside the period (both dates included; None leaves that end open)
    are left out entirely. Filter `courses` beforehand for a setting, route or dose band.
    """
    period = [c for c in courses if _opened_within(c, opened_from, opened_to)]
    return summary_of_evaluated(
        evaluate_courses(period, instrument, session=session), instrument, session=session
    )


class SessionMean(NamedTuple):
    session: int
    mean: float | None  # None when no course was measured after exactly this many doses
    courses: int


def mean_by_session(
    courses: Iterable[CourseOutcomeInput],
    instrument: Instrument,
    *,
    sessions: Sequence[int] = CHART_SESSIONS,
) -> tuple[SessionMean, ...]:
    """The mean score after each session, from each course's last measure after that many doses."""
    by_session: dict[int, list[int]] = {number: [] for number in sessions}
    for course in courses:
        last: dict[int, int] = {}
        for measure in course.measures:
            score = measure.score(instrument)
            if score is not None and measure.sessions_dosed in by_session:
                last[measure.sessions_dosed] = score
        for number, score in last.items():
            by_session[number].append(score)
    return tuple(
        SessionMean(number, statistics.fmean(scores) if scores else None, len(scores))
        for number, scores in by_session.items()
    )


def sessions_to_response(course: CourseOutcomeInput, instrument: Instrument) -> int | None:
    """The sessions dosed at the course's first measure that meets response; None if none does."""
    baseline = course.baseline(instrument)
    if baseline is None:
        return None
    for measure in course.measures:
        score = measure.score(instrument)
        if measure.sessions_dosed >= 1 and score is not None and responded(baseline, score):
            return measure.sessions_dosed
    return None


def median_sessions_to_response(
    courses: Iterable[CourseOutcomeInput], instrument: Instrument
) -> float | None:
    """The median sessions to response over the courses that responded; None when none did."""
    counts = [
        count
        for course in courses
        if (count := sessions_to_response(course, instrument)) is not None
    ]
    return float(statistics.median(counts)) if counts else None
