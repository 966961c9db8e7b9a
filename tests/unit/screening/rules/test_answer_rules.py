"""Rules that fire on a single answer, with their effect, priority and the route."""

import pytest

from screening.rules import RULES_BY_ID, evaluate
from tests.builders import answers

SINGLE_ANSWER_RULES: list[tuple[dict[str, object], str, str]] = [
    ({"ketamine_hypersensitivity": "yes"}, "ketamine_hypersensitivity", "clinician_review"),
    ({"psychosis": "current"}, "psychosis_active", "clinician_review"),
    ({"psychosis": "past"}, "psychosis_history", "clinician_review"),
    ({"conditions": ["unstable_heart_disease"]}, "unstable_heart_disease", "clinician_review"),
    ({"conditions": ["aneurysm"]}, "vascular_malformation", "clinician_review"),
    ({"conditions": ["arteriovenous_malformation"]}, "vascular_malformation", "clinician_review"),
    ({"conditions": ["intracerebral_hemorrhage"]}, "vascular_malformation", "clinician_review"),
    ({"pregnant": "yes"}, "pregnancy", "clinician_review"),
    ({"breastfeeding": "yes"}, "breastfeeding", "clinician_review"),
    ({"dissociative_disorder": "severe"}, "severe_dissociation", "clinician_review"),
    ({"substance_use": "active"}, "active_substance_use", "clinician_review"),
    ({"substance_use": "early_recovery"}, "substance_use_review", "clinician_review"),
    ({"substance_use": "sustained_recovery"}, "sustained_recovery", "at_home"),
    ({"ketamine_misuse": "yes"}, "ketamine_misuse", "clinician_review"),
    ({"mania": "yes"}, "mania_history", "clinician_review"),
    (
        {"conditions": ["unstable_medical_condition"]},
        "unstable_medical_condition",
        "in_clinic",
    ),
    ({"home_safe": "no"}, "unsafe_home", "in_clinic"),
    ({"support_person": "no"}, "no_support_person", "in_clinic"),
    ({"panic_disorder": "yes"}, "panic_risk", "at_home"),
    ({"aggression_history": "yes"}, "aggression_monitoring", "at_home"),
    ({"conditions": ["seizure_disorder"]}, "other_relevant_condition", "clinician_review"),
    ({"conditions": ["severe_liver_disease"]}, "other_relevant_condition", "clinician_review"),
    ({"conditions": ["interstitial_cystitis"]}, "other_relevant_condition", "clinician_review"),
    ({"conditions": ["glaucoma"]}, "other_relevant_condition", "clinician_review"),
    ({"conditions": ["sleep_apnea"]}, "other_relevant_condition", "clinician_review"),
]


@pytest.mark.parametrize(
    ("change", "rule", "route"),
    SINGLE_ANSWER_RULES,
    ids=[f"{rule}-{next(iter(change.values()))}" for change, rule, _ in SINGLE_ANSWER_RULES],
)
def test_it_fires_the_rule_of_the_answer_and_routes_by_its_effect(change, rule, route):
    decision = evaluate(answers(**change))

    assert decision.fired_ids == (rule,)
    assert decision.route == route
    assert decision.priority == RULES_BY_ID[rule].priority
    assert decision.fired[0].effect == RULES_BY_ID[rule].effect


def test_it_fires_nothing_for_diagnosed_untreated_hypertension_with_a_normal_reading():
    decision = evaluate(answers(conditions=["hypertension"], hypertension_treated="no"))

    assert decision.fired_ids == ()


def test_it_names_each_vascular_condition_in_the_reason():
    decision = evaluate(answers(conditions=["aneurysm", "intracerebral_hemorrhage"]))

    assert decision.fired[0].reason == "reports aneurysm, intracerebral hemorrhage"


def test_it_evaluates_pregnancy_as_given_whatever_the_sex_at_birth():
    decision = evaluate(answers(sex_at_birth="male", pregnant="yes"))

    assert "pregnancy" in decision.fired_ids


def test_it_ranks_the_case_by_its_highest_priority_rule():
    decision = evaluate(answers(psychosis="current", support_person="no", mania="yes"))

    assert decision.priority == "urgent"
    assert decision.route == "clinician_review"
