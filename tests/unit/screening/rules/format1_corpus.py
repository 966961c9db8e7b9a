"""Format-1 intakes and the decisions the engine gave them before answer format 2.

`tests/unit/screening/rules/fixtures/format1_decisions.jsonl.xz` holds, one JSON object a line,
the worked cases of clinical-rules.md section 6 and 10,000 generated format-1
intakes, each with the batch output (decision or error) under the contract's
defaults and under a varied rule set. It was written by the engine as it stood
before answer format 2 (`python -m tests.unit.screening.rules.format1_corpus`), and is never
rewritten: format-1 answers must keep exactly these decisions.
"""

from __future__ import annotations

import json
import lzma
import random
from pathlib import Path
from typing import Any

from screening.rules import thresholds_from_mapping
from screening.rules.answers import CONDITIONS
from tests.builders import answers_format_1 as answers
from tests.builders import bp

FIXTURE = Path(__file__).parent / "fixtures" / "format1_decisions.jsonl.xz"
SEED = 20260111
COUNT = 10_000

# Valid before and after the safety floors of rule sets.
VARIED = thresholds_from_mapping(
    {
        "bp_crisis_systolic": 170,
        "bp_crisis_diastolic": 110,
        "bp_uncontrolled_systolic": 150,
        "bp_uncontrolled_diastolic": 95,
        "bp_elevated_systolic": 130,
        "bp_elevated_diastolic": 85,
        "dast10_active": 5,
        "dast10_review": 2,
        "audit_c_active": 7,
        "audit_c_review_female": 2,
        "audit_c_review_other": 3,
        "phq9_indication": 12,
        "gad7_indication": 8,
        "gad7_panic": 12,
        "min_age": 21,
        "min_antidepressant_trials": 3,
        "disabled_rules": ["panic_risk", "no_indication", "breastfeeding"],
    },
    ruleset="varied",
)

WORKED_CASES = [
    answers(),
    answers(bp_readings=bp((142, 88), (138, 86))),
    answers(bp_readings=bp((182, 95))),
    answers(
        substance_use="sustained_recovery",
        audit_c=[1, 0, 0],
        dast10=[True, False, True, False, False, False, False, False, False, False],
    ),
    answers(substance_use="active"),
    answers(pregnant="unsure"),
    answers(psychosis="never"),
    answers(support_person="no"),
    answers(
        cssrs={"wish_dead": True, "suicidal_thoughts": False, "behavior_3_months": False},
        phq9=[2, 2, 2, 2, 2, 2, 2, 1, 1],
    ),
    answers(
        cssrs={
            "wish_dead": True,
            "suicidal_thoughts": True,
            "method": True,
            "intent": False,
            "plan": True,
            "behavior_3_months": False,
        }
    ),
]

# Keys that answer format 2 added: in a format-1 intake they are unknown, so ignored.
STRAY_KEYS: dict[str, list[Any]] = {
    "medications": [["maoi"], ["opioid", "lamotrigine"], ["none"], "nonsense"],
    "medications_other": [["St John's wort"], 42],
    "hypertension_treated": ["yes", "no", "unsure", "maybe"],
    "emergency_contact": [{"name": "A", "phone": "555 0100"}, "none"],
    "support_person_contact": [{"name": "B", "phone": "555 0101"}],
    "session_location": ["1 Main St", ""],
    "bp_unavailable": [True, False, "yes"],
    "phq9_difficulty": ["somewhat"],
    "format": [1],
}


