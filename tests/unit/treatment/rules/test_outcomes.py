"""Program outcomes: the cohort, the evaluation point, both analyses and the figures around them."""

import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from treatment.rules import (
    PUBLISHED_REFERENCES,
    CourseMeasure,
    CourseOutcomeInput,
    EvaluatedScore,
    EvaluationBasis,
    Instrument,
    Proportion,
    SessionMean,
    age_band,
    baseline_of,
    course_outcome,
    deteriorated,
    dose_band,
    evaluation_score,
    in_cohort,
    mean_by_session,
    meaningfully_improved,
    median_sessions_to_response,
    needs_plan_review,
    outcome_summary,
    rate_per_100_doses,
    remitted,
    responded,
    sessions_to_response,
    wilson_interval,
)
from treatment.rules.therapy import Route
from treatment.rules.vocab import Setting

PHQ9 = Instrument.PHQ9
GAD7 = Instrument.GAD7
PROJECT = Path(__file__).resolve().parents[4]
BLOCK_DJANGO = """
import sys
class BlockDjango:
    def find_spec(self, name, path=None, target=None):
        if name == "django" or name.startswith("django."):
            raise ImportError("django is blocked in this test")
sys.meta_path.insert(0, BlockDjango())
from treatment.rules import wilson_interval
print(wilson_interval(5, 10) is not None)
"""


def make_course(
    *measures,
    phq9=20,
    gad7=14,
    ended=False,
    opened=date(2025, 3, 1),
    sessions_dosed=None,
):
    """A course from (sessions dosed, PHQ-9, GAD-7) measures; GAD-7 may be left out."""
    built = tuple(CourseMeasure(m[0], m[1], m[2] if len(m) > 2 else None) for m in measures)
    return CourseOutcomeInput(
        opened=opened,
        setting=Setting.AT_HOME,
        route=Route.SUBLINGUAL,
        dose_band="Sublingual 200-399 mg",
        baseline_phq9=phq9,
        baseline_gad7=gad7,
        measures=built,
        sessions_dosed=max([m.sessions_dosed for m in built], default=0)
        if sessions_dosed is None
        else sessions_dosed,
        ended=ended,
        end_reason="moved away" if ended else "",
    )


# Baseline and cohort


def test_it_takes_the_pre_dose_questionnaire_over_the_intake_as_baseline():
    assert baseline_of(pre_dose=14, intake=19) == 14
    assert baseline_of(pre_dose=0, intake=19) == 0  # a pre-dose 0 is a score, not missing
    assert baseline_of(pre_dose=None, intake=19) == 19


@pytest.mark.parametrize(("baseline", "included"), [(9, False), (10, True), (None, False)])
def test_the_cohort_starts_at_a_baseline_of_10(baseline, included):
    assert in_cohort(baseline) is included


def test_it_counts_courses_below_10_or_without_a_baseline_apart():
    courses = [
        make_course((6, 4), phq9=9),
        make_course((6, 4), phq9=10),
        make_course((6, 4), phq9=None),
    ]

    summary = outcome_summary(courses, PHQ9)

    assert (summary.cohort, summary.below_threshold, summary.no_baseline) == (1, 1, 1)
    assert summary.completers.response == Proportion(1, 1)


def test_each_instrument_has_its_own_cohort():
    courses = [make_course((6, 8, 3), phq9=18, gad7=9)]

    assert outcome_summary(courses, PHQ9).cohort == 1
    assert outcome_summary(courses, GAD7).cohort == 0


def test_it_leaves_out_courses_opened_outside_the_period_both_dates_included():
    courses = [make_course((6, 8), opened=date(2025, day, 1)) for day in (1, 2, 3, 4)]

    summary = outcome_summary(
        courses, PHQ9, opened_from=date(2025, 2, 1), opened_to=date(2025, 3, 1)
    )

    assert summary.cohort == 2


# Each outcome at its edge


@pytest.mark.parametrize(("score", "expected"), [(10, True), (11, False)])
def test_exactly_half_the_baseline_responds_and_one_point_more_does_not(score, expected):
    assert responded(20, score) is expected


def test_an_odd_baseline_responds_at_or_below_half_without_rounding():
    assert responded(15, 7)
    assert not responded(15, 8)  # 7.5 is half: 8 is above it


def test_a_baseline_of_0_never_responds():
    assert not responded(0, 0)


