"""Program outcomes: how a cohort of courses did on PHQ-9 and GAD-7, in plain data.

The outcomes page, its CSV and its charts are built on these functions; they
read plain data (`CourseOutcomeInput`, one per course) and never the database.
Each definition below names its source: the issue that asked for the page
("the issue"), the instruments' literature, or the app's own measure rules
(`treatment/rules/measures.py`).

Measures and sessions
    A course's measures (`CourseMeasure`) are numbered by the sessions dosed
    before each was taken (`sessions_dosed`): 0 for a measure before the first
    dose, 2 for the measure before session 3, 5 for the one before session 6, 6
    for a month measure after the sixth dose. A measure before session n that
    follows a skipped session counts the doses actually given. "After session n"
    always means a measure with `sessions_dosed` of n or more.

Baseline (the issue)
    The last PHQ-9 (GAD-7) before the first dose: a pre-dose questionnaire where
    there is one, else the intake's (`baseline_of`). Every course has one; a
    course whose baseline is missing all the same is counted apart.

Cohort (the issue)
    Courses opened in the chosen period (both dates included) with a baseline of
    10 or more, "moderate or worse" (Kroenke 2001 for PHQ-9, Spitzer 2006 for
    GAD-7). Each instrument has its own cohort. Courses with a lower baseline,
    or none, are counted apart and never enter the analyses.

Outcomes at the evaluation point (the issue; app: `measures.py`)
    - Response: at least 50% below baseline, integer-exact: 2 x score <= baseline
      (a baseline of 0 never responds).
    - Remission: a score below 5 (PHQ-9: NCQA HEDIS depression remission;
      Löwe et al. 2004, Med Care 42:1194; GAD-7 the same cut-off).
    - Meaningful improvement: at least 5 points below baseline, the minimal
      important change of PHQ-9 (Löwe et al. 2004), applied to GAD-7 alike.
    - Deterioration: 5 or more points above baseline. The issue defines it for
      PHQ-9; GAD-7 uses the same 5 points, as the app's rise alert does
      (`measures.RISE_ALERT`).

Evaluation point (the issue; the rule with the data decided here)
    With the point after session 6 (`session`, default 6), a course's score for
    one instrument is, in this order:
    1. the first measure with that instrument taken after session 6's dose
       (`sessions_dosed` >= 6): in this app's schedule, the measure before
       session 7 or the month measure, whichever comes first ("at the point");
    2. else, for a course that has ended, its last measure with that instrument
       taken after the first dose ("ended before the point"): a course ended
       after 3 sessions, or one that had all six doses and ended before a later
       measure, is evaluated at its last measure;
    3. else none: an open or paused course not yet measured after session 6.
    The measure before session 6 reflects five doses, so for an open course it
    is not the point; `session=5` makes it one, for a program that wants it.
    The first measure is kept, not the best or the latest, so later measures
    never move a course's result.

Two analyses, side by side (the issue)
    - Completers: the cohort's courses with a score at the evaluation point
      (rules 1 and 2 above); n is their number.
    - Intention to treat: every course of the cohort; a course without a score
      at the point counts as neither responding, remitting nor improving.
    Deterioration is reported over the completers only: a course never
    measured is not known to have stayed well.

Proportions (Wilson 1927, J Am Stat Assoc 22:209)
    A 95% Wilson score interval for count/n, as fractions 0..1; none when n = 0.
    It stays inside 0..1 and behaves at 0/n and n/n, where the Wald interval
    does not (Brown, Cai & DasGupta 2001, Stat Sci 16:101).

Trajectory and time to response (the issue)
    - Mean score by session 1..12: for each n, the mean of each course's last
      measure taken after exactly n doses, with the number of courses behind it.
    - Sessions to response: the `sessions_dosed` of a course's first measure that
      meets response; the median over the courses that ever responded (the mean
      of the middle two for an even count), none when none did.

Safety (the issue)
    Events per 100 doses: 100 x events / doses, none when no dose was given.

Non-response prompt (the issue)
    A course whose PHQ-9 has fallen less than 20% (`min_fall_percent`) from
    baseline by session 4 (`session`) prompts a review of its plan: decided on
    its first PHQ-9 taken after session 4's dose, so the answer never changes
    once given and the task opens once. Integer-exact: 100 x fall <
    20 x baseline. No measure after session 4 yet, or a baseline of 0 (or none),
    never prompts.

Dose bands (decided here; `DOSE_BANDS`)
    Prescribed milligrams per route, in half-open bands ("200-399 mg" holds
    200 up to, not including, 400):
    - sublingual (tablets or troches held under the tongue; the app records no
      oral route): under 200, 200-399, 400-599, 600 mg and over;
    - intravenous and intramuscular: under 35, 35-49, 50-74, 75 mg and over.
      These are usually prescribed per kilogram (0.5 mg/kg over 40 minutes IV:
      35 mg at 70 kg), but the app stores milligrams, not weight, so the bands
      are of milligrams and say nothing of mg/kg;
    - intranasal esketamine (28 mg devices): under 56, 56-83, 84 mg and over
      (the labelled 56 and 84 mg doses).
    The bands are this module's choice, for grouping outcomes, not dosing advice.

Published reference rows (fixed, not computed; `PUBLISHED_REFERENCES`)
    Shown beside the program's figures with their own definitions and n: they
    are completers' figures from other programs, at other points, and compare
    only loosely.

De-identified export (HIPAA Safe Harbor, 45 CFR 164.514(b)(2))
    Age in 5-year bands ("30-34"), 90 and over as one band "90+"."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Final, NamedTuple

from .measures import REMISSION_BELOW, RISE_ALERT
from .therapy import Route
from .vocab import Setting


class Instrument(StrEnum):
    PHQ9 = "phq9"
    GAD7 = "gad7"


SCORE_MAX: Final = {Instrument.PHQ9: 27, Instrument.GAD7: 21}


COHORT_MIN_BASELINE: Final = 10


MINIMAL_IMPORTANT_CHANGE: Final = 5


DETERIORATION_RISE: Final = RISE_ALERT


EVALUATION_SESSION: Final = 6


REVIEW_SESSION: Final = 4


REVIEW_MIN_FALL_PERCENT: Final = 20


CHART_SESSIONS: Final = tuple(range(1, 13))


PER_DOSES: Final = 100


# The two-sided 95% normal quantile, 1.959963984540054.
Z_95: Final = statistics.NormalDist().inv_cdf(0.975)


class CourseMeasure(NamedTuple):
    """One PHQ-9/GAD-7 measure of a course; a total is None when that form was not answered."""

    sessions_dosed: int  # sessions dosed before it was taken (see the module's docstring)
    phq9: int | None
    gad7: int | None

    def score(self, instrument: Instrument) -> int | None:
        return self.phq9 if instrument is Instrument.PHQ9 else self.gad7


@dataclass(frozen=True, slots=True)
class CourseOutcomeInput:
    """What the outcomes need of one course.

    `measures` are the course's measures in the order taken, the baselines
    chosen by `baseline_of`. `ended` is whether the course has ended (a paused
    course has not), `end_reason` the reason given, for the page.
    """

    opened: date
    setting: Setting
    route: Route | None  # of the prescribed doses; None before any is prescribed
    dose_band: str | None  # `dose_band` of the prescribed dose
    baseline_phq9: int | None
    baseline_gad7: int | None
    measures: tuple[CourseMeasure, ...]
    sessions_dosed: int
    ended: bool = False
    end_reason: str = ""

    def __post_init__(self) -> None:
        if self.sessions_dosed < 0:
            raise ValueError("sessions_dosed cannot be negative")
        for instrument in Instrument:
            _check_score(self.baseline(instrument), instrument)
        last = 0
        for measure in self.measures:
            if not last <= measure.sessions_dosed <= self.sessions_dosed:
                raise ValueError(
                    "measures must be in the order taken, each after at most the sessions dosed"
                )
            last = measure.sessions_dosed
            for instrument in Instrument:
                _check_score(measure.score(instrument), instrument)

    def baseline(self, instrument: Instrument) -> int | None:
        return self.baseline_phq9 if instrument is Instrument.PHQ9 else self.baseline_gad7


def _check_score(score: int | None, instrument: Instrument) -> None:
    if score is not None and not 0 <= score <= SCORE_MAX[instrument]:
        raise ValueError(f"a {instrument} total is 0 to {SCORE_MAX[instrument]}, not {score}")


def baseline_of(*, pre_dose: int | None, intake: int | None) -> int | None:
    """The last score before the first dose: the pre-dose questionnaire's, else the intake's."""
    return pre_dose if pre_dose is not None else intake


def in_cohort(baseline: int | None) -> bool:
    """A baseline of 10 or more: moderate or worse."""
    return baseline is not None and baseline >= COHORT_MIN_BASELINE


def responded(baseline: int, score: int) -> bool:
    """At least 50% below baseline, integer-exact; a baseline of 0 never responds."""
    return baseline > 0 and 2 * score <= baseline


def remitted(score: int) -> bool:
    return score < REMISSION_BELOW


def meaningfully_improved(baseline: int, score: int) -> bool:
    """At least the minimal important change (5 points) below baseline."""
    return baseline - score >= MINIMAL_IMPORTANT_CHANGE


def deteriorated(baseline: int, score: int) -> bool:
    """5 or more points above baseline."""
    return score - baseline >= DETERIORATION_RISE


class EvaluationBasis(StrEnum):
    AT_POINT = "at_point"  # the first measure after the point's session
    ENDED_EARLY = "ended_early"  # the last measure of a course that ended before the point


class EvaluatedScore(NamedTuple):
    sessions_dosed: int
    score: int
    basis: EvaluationBasis


def evaluation_score(
    course: CourseOutcomeInput, instrument: Instrument, *, session: int = EVALUATION_SESSION
) -> EvaluatedScore | None:
    """The course's score at the evaluation point, or None (see the module's docstring)."""
    scored = [
        (measure.sessions_dosed, score)
        for measure in course.measures
        if (score := measure.score(instrument)) is not None
    ]
    for dosed, score in scored:
        if dosed >= session:
            return EvaluatedScore(dosed, score, EvaluationBasis.AT_POINT)
    after_a_dose = [(dosed, score) for dosed, score in scored if dosed >= 1]
    if course.ended and after_a_dose:
        dosed, score = after_a_dose[-1]
        return EvaluatedScore(dosed, score, EvaluationBasis.ENDED_EARLY)
    return None


@dataclass(frozen=True, slots=True)
class CourseOutcome:
    instrument: Instrument
    baseline: int | None
    in_cohort: bool
    evaluated: EvaluatedScore | None  # None: no score at the point
    responded: bool
    remitted: bool
    improved: bool  # by the minimal important change
    deteriorated: bool

    @property
    def completer(self) -> bool:
        return self.evaluated is not None


def course_outcome(
    course: CourseOutcomeInput, instrument: Instrument, *, session: int = EVALUATION_SESSION
) -> CourseOutcome:
    """One course's outcome on one instrument; without a score at the point, none is met."""
    baseline = course.baseline(instrument)
    evaluated = evaluation_score(course, instrument, session=session)
    met = baseline is not None and evaluated is not None
    score = evaluated.score if evaluated is not None else 0
    base = baseline if baseline is not None else 0
    return CourseOutcome(
        instrument=instrument,
        baseline=baseline,
        in_cohort=in_cohort(baseline),
        evaluated=evaluated,
        responded=met and responded(base, score),
        remitted=met and remitted(score),
        improved=met and meaningfully_improved(base, score),
        deteriorated=met and deteriorated(base, score),
    )