def generated_intake(rng: random.Random) -> dict[str, Any]:
    """A format-1 intake: a clean candidate with some answers changed, gaps, stray
    format-2 keys and now and then a value that breaks the format."""

    def tri() -> str:
        return rng.choice(["no", "yes", "unsure"])

    def scores(count: int, high: int) -> list[int]:
        return [rng.randint(0, high) for _ in range(count)]

    def reading() -> dict[str, Any]:
        diastolic = rng.randint(50, 130)
        value: dict[str, Any] = {
            "systolic": min(260, diastolic + rng.randint(10, 90)),
            "diastolic": diastolic,
        }
        if rng.random() < 0.1:
            value["heart_rate"] = rng.choice([55, 80, 105, 300])
        return value

    def cssrs() -> dict[str, Any]:
        items: dict[str, Any] = {
            "wish_dead": rng.random() < 0.3,
            "suicidal_thoughts": rng.random() < 0.2,
            "behavior_3_months": rng.random() < 0.1,
        }
        if items["suicidal_thoughts"] or rng.random() < 0.05:
            items |= {item: rng.random() < 0.3 for item in ("method", "intent", "plan")}
        if rng.random() < 0.5:  # the questionnaire has long kept the lifetime answer too
            items["behavior_lifetime"] = items["behavior_3_months"] or rng.random() < 0.3
        for item in rng.sample(sorted(items), rng.choices([0, 1, 2], [85, 10, 5])[0]):
            del items[item]
        return items

    changed_values = {
        "age": lambda: rng.choice([17, 18, 19, 21, 25, 0, 64, 120]),
        "sex_at_birth": lambda: rng.choice(["female", "male", "intersex"]),
        "pregnant": tri,
        "breastfeeding": tri,
        "height_cm": lambda: round(rng.uniform(140, 205), 1),
        "weight_kg": lambda: rng.choice([round(rng.uniform(40, 150), 1), 90]),
        "bp_readings": lambda: [reading() for _ in range(rng.choice([0, 1, 2, 3]))],
        "ketamine_hypersensitivity": tri,
        "psychosis": lambda: rng.choice(["never", "past", "current", "unsure"]),
        "mania": tri,
        "conditions": lambda: rng.sample(CONDITIONS, rng.choice([0, 1, 1, 2, 3])),
        "dissociative_disorder": lambda: rng.choice(["none", "mild", "severe", "unsure"]),
        "substance_use": lambda: rng.choice(
            ["none", "active", "early_recovery", "sustained_recovery", "unsure"]
        ),
        "ketamine_misuse": tri,
        "audit_c": lambda: scores(3, 4),
        "dast10": lambda: [rng.random() < 0.3 for _ in range(10)],
        "phq9": lambda: scores(9, 3),
        "gad7": lambda: scores(7, 3),
        "cssrs": cssrs,
        "antidepressant_trials": lambda: rng.choice([0, 1, 2, 3, 5, 30]),
        "panic_disorder": tri,
        "aggression_history": tri,
        "home_safe": tri,
        "support_person": tri,
    }
    intake = answers()
    changes = rng.choices([0, 1, 2, 3, 5, 24], [20, 30, 20, 15, 10, 5])[0]
    for key in rng.sample(sorted(changed_values), changes):
        intake[key] = changed_values[key]()
    for key in rng.sample(sorted(intake), rng.choices([0, 1, 2, 4], [80, 12, 6, 2])[0]):
        del intake[key]
    for key in rng.sample(sorted(STRAY_KEYS), rng.choices([0, 1, 3], [60, 25, 15])[0]):
        intake[key] = rng.choice(STRAY_KEYS[key])
    if rng.random() < 0.02:  # a value that breaks the format
        key, bad = rng.choice(
            [
                ("phq9", [0, 0, 0, 0, 5, 0, 0, 0, 0]),
                ("bp_readings", [{"systolic": 300, "diastolic": 20}]),
                ("conditions", ["flu"]),
                ("age", True),
                ("pregnant", None),
                ("cssrs", {"wish_dead": "yes"}),
            ]
        )
        intake[key] = bad
    return intake


def corpus() -> list[dict[str, Any]]:
    rng = random.Random(SEED)  # noqa: S311 (reproducible test data, not secrets)
    return WORKED_CASES + [generated_intake(rng) for _ in range(COUNT)]


def write_fixture() -> None:
    """Run once, with the engine as it stood before answer format 2."""
    from screening.rules import DEFAULT_THRESHOLDS
    from screening.rules.batch import screen_line

    FIXTURE.parent.mkdir(exist_ok=True)
    rows = []
    for intake in corpus():
        line = json.dumps(intake, sort_keys=True)
        row = {
            "answers": intake,
            "defaults": screen_line(line, DEFAULT_THRESHOLDS),
            "varied": screen_line(line, VARIED),
        }
        rows.append(json.dumps(row, sort_keys=True) + "\n")
    FIXTURE.write_bytes(lzma.compress("".join(rows).encode(), preset=9 | lzma.PRESET_EXTREME))


def read_fixture() -> list[dict[str, Any]]:
    text = lzma.decompress(FIXTURE.read_bytes()).decode()
    return [json.loads(row) for row in text.splitlines()]


if __name__ == "__main__":
    write_fixture()