@pytest.mark.parametrize(("score", "expected"), [(4, True), (5, False)])
def test_remission_is_a_score_below_5(score, expected):
    assert remitted(score) is expected


@pytest.mark.parametrize(("score", "expected"), [(15, True), (16, False)])
def test_meaningful_improvement_is_5_points_below_baseline(score, expected):
    assert meaningfully_improved(20, score) is expected


@pytest.mark.parametrize(("score", "expected"), [(14, False), (15, True)])
def test_deterioration_is_5_points_above_baseline(score, expected):
    assert deteriorated(10, score) is expected


def test_a_course_outcome_marks_every_definition_at_its_evaluation_point():
    outcome = course_outcome(make_course((2, 19), (5, 12), (6, 4)), PHQ9)

    assert outcome.evaluated == EvaluatedScore(6, 4, EvaluationBasis.AT_POINT)
    assert (outcome.responded, outcome.remitted, outcome.improved) == (True, True, True)
    assert not outcome.deteriorated
    assert outcome.in_cohort and outcome.completer


# The evaluation point


def test_it_evaluates_the_first_measure_after_session_6_not_a_later_or_better_one():
    course = make_course((2, 18), (5, 16), (6, 12), (7, 3))

    assert evaluation_score(course, PHQ9) == EvaluatedScore(6, 12, EvaluationBasis.AT_POINT)


def test_the_measure_before_session_6_is_not_the_point_of_an_open_course():
    course = make_course((2, 18), (5, 8), sessions_dosed=6)

    assert evaluation_score(course, PHQ9) is None
    assert evaluation_score(course, PHQ9, session=5) == EvaluatedScore(
        5, 8, EvaluationBasis.AT_POINT
    )


def test_a_first_measure_after_the_point_later_than_session_7_still_counts():
    course = make_course((2, 18), (8, 9))

    assert evaluation_score(course, PHQ9) == EvaluatedScore(8, 9, EvaluationBasis.AT_POINT)


def test_an_ended_course_is_evaluated_at_its_last_measure():
    course = make_course((2, 18), (3, 9), ended=True, sessions_dosed=4)

    assert evaluation_score(course, PHQ9) == EvaluatedScore(3, 9, EvaluationBasis.ENDED_EARLY)


def test_an_ended_course_measured_only_before_its_first_dose_has_no_score():
    assert evaluation_score(make_course((0, 18), ended=True), PHQ9) is None


def test_it_skips_a_measure_without_the_instruments_total():
    course = make_course((6, None, 12), (7, 9, 11))

    assert evaluation_score(course, PHQ9) == EvaluatedScore(7, 9, EvaluationBasis.AT_POINT)
    assert evaluation_score(course, GAD7) == EvaluatedScore(6, 12, EvaluationBasis.AT_POINT)


def test_the_evaluation_point_is_a_parameter():
    course = make_course((2, 18), (4, 9), (6, 12))

    assert evaluation_score(course, PHQ9, session=4).score == 9


# Completers and intention to treat


def test_completers_and_intention_to_treat_side_by_side():
    courses = [
        make_course((2, 18), (6, 8)),  # at the point: responds
        make_course((2, 18), (6, 15)),  # at the point: does not
        make_course((2, 9), ended=True, sessions_dosed=3),  # ended earlier: responds
        make_course((2, 18), (5, 6)),  # open, not yet at the point
    ]

    summary = outcome_summary(courses, PHQ9)

    assert summary.cohort == 4
    assert summary.completers.n == 3
    assert summary.completers.response == Proportion(2, 3)
    assert summary.intention_to_treat.n == 4
    assert summary.intention_to_treat.response == Proportion(2, 4)
    assert summary.ended_early == 1


def test_an_open_course_without_a_measure_at_the_point_counts_only_in_intention_to_treat():
    courses = [make_course((2, 4))]

    summary = outcome_summary(courses, PHQ9)

    assert summary.completers.n == 0
    assert summary.completers.response.fraction is None
    assert summary.intention_to_treat.n == 1
    assert summary.intention_to_treat.response == Proportion(0, 1)
    assert summary.intention_to_treat.remission == Proportion(0, 1)
    assert summary.intention_to_treat.improvement == Proportion(0, 1)


def test_a_course_ended_without_any_measure_after_a_dose_counts_only_in_intention_to_treat():
    summary = outcome_summary([make_course(ended=True), make_course((6, 4))], PHQ9)

    assert (summary.completers.n, summary.intention_to_treat.n) == (1, 2)
    assert summary.intention_to_treat.remission == Proportion(1, 2)


