"""Safety floors: no rule set an admin can make sends home whom the floors hold back."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from screening.rules import (
    SWITCHABLE_RULES,
    THRESHOLD_SPECS,
    InvalidThresholds,
    Thresholds,
    crisis_resources_needed,
    evaluate,
    parse_answers,
    suicidal_thoughts_reported,
    thresholds_from_mapping,
)
from tests.builders import answers, bp_hr
from tests.unit.screening.rules.strategies import format_2_intakes, intakes, mostly_complete_intakes


def valid(values):
    try:
        return thresholds_from_mapping(values, ruleset="any")
    except InvalidThresholds:
        return None


# Every rule set an admin could publish: any values in range and in order, any switches.
rule_sets = st.builds(
    lambda values, off: valid({**values, "disabled_rules": sorted(off)}),
    st.fixed_dictionaries({s.name: st.integers(s.low, s.high) for s in THRESHOLD_SPECS}),
    st.sets(st.sampled_from(sorted(SWITCHABLE_RULES))),
).filter(lambda thresholds: thresholds is not None)
any_intake = st.one_of(format_2_intakes(), intakes, mostly_complete_intakes())


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"phq9_item9_ideation": 2}, "phq9_item9_ideation"),
        ({"phq9_item9_ideation": 3}, "phq9_item9_ideation"),
        ({"bp_elevated_systolic": 141}, "bp_elevated_systolic"),
        ({"bp_elevated_diastolic": 91}, "bp_elevated_diastolic"),
        ({"min_antidepressant_trials": 0}, "min_antidepressant_trials"),
    ],
)
def test_it_refuses_a_threshold_beyond_its_floor(values, field):
    with pytest.raises(InvalidThresholds) as raised:
        thresholds_from_mapping(values)

    assert raised.value.first.field == field
    assert "safety floor" in raised.value.first.message


@pytest.mark.parametrize(
    "values",
    [
        {"phq9_item9_ideation": 2},
        {"bp_elevated_systolic": 150},
        {"min_antidepressant_trials": 0},
        {"disabled_rules": frozenset({"mania_history"})},
    ],
)
def test_it_cannot_even_build_thresholds_beyond_a_floor(values):
    with pytest.raises(InvalidThresholds):
        Thresholds(**values)


@settings(max_examples=300)
@given(any_intake, rule_sets)
def test_no_rule_set_sends_home_a_patient_with_any_suicidal_thought(raw, thresholds):
    parsed = parse_answers(raw)
    if crisis_resources_needed(parsed) or suicidal_thoughts_reported(parsed):
        assert evaluate(parsed, thresholds).route != "at_home"


@settings(max_examples=300)
@given(any_intake, rule_sets)
def test_no_rule_set_sends_home_a_mean_reading_at_140_90_or_above(raw, thresholds):
    decision = evaluate(raw, thresholds)
    scores = decision.scores
    if scores.bp_systolic is not None and (scores.bp_systolic >= 140 or scores.bp_diastolic >= 90):
        assert decision.route != "at_home"


@settings(max_examples=200)
@given(rule_sets)
def test_no_rule_set_sends_home_a_patient_who_tried_no_antidepressant(thresholds):
    assert evaluate(answers(antidepressant_trials=0), thresholds).route != "at_home"


@settings(max_examples=100)
@given(
    rule_sets,
    st.sampled_from(
        [
            {"ketamine_misuse": "yes"},
            {"mania": "yes"},
            {"substance_use": "early_recovery"},
            {
                "cssrs": {
                    "wish_dead": False,
                    "suicidal_thoughts": False,
                    "behavior_lifetime": True,
                    "behavior_3_months": False,
                }
            },
            {"medications": ["maoi"]},
            {"medications": ["stimulant"]},
            {"medications": ["opioid"]},
            {"medications": ["other_sedative"]},
            {"medications": ["antipsychotic"]},
            {"phq9": [2, 2, 2, 2, 2, 2, 2, 1, 1]},
            {"bp_readings": bp_hr((140, 80, 70), (140, 80, 70))},
            {"bp_readings": bp_hr((120, 90, 70), (120, 90, 70))},
        ]
    ),
)
def test_no_rule_set_sends_home_what_an_always_on_rule_holds_back(thresholds, change):
    assert evaluate(answers(**change), thresholds).route != "at_home"


@settings(max_examples=50)
@given(rule_sets)
def test_every_rule_set_tells_the_clinician_of_a_medicine_that_blunts_ketamine(thresholds):
    assert (
        "reduced_efficacy_medication"
        in evaluate(answers(medications=["lamotrigine"]), thresholds).fired_ids
    )
