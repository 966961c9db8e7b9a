"""At most one rule of each exclusive group fires: the strongest that matches."""

import pytest

from screening.rules import InvalidThresholds, evaluate, thresholds_from_mapping
from tests.builders import answers, audit_c_total, bp_hr, dast10_total

HIGH_RISK_CSSRS = {
    "wish_dead": True,
    "suicidal_thoughts": True,
    "method": True,
    "intent": True,
    "plan": False,
    "behavior_lifetime": False,
    "behavior_3_months": False,
}


def test_it_fires_only_the_crisis_rule_when_blood_pressure_is_in_crisis():
    decision = evaluate(answers(bp_readings=bp_hr((190, 125, 80), (188, 122, 82))))

    assert decision.fired_ids == ("hypertensive_crisis",)


def test_it_fires_only_active_use_when_every_substance_measure_is_high():
    raw = answers(substance_use="active", dast10=dast10_total(8), audit_c=audit_c_total(9))

    assert evaluate(raw).fired_ids == ("active_substance_use",)


def test_it_prefers_a_substance_review_to_the_sustained_recovery_flag():
    raw = answers(substance_use="sustained_recovery", dast10=dast10_total(4))

    assert evaluate(raw).fired_ids == ("substance_use_review",)


def test_it_fires_only_high_risk_when_ideation_also_matches():
    raw = answers(cssrs=HIGH_RISK_CSSRS, phq9=[2, 2, 2, 2, 2, 2, 2, 2, 3])

    assert evaluate(raw).fired_ids == ("suicide_risk_high",)


def test_it_fires_only_active_psychosis_for_current_symptoms():
    assert evaluate(answers(psychosis="current")).fired_ids == ("psychosis_active",)


def test_it_fires_only_severe_dissociation_for_a_severe_disorder():
    assert evaluate(answers(dissociative_disorder="severe")).fired_ids == ("severe_dissociation",)


def test_it_never_lets_the_recovery_flag_stand_in_for_a_switched_off_review():
    # Switching off the stronger rule of a group would let the flag below it fire
    # instead: for substance use that would send a patient home, so it is refused.
    with pytest.raises(InvalidThresholds):
        thresholds_from_mapping({"disabled_rules": ["substance_use_review"]})