def test_deterioration_is_counted_over_the_completers():
    courses = [
        make_course((6, 25), phq9=20),
        make_course((6, 24), phq9=20),
        make_course((2, 26), phq9=20),  # open, not at the point: not known
    ]

    assert outcome_summary(courses, PHQ9).deterioration == Proportion(1, 2)


def test_gad7_outcomes_read_the_gad7_totals():
    courses = [make_course((6, 25, 7), gad7=14), make_course((6, 2, 8), gad7=14)]

    summary = outcome_summary(courses, GAD7)

    assert summary.completers.response == Proportion(1, 2)  # 7 is half of 14; 8 is not
    assert summary.completers.remission == Proportion(0, 2)  # PHQ-9's 2 is not read


# Proportions


@pytest.mark.parametrize(
    ("count", "n", "low", "high"),
    [
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (5, 10, 0.2366, 0.7634),
        (1, 1, 0.2065, 1.0),
        (81, 263, 0.2553, 0.3662),  # Newcombe 1998, Stat Med 17:857, example (a)
    ],
)
def test_the_wilson_interval_matches_published_values(count, n, low, high):
    result = wilson_interval(count, n)

    assert result == (pytest.approx(low, abs=5e-5), pytest.approx(high, abs=5e-5))
    assert 0.0 <= result[0] <= result[1] <= 1.0


def test_a_proportion_of_nothing_has_no_interval():
    assert wilson_interval(0, 0) is None
    assert Proportion(0, 0).interval is None


@pytest.mark.parametrize(("count", "n"), [(-1, 10), (11, 10), (0, -1)])
def test_an_impossible_proportion_is_refused(count, n):
    with pytest.raises(ValueError, match="count <= n"):
        wilson_interval(count, n)


def test_a_proportion_gives_its_fraction_and_interval():
    assert Proportion(5, 10).fraction == 0.5
    assert Proportion(5, 10).interval == wilson_interval(5, 10)


def test_safety_events_are_counted_per_100_doses():
    assert rate_per_100_doses(3, 150) == 2.0
    assert rate_per_100_doses(0, 40) == 0.0
    assert rate_per_100_doses(2, 0) is None
    with pytest.raises(ValueError, match="negative"):
        rate_per_100_doses(-1, 10)


# Trajectory and time to response


def test_the_mean_by_session_counts_each_course_once_at_its_last_measure_of_that_session():
    courses = [
        make_course((0, 20), (2, 16), (6, 12), (6, 10)),  # two measures after 6 doses
        make_course((2, 12), (5, 9)),
        make_course((2, None, 11)),
    ]

    means = {point.session: point for point in mean_by_session(courses, PHQ9)}

    assert len(means) == 12 and 0 not in means
    assert means[2] == SessionMean(2, 14.0, 2)
    assert means[5] == SessionMean(5, 9.0, 1)
    assert means[6] == SessionMean(6, 10.0, 1)
    assert means[1] == SessionMean(1, None, 0)
    assert mean_by_session(courses, GAD7)[1] == SessionMean(2, 11.0, 1)


def test_sessions_to_response_is_the_first_measure_that_responds():
    assert sessions_to_response(make_course((0, 9), (2, 12), (5, 10), (6, 4)), PHQ9) == 5
    assert sessions_to_response(make_course((2, 12), (6, 11)), PHQ9) is None


@pytest.mark.parametrize(
    ("responding_at", "median"),
    [((2, 5, 6), 5.0), ((2, 5), 3.5), ((6,), 6.0), ((), None)],
)
def test_the_median_sessions_to_response_over_the_courses_that_responded(responding_at, median):
    courses = [make_course((dosed, 10)) for dosed in responding_at]
    courses.append(make_course((2, 18), (6, 15)))  # never responds: left out

    assert median_sessions_to_response(courses, PHQ9) == median


def test_the_summary_gives_the_cohorts_median_sessions_to_response():
    courses = [make_course((2, 10)), make_course((5, 10)), make_course((2, 10), phq9=9)]

    assert outcome_summary(courses, PHQ9).median_sessions_to_response == 3.5


# The non-response prompt


@pytest.mark.parametrize(
    ("baseline", "score", "prompts"),
    [
        (21, 17, True),  # a fall of 19%
        (20, 16, False),  # a fall of 20%
        (20, 22, True),  # worse than baseline
        (20, 4, False),
    ],
)
def test_it_prompts_a_plan_review_under_a_20_percent_fall_by_session_4(baseline, score, prompts):
    measures = [CourseMeasure(2, 19, None), CourseMeasure(4, score, None)]

    assert needs_plan_review(baseline, measures) is prompts


