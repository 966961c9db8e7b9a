"""The decision serialises to the JSON of clinical-rules.md section 5."""

import json

from screening.rules import evaluate
from tests.builders import answers, bp_hr


def test_it_serialises_to_the_contract_shape():
    decision = evaluate(answers(bp_readings=bp_hr((184, 112, 80), (184, 112, 84))))

    assert json.loads(decision.to_json()) == {
        "route": "clinician_review",
        "priority": "urgent",
        "fired": [
            {
                "rule": "hypertensive_crisis",
                "effect": "contraindication",
                "priority": "urgent",
                "reason": "mean blood pressure 184/112 mmHg is at or above 180/120",
            }
        ],
        "scores": {
            "phq9": 16,
            "phq9_item9": 0,
            "gad7": 11,
            "audit_c": 1,
            "dast10": 0,
            "bp_systolic": 184,
            "bp_diastolic": 112,
            "bmi": 22.9,
        },
        "ruleset": "default-1",
    }


def test_it_orders_fired_rules_by_effect_then_rule_id():
    decision = evaluate(
        answers(
            aggression_history="yes",
            panic_disorder="yes",
            support_person="no",
            home_safe="no",
            mania="yes",
            breastfeeding="yes",
            pregnant="yes",
            psychosis="current",
        )
    )

    assert decision.fired_ids == (
        "pregnancy",
        "psychosis_active",
        "breastfeeding",
        "mania_history",
        "no_support_person",
        "unsafe_home",
        "aggression_monitoring",
        "panic_risk",
    )


def test_it_gives_null_scores_for_unanswered_instruments():
    scores = evaluate(answers(audit_c=..., dast10=..., height_cm=...)).as_dict()["scores"]

    assert (scores["audit_c"], scores["dast10"], scores["bmi"]) == (None, None, None)
