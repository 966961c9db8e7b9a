"""The dashboard's figures, aggregated in the database (SQLite here; PostgreSQL in CI)."""

from datetime import timedelta

import pytest
from django.utils import timezone

from screening.dashboard.selectors import (
    cases_per_week,
    decisions_differing,
    queue_by_priority,
    rule_firing,
    window_start,
)
from screening.review.models import Case
from tests.decided import decided_case
from tests.factories import make_case

pytestmark = pytest.mark.django_db

AT_HOME: dict[str, str] = {}
IN_CLINIC = {"support_person": "no"}  # no_support_person, routine
REVIEW = {"pregnant": "yes"}  # pregnancy, high


def hours_into_this_week():
    now = timezone.now()
    return (now - window_start(1, now)).total_seconds() / 3600


def test_cases_are_counted_per_week_and_route():
    this_week = max(hours_into_this_week() - 1, 0.01)
    make_case(hours_ago=this_week, **AT_HOME)
    make_case(hours_ago=this_week, **IN_CLINIC)
    make_case(hours_ago=this_week + 24 * 7, **REVIEW)  # last week
    make_case(hours_ago=this_week + 24 * 7 * 5, **AT_HOME)  # outside 4 weeks

    figure = cases_per_week(4)

    assert figure.columns == [
        "Week starting",
        "Clinician review",
        "In-clinic referral",
        "At-home eligible",
        "All routes",
    ]
    assert [row[1:] for row in figure.rows] == [
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [1, 0, 0, 1],
        [0, 1, 1, 2],
    ]
    assert figure.chart["series"][2]["data"] == [0, 0, 0, 1]


def test_the_queue_counts_open_cases_and_their_median_wait_by_priority():
    for hours in (1, 3, 10):
        make_case(hours_ago=hours, **IN_CLINIC)  # routine
    for hours in (2, 6):
        make_case(hours_ago=hours, **REVIEW)  # high
    decided_case(**IN_CLINIC)  # decided: not in the queue
    claimed = make_case(hours_ago=100, **REVIEW)
    Case.objects.filter(pk=claimed.pk).update(status=Case.Status.CLAIMED)

    rows = {row[0]: row[1:] for row in queue_by_priority().rows}

    assert rows["Urgent"] == [0, None]
    assert rows["Routine"][0] == 3
    assert rows["Routine"][1] == pytest.approx(3, abs=0.1)
    assert rows["High"][0] == 3
    assert rows["High"][1] == pytest.approx(6, abs=0.1)  # 2, 6, 100 hours: the middle one


def test_an_even_queue_takes_the_mean_of_the_middle_two():
    for hours in (2, 4, 8, 20):
        make_case(hours_ago=hours, **REVIEW)

    rows = {row[0]: row[1:] for row in queue_by_priority().rows}

    assert rows["High"] == [4, pytest.approx(6, abs=0.1)]


def test_each_rule_is_counted_with_its_share_of_cases():
    make_case(**IN_CLINIC)
    make_case(support_person="no", home_safe="no")
    make_case(**AT_HOME)
    make_case(**AT_HOME)
    make_case(hours_ago=24 * 7 * 20, **IN_CLINIC)  # before the period

    figure = rule_firing(4)

    rows = {row[0]: row[1:] for row in figure.rows}
    assert rows == {"no_support_person": [2, 50.0], "unsafe_home": [1, 25.0]}
    assert figure.title.endswith("(4 cases)")


def test_decisions_that_differ_are_shared_out_per_rule():
    decided_case(outcome="refer_in_clinic", **IN_CLINIC)  # agrees
    decided_case(outcome="refer_in_clinic", **IN_CLINIC)  # agrees
    decided_case(outcome="decline", reason="Not now", **IN_CLINIC)  # differs
    decided_case(outcome="confirm_at_home", **AT_HOME)  # agrees, no rule
    make_case(**IN_CLINIC)  # not decided

    rows = {row[0]: row[1:] for row in decisions_differing(4).rows}

    assert rows["no_support_person"] == [3, 1, 33.3]
    assert rows["(no rule fired)"] == [1, 0, 0.0]
    assert rows["All decided cases"] == [4, 1, 25.0]


def test_only_the_decision_in_force_counts():
    from patients.roles import Role
    from screening.review.services import decision_record
    from tests.factories import make_user

    case = make_case(**IN_CLINIC)
    clinician = make_user(Role.CLINICIAN)
    decision_record(
        case=case, clinician=clinician, outcome="decline", expected_version=0, reason="First look"
    )
    Case.objects.filter(pk=case.pk).update(status=Case.Status.CLAIMED)
    later = timezone.now() + timedelta(seconds=1)
    decision = decision_record(
        case=case, clinician=clinician, outcome="refer_in_clinic", expected_version=1
    )
    type(decision).objects.filter(pk=decision.pk).update(created_at=later)

    rows = {row[0]: row[1:] for row in decisions_differing(4).rows}

    assert rows["no_support_person"] == [1, 0, 0.0]
