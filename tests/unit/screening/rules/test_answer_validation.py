"""Every break of the answer format is an error naming the field; nothing is coerced."""

import pytest

from screening.rules import Answers, InvalidAnswers, evaluate, parse_answers
from screening.rules.answers import ANSWER_KEYS
from tests.builders import answers, bp

INVALID = [
    ({"age": 121}, "age", "121 is outside 0-120 years"),
    ({"age": -1}, "age", "-1 is outside 0-120 years"),
    ({"age": 34.0}, "age", "expected a whole number, got 34.0"),
    ({"age": "34"}, "age", 'expected a whole number, got "34"'),
    ({"age": True}, "age", "expected a whole number, got true"),
    ({"age": None}, "age", "null is not an answer; leave the key out when not answered"),
    ({"sex_at_birth": "f"}, "sex_at_birth", '"f" is not one of "female", "male", "intersex"'),
    ({"pregnant": True}, "pregnant", 'true is not one of "yes", "no", "unsure"'),
    ({"pregnant": "Yes"}, "pregnant", '"Yes" is not one of "yes", "no", "unsure"'),
    ({"breastfeeding": "maybe"}, "breastfeeding", '"maybe" is not one of "yes", "no", "unsure"'),
    ({"height_cm": 49}, "height_cm", "49 is outside 50-250 cm"),
    ({"height_cm": 251}, "height_cm", "251 is outside 50-250 cm"),
    ({"height_cm": "170"}, "height_cm", 'expected a number, got "170"'),
    ({"weight_kg": 19.9}, "weight_kg", "19.9 is outside 20-400 kg"),
    ({"weight_kg": 400.5}, "weight_kg", "400.5 is outside 20-400 kg"),
    ({"weight_kg": float("nan")}, "weight_kg", "expected a number, got nan"),
    ({"bp_readings": bp((300, 20))}, "bp_readings", "systolic 300 is outside 60-260 mmHg"),
    ({"bp_readings": bp((59, 40))}, "bp_readings", "systolic 59 is outside 60-260 mmHg"),
    ({"bp_readings": bp((120, 29))}, "bp_readings", "diastolic 29 is outside 30-160 mmHg"),
    ({"bp_readings": bp((200, 161))}, "bp_readings", "diastolic 161 is outside 30-160 mmHg"),
    ({"bp_readings": bp((90, 90))}, "bp_readings", "systolic 90 is not above diastolic 90"),
    (
        {"bp_readings": bp((120, 80), (120, 130))},
        "bp_readings",
        "reading 2 systolic 120 is not above diastolic 130",
    ),
    (
        {"bp_readings": bp((120, 80), (120, 80), (120, 80), (120, 80))},
        "bp_readings",
        "expected 1 to 3 readings, got 4",
    ),
    (
        {"bp_readings": {"systolic": 120}},
        "bp_readings",
        'expected a list of readings, got {"systolic": 120}',
    ),
    ({"bp_readings": [{"systolic": 120}]}, "bp_readings", "has no diastolic value"),
    (
        {"bp_readings": [{"systolic": 120.5, "diastolic": 80}]},
        "bp_readings",
        "systolic must be a whole number, got 120.5",
    ),
    ({"bp_readings": [[120, 80]]}, "bp_readings", "expected an object with systolic and diastolic"),
    (
        {"ketamine_hypersensitivity": "no!"},
        "ketamine_hypersensitivity",
        '"no!" is not one of "yes", "no", "unsure"',
    ),
    ({"psychosis": "yes"}, "psychosis", '"yes" is not one of "never", "past", "current", "unsure"'),
    ({"mania": 1}, "mania", '1 is not one of "yes", "no", "unsure"'),
    ({"conditions": ["heart_murmur"]}, "conditions", '"heart_murmur" is not a known condition'),
    ({"conditions": "glaucoma"}, "conditions", 'expected a list of conditions, got "glaucoma"'),
    (
        {"dissociative_disorder": "moderate"},
        "dissociative_disorder",
        '"moderate" is not one of "none", "mild", "severe", "unsure"',
    ),
    (
        {"substance_use": "recovery"},
        "substance_use",
        '"recovery" is not one of "none", "active", "early_recovery", '
        '"sustained_recovery", "unsure"',
    ),
    (
        {"ketamine_misuse": "never"},
        "ketamine_misuse",
        '"never" is not one of "yes", "no", "unsure"',
    ),
    ({"audit_c": [1, 2]}, "audit_c", "expected 3 item scores, got 2"),
    ({"audit_c": [1, 2, 5]}, "audit_c", "item 3 is 5; each item is scored 0-4"),
    ({"dast10": [False] * 9}, "dast10", "expected 10 yes/no answers, got 9"),
    ({"dast10": [0] * 10}, "dast10", "item 1 is 0; each answer is true or false"),
    ({"phq9": [0, 0, 0, 0, 5, 0, 0, 0, 0]}, "phq9", "item 5 is 5; each item is scored 0-3"),
    ({"phq9": [0, 0, 0, 0, -1, 0, 0, 0, 0]}, "phq9", "item 5 is -1; each item is scored 0-3"),
    ({"phq9": [0] * 10}, "phq9", "expected 9 item scores, got 10"),
    ({"phq9": [0, 0, 0, 0, 1.0, 0, 0, 0, 0]}, "phq9", "item 5 is 1.0; each item is scored 0-3"),
    ({"phq9": "27"}, "phq9", 'expected a list of 9 item scores, got "27"'),
    ({"gad7": [3] * 6}, "gad7", "expected 7 item scores, got 6"),
    ({"gad7": [0, 0, 0, True, 0, 0, 0]}, "gad7", "item 4 is true; each item is scored 0-3"),
    ({"cssrs": {"intent": "no"}}, "cssrs", 'intent is "no"; each answer is true or false'),
    ({"cssrs": [True]}, "cssrs", "expected an object of yes/no answers, got [true]"),
    ({"antidepressant_trials": 31}, "antidepressant_trials", "31 is outside 0-30"),
    ({"antidepressant_trials": -1}, "antidepressant_trials", "-1 is outside 0-30"),
    ({"panic_disorder": "no "}, "panic_disorder", '"no " is not one of "yes", "no", "unsure"'),
    ({"aggression_history": "n"}, "aggression_history", '"n" is not one of "yes", "no", "unsure"'),
    ({"home_safe": False}, "home_safe", 'false is not one of "yes", "no", "unsure"'),
    ({"support_person": ""}, "support_person", '"" is not one of "yes", "no", "unsure"'),
]


