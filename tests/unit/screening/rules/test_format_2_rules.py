"""The rules of answer format 2 at their edges, with their reasons, and what it requires."""

import pytest

from screening.rules import evaluate, parse_answers
from screening.rules.engine import crisis_level_reading, suicidal_thoughts_reported
from tests.builders import answers, answers_format_1, bp, bp_hr


def fired(raw):
    return evaluate(raw).fired_ids


def reasons(raw):
    return {f.rule: f.reason for f in evaluate(raw).fired}


@pytest.mark.parametrize(
    ("rates", "expected"),
    [((100, 100), False), ((100, 101), True), ((101, 100), True), ((62, 140), True)],
)
def test_it_fires_tachycardia_above_a_mean_of_100(rates, expected):
    raw = answers(bp_readings=bp_hr((120, 80, rates[0]), (120, 80, rates[1])))

    assert ("tachycardia" in fired(raw)) is expected


def test_it_gives_the_mean_heart_rate_in_the_reason():
    raw = answers(bp_readings=bp_hr((120, 80, 104), (120, 80, 101)))

    assert reasons(raw)["tachycardia"] == "mean heart rate 103 beats per minute is above 100"


@pytest.mark.parametrize(
    ("reading", "crisis"),
    [((179, 80), False), ((180, 80), True), ((150, 119), False), ((150, 120), True)],
)
def test_it_fires_the_crisis_on_any_single_reading_at_the_line(reading, crisis):
    raw = answers(bp_readings=bp_hr((*reading, 80), (118, 70, 80)))

    assert ("hypertensive_crisis" in fired(raw)) is crisis


def test_it_names_the_crisis_reading_and_the_mean():
    raw = answers(bp_readings=bp_hr((120, 80, 70), (186, 100, 80)))

    assert reasons(raw)["hypertensive_crisis"] == (
        "reading 2 of 186/100 mmHg is at or above 180/120 (mean 153/90 mmHg)"
    )


def test_it_keeps_the_mean_reason_when_the_mean_itself_is_a_crisis():
    raw = answers(bp_readings=bp_hr((190, 100, 70), (186, 100, 80)))

    assert reasons(raw)["hypertensive_crisis"] == (
        "mean blood pressure 188/100 mmHg is at or above 180/120"
    )


def test_it_judges_a_single_crisis_reading_by_the_mean_in_format_1():
    raw = answers_format_1(bp_readings=bp((186, 100), (120, 80)))

    assert fired(raw) == ("elevated_blood_pressure",)


@pytest.mark.parametrize(
    ("medications", "rule"),
    [
        (["maoi"], "serotonergic_or_pressor_interaction"),
        (["stimulant"], "serotonergic_or_pressor_interaction"),
        (["opioid"], "respiratory_depression_risk"),
        (["benzodiazepine"], "respiratory_depression_risk"),
        (["other_sedative"], "respiratory_depression_risk"),
        (["lamotrigine"], "reduced_efficacy_medication"),
        (["benzodiazepine"], "reduced_efficacy_medication"),
        (["antipsychotic"], "antipsychotic_without_psychosis_answer"),
    ],
)
def test_it_fires_the_medication_rule_of_each_class(medications, rule):
    assert rule in fired(answers(medications=medications))


@pytest.mark.parametrize(
    "medication",
    ["lithium", "antihypertensive", "ssri_snri", "bupropion", "tricyclic", "other", "none"],
)
def test_it_fires_no_rule_for_the_other_classes(medication):
    assert fired(answers(medications=[medication])) == ()


def test_it_names_the_classes_taken_in_the_reason():
    raw = answers(medications=["opioid", "other_sedative", "maoi"])

    assert reasons(raw) == {
        "serotonergic_or_pressor_interaction": "takes maoi: blood pressure rises with ketamine",
        "respiratory_depression_risk": (
            "takes opioid, other sedative: sedation and respiratory depression with ketamine"
        ),
    }


def test_it_never_reads_the_free_text_medicines():
    raw = answers(medications=["other"], medications_other=["phenelzine (Nardil)", "oxycodone"])

    assert fired(raw) == ()