def test_it_never_prompts_before_session_4():
    measures = [CourseMeasure(2, 20, None), CourseMeasure(3, 20, None)]

    assert not needs_plan_review(20, measures)


def test_it_decides_on_the_first_measure_after_session_4_so_it_prompts_once():
    measures = [CourseMeasure(5, 19, None), CourseMeasure(6, 5, None)]

    assert needs_plan_review(20, measures)


def test_a_baseline_of_0_or_none_never_prompts():
    measures = [CourseMeasure(4, 3, None)]

    assert not needs_plan_review(0, measures)
    assert not needs_plan_review(None, measures)


def test_the_prompts_session_and_fall_are_parameters():
    measures = [CourseMeasure(3, 15, None)]

    assert not needs_plan_review(20, measures)
    assert needs_plan_review(20, measures, session=3, min_fall_percent=30)
    assert not needs_plan_review(20, measures, session=3, min_fall_percent=25)


# Dose bands, reference rows, age bands


@pytest.mark.parametrize(
    ("route", "mg", "band"),
    [
        (Route.SUBLINGUAL, Decimal("199.9"), "Sublingual under 200 mg"),
        (Route.SUBLINGUAL, 200, "Sublingual 200-399 mg"),
        (Route.SUBLINGUAL, Decimal("400"), "Sublingual 400-599 mg"),
        (Route.SUBLINGUAL, 900, "Sublingual 600 mg and over"),
        (Route.INTRAVENOUS, Decimal("34.5"), "Intravenous under 35 mg"),
        (Route.INTRAVENOUS, 35, "Intravenous 35-49 mg"),
        (Route.INTRAMUSCULAR, 74, "Intramuscular 50-74 mg"),
        (Route.INTRAMUSCULAR, 75, "Intramuscular 75 mg and over"),
        (Route.INTRANASAL, 56, "Intranasal 56-83 mg"),
        (Route.INTRANASAL, 84, "Intranasal 84 mg and over"),
    ],
)
def test_it_bands_doses_by_route(route, mg, band):
    assert dose_band(route, mg) == band


def test_every_route_has_bands_and_a_dose_of_nothing_is_refused():
    for route in Route:
        assert dose_band(route, 1).startswith(route.title())
    with pytest.raises(ValueError, match="more than 0 mg"):
        dose_band(Route.SUBLINGUAL, 0)


def test_the_published_reference_rows_are_as_reported():
    rows = [
        (r.route, r.instrument, r.n, r.response_percent, r.remission_percent)
        for r in PUBLISHED_REFERENCES
    ]

    assert rows == [
        (Route.SUBLINGUAL, PHQ9, 1247, 62.8, 32.6),
        (Route.SUBLINGUAL, GAD7, 1247, 62.9, 31.3),
        (Route.INTRAVENOUS, PHQ9, 537, 53.6, 28.9),
    ]
    assert all(r.definitions and "J Affect Disord 2022" in r.source for r in PUBLISHED_REFERENCES)


@pytest.mark.parametrize(
    ("age", "band"),
    [(18, "15-19"), (30, "30-34"), (34, "30-34"), (35, "35-39"), (89, "85-89"), (90, "90+")],
)
def test_ages_are_exported_in_5_year_bands(age, band):
    assert age_band(age) == band


def test_a_negative_age_is_refused():
    with pytest.raises(ValueError, match="negative"):
        age_band(-1)


# The input refuses data the definitions cannot read


@pytest.mark.parametrize(
    "measures",
    [
        ((3, 10), (2, 12)),  # out of order
        ((-1, 10),),
        ((2, 28),),  # above PHQ-9's 27
        ((2, 10, 22),),  # above GAD-7's 21
    ],
)
def test_it_refuses_measures_it_cannot_read(measures):
    with pytest.raises(ValueError):
        make_course(*measures, sessions_dosed=6)


def test_it_refuses_a_measure_after_more_sessions_than_were_dosed():
    with pytest.raises(ValueError, match="order taken"):
        make_course((6, 10), sessions_dosed=5)


def test_it_runs_where_django_cannot_be_imported():
    result = subprocess.run(
        [sys.executable, "-c", BLOCK_DJANGO],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True"]
