"""Editable thresholds: section 7 ranges narrowed by the safety floors, orderings, switches."""

import pytest

from screening.rules import (
    DEFAULT_THRESHOLDS,
    RULES,
    SWITCHABLE_RULES,
    THRESHOLD_SPECS,
    InvalidThresholds,
    Thresholds,
    evaluate,
    thresholds_from_mapping,
)
from tests.builders import answers, bp_hr

# (default, lowest, highest): the contract's, except where a safety floor narrows it.
RANGES = {
    "bp_crisis_systolic": (180, 160, 200),
    "bp_crisis_diastolic": (120, 100, 130),
    "bp_uncontrolled_systolic": (160, 140, 180),
    "bp_uncontrolled_diastolic": (100, 90, 110),
    "bp_elevated_systolic": (140, 120, 140),  # floor: at-home up to 140/90
    "bp_elevated_diastolic": (90, 80, 90),
    "dast10_active": (6, 3, 9),
    "dast10_review": (3, 1, 6),
    "audit_c_active": (8, 5, 12),
    "audit_c_review_female": (3, 2, 8),
    "audit_c_review_other": (4, 2, 8),
    "phq9_item9_ideation": (1, 1, 1),  # floor: fixed at 1
    "phq9_indication": (10, 5, 20),
    "gad7_indication": (10, 5, 15),
    "gad7_panic": (15, 10, 21),
    "min_age": (18, 18, 25),
    "min_antidepressant_trials": (2, 1, 4),  # floor: at least 1
}


def test_it_has_the_contract_defaults_and_ranges_within_the_floors():
    assert {s.name: (s.default, s.low, s.high) for s in THRESHOLD_SPECS} == RANGES
    assert DEFAULT_THRESHOLDS.values() == {k: v[0] for k, v in RANGES.items()}
    assert DEFAULT_THRESHOLDS.ruleset == "default-1"


@pytest.mark.parametrize("name", [name for name, (_, low, high) in RANGES.items() if low < high])
def test_it_refuses_a_value_just_outside_each_range(name):
    _, low, high = RANGES[name]
    for value in (low - 1, high + 1):
        with pytest.raises(InvalidThresholds) as raised:
            thresholds_from_mapping({name: value})
        error = raised.value.first
        assert error.field == name
        assert f"{value} is outside the allowed range {low}-{high}" in error.message


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        (
            {"bp_elevated_systolic": 140, "bp_uncontrolled_systolic": 140},
            "bp_elevated_systolic",
            "bp_elevated_systolic (140) must be below bp_uncontrolled_systolic (140)",
        ),
        (
            {"bp_uncontrolled_systolic": 180},
            "bp_uncontrolled_systolic",
            "bp_uncontrolled_systolic (180) must be below bp_crisis_systolic (180)",
        ),
        (
            {"bp_crisis_systolic": 160},
            "bp_crisis_systolic",
            "bp_uncontrolled_systolic (160) must be below bp_crisis_systolic (160)",
        ),
        (
            {"bp_uncontrolled_diastolic": 90},
            "bp_uncontrolled_diastolic",
            "bp_elevated_diastolic (90) must be below bp_uncontrolled_diastolic (90)",
        ),
        (
            {"bp_crisis_diastolic": 100, "bp_uncontrolled_diastolic": 105},
            "bp_uncontrolled_diastolic",
            "bp_uncontrolled_diastolic (105) must be below bp_crisis_diastolic (100)",
        ),
        (
            {"dast10_review": 6},
            "dast10_review",
            "dast10_review (6) must be below dast10_active (6)",
        ),
        (
            {"audit_c_active": 5, "audit_c_review_female": 5},
            "audit_c_review_female",
            "audit_c_review_female (5) must be below audit_c_active (5)",
        ),
        (
            {"audit_c_review_other": 8},
            "audit_c_review_other",
            "audit_c_review_other (8) must be below audit_c_active (8)",
        ),
    ],
)
def test_it_refuses_a_value_that_breaks_an_ordering(values, field, message):
    with pytest.raises(InvalidThresholds) as raised:
        thresholds_from_mapping(values)

    assert (raised.value.first.field, raised.value.first.message) == (field, message)


def test_it_refuses_unknown_names_and_non_integers():
    with pytest.raises(InvalidThresholds) as raised:
        thresholds_from_mapping({"bp_crisis": 170, "min_age": 18.5})

    assert [(e.field, e.message) for e in raised.value.errors] == [
        ("bp_crisis", "is not an editable threshold"),
        ("min_age", "expected a whole number, got 18.5"),
    ]


def test_it_keeps_defaults_for_names_left_out():
    thresholds = thresholds_from_mapping({"bp_elevated_systolic": 130}, ruleset="v2")

    assert thresholds == Thresholds(bp_elevated_systolic=130, ruleset="v2")


def test_it_applies_edited_thresholds_and_names_the_rule_set():
    thresholds = thresholds_from_mapping({"bp_elevated_systolic": 130}, ruleset="v2")

    decision = evaluate(answers(bp_readings=bp_hr((135, 80, 70), (133, 80, 70))), thresholds)

    assert decision.fired_ids == ("elevated_blood_pressure",)
    assert decision.ruleset == "v2"


# Review and flag rules that guard safety: a safety floor keeps them on.
ALWAYS_ON = {
    "incomplete_answers",
    "suicide_risk_high",
    "suicidal_ideation",
    "ketamine_misuse",
    "mania_history",
    "substance_use_review",
    "first_line_not_tried",
    "serotonergic_or_pressor_interaction",
    "respiratory_depression_risk",
    "reduced_efficacy_medication",
    "antipsychotic_without_psychosis_answer",
}


def test_it_lets_only_flag_and_review_rules_be_switched_off_except_the_floors():
    switchable = {r.id for r in RULES if r.effect in ("flag", "review")} - ALWAYS_ON

    assert switchable == SWITCHABLE_RULES


@pytest.mark.parametrize(
    "rule",
    ["pregnancy", "unsafe_home", "suicide_attempt_history", *sorted(ALWAYS_ON)],
)
def test_it_refuses_to_switch_off_a_protected_rule(rule):
    with pytest.raises(InvalidThresholds) as raised:
        thresholds_from_mapping({"disabled_rules": [rule]})

    assert raised.value.first.field == "disabled_rules"
    assert raised.value.first.message == f'"{rule}" cannot be switched off'


def test_it_switches_off_a_switchable_rule():
    thresholds = thresholds_from_mapping({"disabled_rules": ["breastfeeding"]})

    assert evaluate(answers(breastfeeding="yes"), thresholds).route == "at_home"


def test_it_round_trips_thresholds_through_json_form():
    thresholds = thresholds_from_mapping({"gad7_panic": 12, "disabled_rules": ["panic_risk"]})

    assert thresholds_from_mapping(thresholds.as_dict()) == thresholds