@pytest.mark.parametrize(
    ("change", "field", "message"), INVALID, ids=[f"{c[1]}-{i}" for i, c in enumerate(INVALID)]
)
def test_it_rejects_the_answer_naming_the_field(change, field, message):
    with pytest.raises(InvalidAnswers) as raised:
        evaluate(answers(**change))

    assert [(e.field, e.message) for e in raised.value.errors] == [(field, message)]


def test_it_writes_the_error_as_field_colon_message():
    with pytest.raises(InvalidAnswers) as raised:
        parse_answers(answers(bp_readings=bp((300, 20))))

    assert str(raised.value) == "bp_readings: systolic 300 is outside 60-260 mmHg"


def test_it_lists_every_field_at_fault_in_the_order_of_the_format():
    with pytest.raises(InvalidAnswers) as raised:
        parse_answers(answers(phq9=[9] * 9, age=200, home_safe="?"))

    assert [e.field for e in raised.value.errors] == ["age", "phq9", "home_safe"]


@pytest.mark.parametrize("raw", [[], "answers", 3, None])
def test_it_rejects_anything_but_an_object(raw):
    with pytest.raises(InvalidAnswers) as raised:
        parse_answers(raw)

    assert raised.value.first.field == "answers"


def test_it_ignores_unknown_keys():
    assert evaluate(answers(favourite_colour="blue", cssrs_note=3)).route == "at_home"


def test_it_accepts_the_edges_of_every_range():
    raw = answers(
        age=120,
        height_cm=250,
        weight_kg=20,
        bp_readings=bp((61, 60), (260, 30)),
        antidepressant_trials=30,
    )

    assert parse_answers(raw).age == 120


def test_it_round_trips_validated_answers_to_the_json_format():
    raw = answers(conditions=["glaucoma", "aneurysm"], cssrs={"wish_dead": False})

    restored = parse_answers(raw).as_dict()

    assert restored == {**raw, "conditions": ["aneurysm", "glaucoma"]}


def test_it_validates_every_key_of_the_format_and_keeps_format_1_order():
    assert sorted((*ANSWER_KEYS, "format")) == sorted(Answers._fields)
    format_1 = Answers._fields[: Answers._fields.index("format")]
    assert [key for key in ANSWER_KEYS if key in format_1] == list(format_1)


@pytest.mark.parametrize(
    ("change", "item", "part"),
    [
        ({"bp_readings": bp((120, 80), (300, 80))}, 2, "systolic"),
        ({"bp_readings": bp((120, 80), (120, 80), (120, 20))}, 3, "diastolic"),
        ({"bp_readings": bp((100, 120))}, 1, "systolic"),
        ({"phq9": [0, 0, 0, 0, 0, 0, 7, 0, 0]}, 7, None),
        ({"dast10": [False] * 9 + [1]}, 10, None),
        ({"cssrs": {"plan": 1}}, None, "plan"),
    ],
)
def test_it_points_to_the_item_or_part_at_fault_for_forms(change, item, part):
    with pytest.raises(InvalidAnswers) as raised:
        parse_answers(answers(**change))

    assert (raised.value.first.item, raised.value.first.part) == (item, part)