def wilson_interval(count: int, n: int, *, z: float = Z_95) -> tuple[float, float] | None:
    """The Wilson score interval of count/n (95% by default), as fractions; None when n = 0."""
    if n < 0 or not 0 <= count <= n:
        raise ValueError(f"a proportion needs 0 <= count <= n, not {count}/{n}")
    if n == 0:
        return None
    p = count / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denominator
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(frozen=True, slots=True)
class Proportion:
    count: int
    n: int

    @property
    def fraction(self) -> float | None:
        return self.count / self.n if self.n else None

    @property
    def interval(self) -> tuple[float, float] | None:
        return wilson_interval(self.count, self.n)


def rate_per_100_doses(events: int, doses: int) -> float | None:
    """Safety events per 100 doses; None when no dose was given."""
    if events < 0 or doses < 0:
        raise ValueError("events and doses cannot be negative")
    if doses == 0:
        return None
    return PER_DOSES * events / doses


def needs_plan_review(
    baseline: int | None,
    measures: Sequence[CourseMeasure],
    session: int = REVIEW_SESSION,
    min_fall_percent: int = REVIEW_MIN_FALL_PERCENT,
) -> bool:
    """A PHQ-9 fallen less than 20% from baseline at the first measure after session 4."""
    if not baseline:
        return False
    for measure in measures:
        if measure.sessions_dosed >= session and measure.phq9 is not None:
            return 100 * (baseline - measure.phq9) < min_fall_percent * baseline
    return False
