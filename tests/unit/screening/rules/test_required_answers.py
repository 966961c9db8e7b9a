"""Missing, unsure and contradictory answers fire incomplete_answers and never lead home."""

import pytest

from screening.rules import evaluate
from tests.builders import answers, answers_format_1

REQUIRED = [
    "age",
    "sex_at_birth",
    "pregnant",
    "bp_readings",
    "ketamine_hypersensitivity",
    "psychosis",
    "conditions",
    "dissociative_disorder",
    "substance_use",
    "phq9",
    "gad7",
    "cssrs",
    "antidepressant_trials",
    "home_safe",
    "support_person",
]


def incomplete_reason(raw):
    decision = evaluate(raw)
    reasons = {f.rule: f.reason for f in decision.fired}
    assert decision.route == "clinician_review"
    return reasons["incomplete_answers"]


@pytest.mark.parametrize("key", REQUIRED)
def test_it_names_each_missing_required_answer(key):
    assert incomplete_reason(answers(**{key: ...})) == f"missing: {key}"


def test_it_treats_an_empty_list_of_readings_as_missing():
    assert incomplete_reason(answers(bp_readings=[])) == "missing: bp_readings"


def test_it_does_not_require_pregnancy_for_male_sex_at_birth():
    decision = evaluate(answers(sex_at_birth="male", pregnant=..., breastfeeding=...))

    assert decision.route == "at_home"


@pytest.mark.parametrize("sex", ["female", "intersex"])
def test_it_requires_pregnancy_for_other_sexes_at_birth(sex):
    assert incomplete_reason(answers(sex_at_birth=sex, pregnant=...)) == "missing: pregnant"


@pytest.mark.parametrize(
    "optional",
    [
        "breastfeeding",
        "height_cm",
        "weight_kg",
        "audit_c",
        "dast10",
        "mania",
        "ketamine_misuse",
        "panic_disorder",
        "aggression_history",
    ],
)
def test_it_does_not_require_optional_answers(optional):
    assert evaluate(answers(**{optional: ...})).route == "at_home"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("pregnant", "unsure"),
        ("ketamine_hypersensitivity", "unsure"),
        ("psychosis", "unsure"),
        ("dissociative_disorder", "unsure"),
        ("substance_use", "unsure"),
        ("home_safe", "unsure"),
        ("support_person", "unsure"),
        ("breastfeeding", "unsure"),
        ("mania", "unsure"),
        ("ketamine_misuse", "unsure"),
        ("panic_disorder", "unsure"),
        ("aggression_history", "unsure"),
    ],
)
def test_it_never_sends_an_unsure_answer_home(key, value):
    assert incomplete_reason(answers(**{key: value})) == f"unsure: {key}"


@pytest.mark.parametrize(
    ("key", "contraindication"),
    [
        ("pregnant", "pregnancy"),
        ("ketamine_hypersensitivity", "ketamine_hypersensitivity"),
        ("psychosis", "psychosis_history"),
    ],
)
def test_it_does_not_fire_the_contraindication_on_unsure(key, contraindication):
    decision = evaluate(answers(**{key: "unsure"}))

    assert decision.fired_ids == ("incomplete_answers",)


def test_it_requires_the_three_cssrs_screening_items_in_format_1():
    raw = answers_format_1(cssrs={"wish_dead": False})

    assert incomplete_reason(raw) == "missing: cssrs.suicidal_thoughts, cssrs.behavior_3_months"


def test_it_requires_the_lifetime_behaviour_item_in_format_2():
    raw = answers(cssrs={"wish_dead": False})

    assert incomplete_reason(raw) == "missing: cssrs.suicidal_thoughts, cssrs.behavior_lifetime"


def test_it_asks_when_only_after_lifetime_behaviour_in_format_2():
    raw = answers(cssrs={"wish_dead": False, "suicidal_thoughts": False, "behavior_lifetime": True})

    assert incomplete_reason(raw) == "missing: cssrs.behavior_3_months"


def test_it_requires_the_follow_ups_only_after_suicidal_thoughts():
    raw = answers_format_1(
        cssrs={"wish_dead": True, "suicidal_thoughts": True, "behavior_3_months": False}
    )

    assert incomplete_reason(raw) == "missing: cssrs.method, cssrs.intent, cssrs.plan"


def test_it_calls_recent_behaviour_without_lifetime_behaviour_contradictory():
    cssrs = {
        "wish_dead": False,
        "suicidal_thoughts": False,
        "behavior_lifetime": False,
        "behavior_3_months": True,
    }

    reason = incomplete_reason(answers(cssrs=cssrs))

    assert reason == (
        "contradictory: cssrs.behavior_3_months answered yes but behavior_lifetime no"
    )


def test_it_calls_a_follow_up_yes_after_no_suicidal_thoughts_contradictory():
    cssrs = {
        "wish_dead": False,
        "suicidal_thoughts": False,
        "method": True,
        "behavior_3_months": False,
    }

    reason = incomplete_reason(answers_format_1(cssrs=cssrs))

    assert reason == "contradictory: cssrs.method answered yes but suicidal_thoughts no"


def test_it_lists_missing_and_unsure_answers_together():
    reason = incomplete_reason(answers(age=..., phq9=..., pregnant="unsure"))

    assert reason == "missing: age, phq9; unsure: pregnant"


def test_it_routes_an_empty_intake_to_review_naming_every_required_answer():
    assert incomplete_reason({}) == "missing: " + ", ".join(REQUIRED)
