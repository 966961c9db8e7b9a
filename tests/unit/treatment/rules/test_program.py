"""The outcomes page's figures: groups, safety per 100 doses, retention and the
de-identified row, from plain data."""

from datetime import UTC, date, datetime, timedelta

import pytest

from treatment.rules import CourseMeasure, CourseOutcomeInput, Instrument
from treatment.rules.program import (
    RESEARCH_COLUMNS,
    SafetyCounts,
    alert_kind,
    groups_of,
    outcome_figure,
    research_row,
    retention_figure,
    retention_of,
    safety_figure,
    trajectory_figure,
)
from treatment.rules.therapy import Route
from treatment.rules.vocab import Setting

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def course(
    baseline: int | None = 20,
    scores: tuple[tuple[int, int], ...] = ((6, 8),),
    *,
    setting: Setting = Setting.AT_HOME,
    route: Route | None = Route.SUBLINGUAL,
    band: str | None = "Sublingual 400-599 mg",
    dosed: int | None = None,
    ended: bool = False,
    reason: str = "",
) -> CourseOutcomeInput:
    measures = tuple(CourseMeasure(n, score, score) for n, score in scores)
    return CourseOutcomeInput(
        opened=date(2026, 3, 1),
        setting=setting,
        route=route,
        dose_band=band,
        baseline_phq9=baseline,
        baseline_gad7=baseline,
        measures=measures,
        sessions_dosed=dosed if dosed is not None else max((n for n, _ in scores), default=0),
        ended=ended,
        end_reason=reason,
    )


@pytest.mark.parametrize(
    ("code", "kind"),
    [
        ("bp_crisis", "crisis_bp"),
        ("reading_crisis", "crisis_bp"),
        ("spo2_low", "spo2"),
        ("deep_sedation", "sedation"),
        ("reading_sedation", "sedation"),
        ("reading_missed", "missed_reading"),
        ("heart_rate_high", "other"),
    ],
)
def test_urgent_alerts_are_counted_by_what_raised_them(code, kind):
    assert alert_kind(code) == kind


def test_groups_hold_each_course_in_all_its_setting_route_and_band():
    home = course()
    clinic = course(setting=Setting.IN_CLINIC, route=Route.INTRAVENOUS, band="Intravenous 35-49 mg")
    unprescribed = course(setting=Setting.IN_CLINIC, route=None, band=None)

    groups = groups_of([home, clinic, unprescribed], lambda c: c)

    assert list(groups) == [
        "All courses",
        "At home",
        "In clinic",
        "Route: Sublingual",
        "Route: Intravenous",
        "Dose: Sublingual 400-599 mg",
        "Dose: Intravenous 35-49 mg",
    ]
    assert groups["In clinic"] == [clinic, unprescribed]
    assert groups["Route: Intravenous"] == [clinic]


def test_the_outcome_figure_gives_count_n_percent_and_interval_for_both_analyses():
    courses = [
        course(20, ((6, 10),)),  # responds (exactly half)
        course(20, ((6, 11),)),  # does not
        course(20, ()),  # no measure at the point: intention to treat only
        course(9, ((6, 1),)),  # baseline 9: counted apart
    ]

    figure = outcome_figure(courses, Instrument.PHQ9)

    columns = figure.columns
    completers, itt = (dict(zip(columns, row, strict=True)) for row in figure.rows[:2])
    assert (completers["Response"], completers["Response n"]) == (1, 2)
    assert completers["Response %"] == 50.0
    assert completers["Response 95% CI low"] == 9.5
    assert completers["Response 95% CI high"] == 90.5
    assert (itt["Response"], itt["Response n"]) == (1, 3)
    assert itt["Cohort (baseline 10+)"] == 3 and itt["Baseline under 10"] == 1
    assert itt["Deterioration"] is None  # over the completers only
    published = [row for row in figure.rows if str(row[0]).startswith("Published")]
    assert [row[6] for row in published] == [62.8, 53.6]


def test_the_trajectory_counts_the_courses_behind_each_session():
    figure = trajectory_figure([course(20, ((2, 14), (5, 10))), course(20, ((2, 16),))])

    rows = {row[0]: row for row in figure.rows}
    assert rows[2][1:3] == [15.0, 2]
    assert rows[5][1:3] == [10.0, 1]
    assert rows[7][1:3] == [None, 0]
    assert len(figure.rows) == 12


def test_safety_is_per_100_doses_by_setting_and_none_without_doses():
    safety = {
        Setting.AT_HOME: SafetyCounts(
            doses=200,
            holds=6,
            calls=1,
            overrides=2,
            severe_side_effects=1,
            alerts={"crisis_bp": 3, "missed_reading": 1},
        ),
        Setting.IN_CLINIC: SafetyCounts(),
    }

    figure = safety_figure(safety)

    rows = {row[0]: row[1:] for row in figure.rows}
    assert rows["Doses"] == [200, None, 0, None]
    assert rows["Holds"] == [6, 3.0, 0, None]
    assert rows["Urgent alerts, all"] == [4, 2.0, 0, None]
    assert rows["Urgent alerts: crisis blood pressure"] == [3, 1.5, 0, None]
    assert rows["Overrides of holds"] == [2, 1.0, 0, None]


def test_retention_counts_endings_before_the_point_by_reason_and_the_lost():
    courses = [
        (course(scores=(), dosed=3, ended=True, reason="Cost"), NOW),
        (course(scores=(), dosed=2, ended=True, reason=" Cost "), NOW),
        (course(dosed=6, ended=True, reason="Completed"), NOW),  # at the point: not early
        (course(scores=(), dosed=2, ended=True, reason=""), NOW),
        (course(scores=(), dosed=2), NOW - timedelta(days=30)),  # lost
        (course(scores=(), dosed=2), NOW - timedelta(days=29)),  # still under way
        (course(dosed=6), NOW - timedelta(days=90)),  # past the point: not lost
    ]

    retention = retention_of(courses, NOW)

    assert retention.ended_before_point == {"Cost": 2, "No reason recorded": 1}
    assert retention.lost == 1
    assert retention.courses == 7
    rows = retention_figure(retention).rows
    assert rows[0] == ["Ended before session 6: Cost", 2]


def test_the_research_row_is_de_identified_and_labelled():
    measured = course(20, ((0, 21), (2, 15), (6, 9)), dosed=6, ended=True, reason="Moved to Ohio")

    row = dict(
        zip(RESEARCH_COLUMNS, research_row(7, measured, days_since_opened=40, age=92), strict=True)
    )

    assert row["course"] == 7
    assert row["age_band"] == "90+"
    assert row["days_since_opened"] == 40
    assert (row["phq9_after_session_2"], row["phq9_after_session_6"]) == (15, 9)
    assert row["phq9_after_session_1"] is None
    assert (row["phq9_response"], row["phq9_remission"], row["phq9_completer"]) == (
        "yes",
        "no",
        "yes",
    )
    assert "Moved to Ohio" not in [str(value) for value in row.values()]
    assert not any(isinstance(value, date) for value in row.values())
