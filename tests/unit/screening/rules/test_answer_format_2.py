"""Answer format 2: its keys are validated, named when wrong, and ignored by format 1."""

import pytest

from screening.rules import InvalidAnswers, evaluate, parse_answers
from tests.builders import answers, answers_format_1, bp_hr

INVALID = [
    ({"format": 3}, "format", "3 is not an answer format: 2, or no key for format 1"),
    ({"format": "2"}, "format", '"2" is not an answer format: 2, or no key for format 1'),
    ({"format": True}, "format", "true is not an answer format: 2, or no key for format 1"),
    (
        {"bp_readings": bp_hr((120, 80, 29))},
        "bp_readings",
        "heart rate 29 is outside 30-220 beats per minute",
    ),
    (
        {"bp_readings": bp_hr((120, 80, 70), (120, 80, 221))},
        "bp_readings",
        "reading 2 heart rate 221 is outside 30-220 beats per minute",
    ),
    (
        {"bp_readings": [{"systolic": 120, "diastolic": 80, "heart_rate": "70"}]},
        "bp_readings",
        'heart_rate must be a whole number, got "70"',
    ),
    ({"bp_unavailable": "yes"}, "bp_unavailable", 'expected true or false, got "yes"'),
    (
        {"bp_unavailable": True},
        "bp_unavailable",
        "no monitor was given, yet there are readings: keep one",
    ),
    (
        {"medications": []},
        "medications",
        'expected a list of medication classes, or ["none"], got []',
    ),
    ({"medications": ["aspirin"]}, "medications", '"aspirin" is not a known medication class'),
    (
        {"medications": ["none", "opioid"]},
        "medications",
        '"none" cannot be listed with other medication classes',
    ),
    (
        {"medications_other": "Nardil"},
        "medications_other",
        'expected a list of medicine names, got "Nardil"',
    ),
    ({"medications_other": [" "]}, "medications_other", "a medicine name is empty"),
    (
        {"medications_other": ["x" * 101]},
        "medications_other",
        "a medicine name is longer than 100 characters",
    ),
    (
        {"medications_other": ["a"] * 11},
        "medications_other",
        "expected at most 10 names, got 11",
    ),
    (
        {"medications_other": ["line\nbreak"]},
        "medications_other",
        "a medicine name holds a control character",
    ),
    (
        {"hypertension_treated": "sometimes"},
        "hypertension_treated",
        '"sometimes" is not one of "yes", "no", "unsure"',
    ),
    (
        {"cssrs": {"behavior_lifetime": "no"}},
        "cssrs",
        'behavior_lifetime is "no"; each answer is true or false',
    ),
    (
        {"emergency_contact": "Mum"},
        "emergency_contact",
        'expected an object with name and phone, got "Mum"',
    ),
    ({"emergency_contact": {"name": "Mum"}}, "emergency_contact", "has no phone"),
    (
        {"emergency_contact": {"name": "", "phone": "555 0100 22"}},
        "emergency_contact",
        "the name is empty",
    ),
    (
        {"emergency_contact": {"name": "Mum", "phone": "call me"}},
        "emergency_contact",
        "a phone number holds digits, spaces and + ( ) - . only",
    ),
    (
        {"support_person_contact": {"name": "Sam", "phone": "12345"}},
        "support_person_contact",
        "a phone number has 7-15 digits, this one 5",
    ),
    ({"session_location": ""}, "session_location", "the address is empty"),
    (
        {"session_location": "x" * 301},
        "session_location",
        "the address is longer than 300 characters",
    ),
]


@pytest.mark.parametrize(("change", "field", "message"), INVALID)
def test_it_names_the_field_and_says_what_is_wrong(change, field, message):
    with pytest.raises(InvalidAnswers) as raised:
        parse_answers(answers(**change))

    assert (raised.value.first.field, raised.value.first.message) == (field, message)


@pytest.mark.parametrize(
    ("change", "part"),
    [
        ({"bp_readings": bp_hr((120, 80, 70), (120, 80, 300))}, "heart_rate"),
        ({"emergency_contact": {"name": "Mum", "phone": "1"}}, "phone"),
        ({"support_person_contact": {"name": " ", "phone": "555 010 0100"}}, "name"),
    ],
)
def test_it_points_to_the_part_at_fault_for_forms(change, part):
    with pytest.raises(InvalidAnswers) as raised:
        parse_answers(answers(**change))

    assert raised.value.first.part == part


def test_it_lists_errors_in_the_order_of_format_2():
    raw = answers(session_location="", medications=["x"], bp_unavailable="no", age=-1)

    with pytest.raises(InvalidAnswers) as raised:
        parse_answers(raw)

    fields = [e.field for e in raised.value.errors]
    assert fields == ["age", "bp_unavailable", "medications", "session_location"]


def test_it_round_trips_format_2_answers():
    raw = answers(medications=["opioid", "maoi"], medications_other=["St John's wort"])

    restored = parse_answers(raw).as_dict()

    assert restored == {**raw, "medications": ["maoi", "opioid"]}


def test_it_keeps_format_1_without_a_format_key_when_round_tripped():
    raw = answers_format_1()

    assert parse_answers(raw).as_dict() == raw
    assert parse_answers(raw).format == 1


def test_it_accepts_an_explicit_format_1():
    assert parse_answers(answers_format_1(format=1)).format == 1


@pytest.mark.parametrize(
    "stray",
    [
        {"medications": ["maoi"]},
        {"medications": "nonsense"},
        {"hypertension_treated": "unsure", "conditions": ["hypertension"]},
        {"bp_unavailable": True},
        {"emergency_contact": 42},
        {
            "cssrs": {
                "wish_dead": False,
                "suicidal_thoughts": False,
                "behavior_3_months": False,
                "behavior_lifetime": True,
            }
        },
        {"bp_readings": [{"systolic": 120, "diastolic": 80, "heart_rate": 300}]},
        {"dissociative_disorder": "mild"},
    ],
)
def test_it_ignores_format_2_keys_and_meanings_in_format_1(stray):
    decision = evaluate(answers_format_1(**stray))

    assert decision.route == "at_home"
    assert decision.fired_ids == ()


def test_it_ignores_unknown_keys_inside_format_2_too():
    assert evaluate(answers(favourite_colour="blue")).route == "at_home"