@pytest.mark.parametrize(("psychosis", "expected"), [("never", True), ("unsure", False)])
def test_it_cross_checks_an_antipsychotic_only_against_no_psychosis(psychosis, expected):
    raw = answers(medications=["antipsychotic"], psychosis=psychosis)

    assert ("antipsychotic_without_psychosis_answer" in fired(raw)) is expected


def test_it_flags_treated_hypertension_only_when_treated():
    for treated, expected in (("yes", True), ("no", False)):
        raw = answers(conditions=["hypertension"], hypertension_treated=treated)
        assert ("hypertension_on_treatment" in fired(raw)) is expected


def test_it_reviews_any_diagnosed_dissociative_disorder_in_format_2_only():
    assert fired(answers(dissociative_disorder="mild")) == ("dissociative_disorder",)
    assert fired(answers_format_1(dissociative_disorder="mild")) == ()


def test_it_dates_the_attempt_in_the_reason():
    cssrs = {"wish_dead": False, "suicidal_thoughts": False, "behavior_lifetime": True}

    assert (
        reasons(answers(cssrs=cssrs | {"behavior_3_months": False}))["suicide_attempt_history"]
        == "C-SSRS: a suicide attempt or preparatory act more than 3 months ago"
    )
    assert "suicide_attempt_history" in fired(answers(cssrs=cssrs))  # when: not answered


def incomplete(raw):
    decision = evaluate(raw)
    assert decision.route == "clinician_review"
    return dict((f.rule, f.reason) for f in decision.fired)["incomplete_answers"]


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"medications": ...}, "missing: medications"),
        ({"emergency_contact": ...}, "missing: emergency_contact"),
        ({"support_person_contact": ...}, "missing: support_person_contact"),
        ({"session_location": ...}, "missing: session_location"),
        (
            {"bp_readings": bp_hr((120, 80, 70))},
            "missing: bp_readings (2 readings needed, 1 given)",
        ),
        (
            {"bp_readings": [{"systolic": 120, "diastolic": 80}, *bp_hr((120, 80, 70))]},
            "missing: bp_readings.heart_rate (reading 1)",
        ),
        (
            {"bp_readings": ..., "bp_unavailable": True},
            "missing: bp_readings (no blood pressure monitor)",
        ),
        ({"conditions": ["hypertension"]}, "missing: hypertension_treated"),
    ],
)
def test_it_requires_the_answers_of_format_2(change, reason):
    assert incomplete(answers(**change)) == reason


@pytest.mark.parametrize(
    ("change", "no_longer_required"),
    [
        ({"support_person": "no", "support_person_contact": ...}, "support_person_contact"),
        ({"home_safe": "no", "session_location": ...}, "session_location"),
    ],
)
def test_it_asks_contacts_and_the_place_only_where_they_exist(change, no_longer_required):
    decision = evaluate(answers(**change))

    assert "incomplete_answers" not in decision.fired_ids
    assert decision.route == "in_clinic"


def test_it_requires_none_of_format_2_in_format_1():
    assert fired(answers_format_1(bp_readings=bp((120, 80)))) == ()


def suicidal(**changes):
    return suicidal_thoughts_reported(parse_answers(answers(**changes)))


@pytest.mark.parametrize(
    "item", ["wish_dead", "suicidal_thoughts", "behavior_lifetime", "behavior_3_months"]
)
def test_it_reports_any_suicidal_ideation_or_behaviour(item):
    cssrs = answers()["cssrs"] | {item: True}

    assert suicidal(cssrs=cssrs)


@pytest.mark.parametrize(("item9", "expected"), [(0, False), (1, True), (3, True)])
def test_it_reports_suicidal_ideation_from_phq9_item9(item9, expected):
    assert suicidal(phq9=[2, 2, 2, 2, 2, 2, 2, 2, item9]) is expected


@pytest.mark.parametrize(
    ("readings", "expected"),
    [
        (bp_hr((179, 119, 70), (120, 80, 70)), False),
        (bp_hr((120, 80, 70), (180, 80, 70)), True),
        (bp_hr((150, 120, 70), (120, 80, 70)), True),
    ],
)
def test_it_sees_a_crisis_level_in_any_single_reading(readings, expected):
    assert crisis_level_reading(parse_answers(answers(bp_readings=readings))) is expected
