"""At most one rule of each exclusive group fires: the strongest that matches."""

from screening.rules import evaluate, thresholds_from_mapping
from tests.builders import answers, audit_c_total, bp, dast10_total

HIGH_RISK_CSSRS = {
    "wish_dead": True,
    "suicidal_thoughts": True,
    "method": True,
    "intent": True,
    "plan": False,
    "behavior_3_months": False,
}


def test_it_fires_only_the_crisis_rule_when_blood_pressure_is_in_crisis():
    decision = evaluate(answers(bp_readings=bp((190, 125))))

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


def test_it_falls_back_to_the_next_rule_of_a_group_when_the_stronger_is_switched_off():
    thresholds = thresholds_from_mapping({"disabled_rules": ["substance_use_review"]})
    raw = answers(substance_use="sustained_recovery", dast10=dast10_total(4))

    assert evaluate(raw, thresholds).fired_ids == ("sustained_recovery",)
