"""Invariants of the engine over generated intakes."""

import copy

from hypothesis import given, settings
from hypothesis import strategies as st

from screening.rules import evaluate, thresholds_from_mapping
from screening.rules.engine import REQUIRED_KEYS
from tests.builders import answers
from tests.unit.screening.rules.strategies import format_2_intakes, intakes, mostly_complete_intakes

# no_indication fires on *low* PHQ-9 and GAD-7 scores, so raising an item can
# end it by design; the monotonicity properties hold with it switched off.
WITHOUT_NO_INDICATION = thresholds_from_mapping({"disabled_rules": ["no_indication"]})
any_intake = st.one_of(intakes, mostly_complete_intakes(), format_2_intakes())


@given(any_intake)
def test_it_never_sends_home_a_case_with_a_routing_rule_or_unsure_required_answer(raw):
    decision = evaluate(raw)

    routing_rule = any(f.effect != "flag" for f in decision.fired)
    unsure_required = any(raw.get(key) == "unsure" for key in REQUIRED_KEYS)
    missing_required = any(key not in raw for key in REQUIRED_KEYS if key != "pregnant")
    if routing_rule or unsure_required or missing_required:
        assert decision.route != "at_home"


@given(format_2_intakes())
def test_it_never_sends_home_a_format_2_intake_without_what_format_2_requires(raw):
    if evaluate(raw).route != "at_home":
        return
    readings = raw["bp_readings"]
    assert len(readings) >= 2 and all("heart_rate" in r for r in readings)
    assert {"medications", "emergency_contact"} <= raw.keys()
    assert "behavior_lifetime" in raw["cssrs"]
    assert raw["support_person"] == "yes" and "support_person_contact" in raw
    assert raw["home_safe"] == "yes" and "session_location" in raw
    if "hypertension" in raw["conditions"]:
        assert raw["hypertension_treated"] in ("yes", "no")


@given(any_intake)
def test_it_routes_by_the_strongest_effect(raw):
    decision = evaluate(raw)
    effects = {f.effect for f in decision.fired}

    if effects & {"contraindication", "review"}:
        assert decision.route == "clinician_review"
    elif "in_clinic" in effects:
        assert decision.route == "in_clinic"
    else:
        assert decision.route == "at_home"


@given(any_intake)
def test_it_is_deterministic_and_orders_fired_rules_by_effect_then_id(raw):
    first, second = evaluate(raw), evaluate(copy.deepcopy(raw))

    assert first.to_json() == second.to_json()
    keys = [(-f.effect.strength, f.rule) for f in first.fired]
    assert keys == sorted(keys)
    assert len(set(first.fired_ids)) == len(first.fired_ids)


def raise_one(raw, data):
    """The same intake with one blood pressure value or one instrument item raised."""
    raised = copy.deepcopy(raw)
    choices = []
    for index, reading in enumerate(raw.get("bp_readings", [])):
        if reading["systolic"] < 260:
            choices.append(("bp_readings", index, "systolic", 260))
        diastolic_high = min(160, reading["systolic"] - 1)
        if reading["diastolic"] < diastolic_high:
            choices.append(("bp_readings", index, "diastolic", diastolic_high))
    for key, high in (("phq9", 3), ("gad7", 3), ("audit_c", 4)):
        choices += [(key, i, None, high) for i, v in enumerate(raw.get(key, [])) if v < high]
    for i, answer in enumerate(raw.get("dast10", [])):
        scores_one = not answer if i == 2 else answer
        if not scores_one:
            choices.append(("dast10", i, None, None))
    for item, answer in raw.get("cssrs", {}).items():
        follow_up = item in ("method", "intent", "plan")
        if not answer and (not follow_up or raw["cssrs"].get("suicidal_thoughts")):
            choices.append(("cssrs", item, None, None))
    if not choices:
        return None
    key, index, part, high = data.draw(st.sampled_from(choices))
    if key == "bp_readings":
        reading = raised[key][index]
        reading[part] = data.draw(st.integers(reading[part] + 1, high))
    elif key == "dast10":
        raised[key][index] = index != 2
    elif key == "cssrs":
        raised[key][index] = True
    else:
        raised[key][index] = data.draw(st.integers(raised[key][index] + 1, high))
    return raised


@settings(max_examples=300)
@given(any_intake, st.data())
def test_it_never_routes_less_restrictively_when_a_reading_or_item_rises(raw, data):
    raised = raise_one(raw, data)
    if raised is None:
        return
    before = evaluate(raw, WITHOUT_NO_INDICATION)
    after = evaluate(raised, WITHOUT_NO_INDICATION)

    assert after.route.restrictiveness >= before.route.restrictiveness


def test_no_indication_is_the_rule_that_rising_scores_can_end():
    low = answers(phq9=[1, 1, 1, 1, 1, 1, 1, 1, 0], gad7=[1, 1, 1, 1, 1, 1, 1])
    higher = answers(phq9=[3, 3, 1, 1, 1, 1, 1, 1, 0], gad7=[1, 1, 1, 1, 1, 1, 1])

    assert evaluate(low).route == "clinician_review"
    assert evaluate(higher).route == "at_home"
