"""Worked cases of answer format 2: one or more for every rule it added."""

import pytest

from screening.rules import evaluate
from tests.builders import answers, bp_hr

LIFETIME_ATTEMPT = {
    "wish_dead": False,
    "suicidal_thoughts": False,
    "behavior_lifetime": True,
    "behavior_3_months": False,
}

WORKED_CASES = [
    ("clean", answers(), "at_home", "routine", []),
    (
        "attempt years ago",
        answers(cssrs=LIFETIME_ATTEMPT),
        "in_clinic",
        "high",
        ["suicide_attempt_history"],
    ),
    (
        "attempt last month",
        answers(cssrs=LIFETIME_ATTEMPT | {"behavior_3_months": True}),
        "clinician_review",
        "urgent",
        ["suicide_risk_high"],
    ),
    (
        "attempt years ago, passive wish now",
        answers(cssrs=LIFETIME_ATTEMPT | {"wish_dead": True}),
        "in_clinic",
        "high",
        ["suicidal_ideation", "suicide_attempt_history"],
    ),
    (
        "MAOI",
        answers(medications=["maoi"]),
        "clinician_review",
        "high",
        ["serotonergic_or_pressor_interaction"],
    ),
    (
        "stimulant",
        answers(medications=["stimulant", "ssri_snri"]),
        "clinician_review",
        "high",
        ["serotonergic_or_pressor_interaction"],
    ),
    (
        "opioid",
        answers(medications=["opioid"]),
        "clinician_review",
        "high",
        ["respiratory_depression_risk"],
    ),
    (
        "gabapentinoid",
        answers(medications=["other_sedative"]),
        "clinician_review",
        "high",
        ["respiratory_depression_risk"],
    ),
    (
        "benzodiazepine",
        answers(medications=["benzodiazepine"]),
        "clinician_review",
        "high",
        ["respiratory_depression_risk", "reduced_efficacy_medication"],
    ),
    (
        "lamotrigine",
        answers(medications=["lamotrigine"]),
        "at_home",
        "routine",
        ["reduced_efficacy_medication"],
    ),
    (
        "antipsychotic, no psychosis",
        answers(medications=["antipsychotic"]),
        "clinician_review",
        "routine",
        ["antipsychotic_without_psychosis_answer"],
    ),
    (
        "antipsychotic, past psychosis",
        answers(medications=["antipsychotic"], psychosis="past"),
        "clinician_review",
        "high",
        ["psychosis_history"],
    ),
    (
        "antidepressants only",
        answers(medications=["ssri_snri", "bupropion", "lithium", "tricyclic"]),
        "at_home",
        "routine",
        [],
    ),
    (
        "fast heart",
        answers(bp_readings=bp_hr((124, 80, 104), (122, 78, 100))),
        "clinician_review",
        "routine",
        ["tachycardia"],
    ),
    (
        "one crisis reading, lower mean",
        answers(bp_readings=bp_hr((186, 100, 80), (130, 82, 76))),
        "clinician_review",
        "urgent",
        ["hypertensive_crisis"],
    ),
    (
        "treated hypertension",
        answers(conditions=["hypertension"], hypertension_treated="yes"),
        "at_home",
        "routine",
        ["hypertension_on_treatment"],
    ),
    (
        "treatment of hypertension unsure",
        answers(conditions=["hypertension"], hypertension_treated="unsure"),
        "clinician_review",
        "routine",
        ["incomplete_answers"],
    ),
    (
        "mild dissociative disorder",
        answers(dissociative_disorder="mild"),
        "clinician_review",
        "routine",
        ["dissociative_disorder"],
    ),
    (
        "no blood pressure monitor",
        answers(bp_readings=..., bp_unavailable=True),
        "clinician_review",
        "routine",
        ["incomplete_answers"],
    ),
]


@pytest.mark.parametrize(
    ("raw", "route", "priority", "fired"),
    [case[1:] for case in WORKED_CASES],
    ids=[case[0] for case in WORKED_CASES],
)
def test_it_routes_each_format_2_worked_case(raw, route, priority, fired):
    decision = evaluate(raw)

    assert decision.route == route
    assert decision.priority == priority
    assert list(decision.fired_ids) == fired
