"""Every worked case of clinical-rules.md section 6, in answer format 1 as the contract has them."""

import pytest

from screening.rules import evaluate
from tests.builders import answers_format_1, bp

WORKED_CASES = [
    ("clean", answers_format_1(), "at_home", "routine", []),
    (
        "borderline BP",
        answers_format_1(bp_readings=bp((142, 88), (138, 86))),
        "in_clinic",
        "routine",
        ["elevated_blood_pressure"],
    ),
    (
        "crisis BP",
        answers_format_1(bp_readings=bp((182, 95))),
        "clinician_review",
        "urgent",
        ["hypertensive_crisis"],
    ),
    (
        "stable recovery",
        answers_format_1(
            substance_use="sustained_recovery",
            audit_c=[1, 0, 0],
            dast10=[True, False, True, False, False, False, False, False, False, False],
        ),
        "at_home",
        "routine",
        ["sustained_recovery"],
    ),
    (
        "active use",
        answers_format_1(substance_use="active"),
        "clinician_review",
        "high",
        ["active_substance_use"],
    ),
    (
        "pregnancy unsure",
        answers_format_1(pregnant="unsure"),
        "clinician_review",
        "routine",
        ["incomplete_answers"],
    ),
    ("family psychosis only", answers_format_1(psychosis="never"), "at_home", "routine", []),
    (
        "no support",
        answers_format_1(support_person="no"),
        "in_clinic",
        "routine",
        ["no_support_person"],
    ),
    (
        "passive wish",
        answers_format_1(
            cssrs={"wish_dead": True, "suicidal_thoughts": False, "behavior_3_months": False},
            phq9=[2, 2, 2, 2, 2, 2, 2, 1, 1],
        ),
        "in_clinic",
        "high",
        ["suicidal_ideation"],
    ),
    (
        "plan",
        answers_format_1(
            cssrs={
                "wish_dead": True,
                "suicidal_thoughts": True,
                "method": True,
                "intent": False,
                "plan": True,
                "behavior_3_months": False,
            }
        ),
        "clinician_review",
        "urgent",
        ["suicide_risk_high"],
    ),
]


@pytest.mark.parametrize(
    ("raw", "route", "priority", "fired"),
    [case[1:] for case in WORKED_CASES],
    ids=[case[0] for case in WORKED_CASES],
)
def test_it_routes_each_worked_case_as_the_contract_says(raw, route, priority, fired):
    decision = evaluate(raw)

    assert decision.route == route
    assert decision.priority == priority
    assert list(decision.fired_ids) == fired


def test_it_reports_the_borderline_mean_as_140_87():
    decision = evaluate(answers_format_1(bp_readings=bp((142, 88), (138, 86))))

    assert (decision.scores.bp_systolic, decision.scores.bp_diastolic) == (140, 87)
    assert decision.fired[0].reason == "mean blood pressure 140/87 mmHg is at or above 140/90"
