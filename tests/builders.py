"""Answer sets for tests: a clean at-home candidate, changed by keyword.

`answers()` builds answer format 2 (what the questionnaire submits today);
`answers_format_1()` the contract's format 1 (past submissions, `manage.py screen`).
"""

from __future__ import annotations

import copy
from typing import Any

# clinical-rules.md section 6 "clean": female 34, not pregnant, BP 122/78,
# PHQ-9 16, GAD-7 11, 3 trials, safe home, support person, nothing else.
CLEAN_FORMAT_1: dict[str, Any] = {
    "age": 34,
    "sex_at_birth": "female",
    "pregnant": "no",
    "breastfeeding": "no",
    "height_cm": 168,
    "weight_kg": 64.5,
    "bp_readings": [{"systolic": 122, "diastolic": 78}],
    "ketamine_hypersensitivity": "no",
    "psychosis": "never",
    "mania": "no",
    "conditions": [],
    "dissociative_disorder": "none",
    "substance_use": "none",
    "ketamine_misuse": "no",
    "audit_c": [1, 0, 0],
    "dast10": [False, False, True, False, False, False, False, False, False, False],
    "phq9": [2, 2, 2, 2, 2, 2, 2, 2, 0],
    "gad7": [2, 2, 2, 2, 1, 1, 1],
    "cssrs": {"wish_dead": False, "suicidal_thoughts": False, "behavior_3_months": False},
    "antidepressant_trials": 3,
    "panic_disorder": "no",
    "aggression_history": "no",
    "home_safe": "yes",
    "support_person": "yes",
}


# The same candidate in answer format 2: two readings with heart rate, no medicines,
# no suicidal behaviour ever, contacts and the place of sessions.
CLEAN: dict[str, Any] = {
    **CLEAN_FORMAT_1,
    "format": 2,
    "bp_readings": [
        {"systolic": 122, "diastolic": 78, "heart_rate": 72},
        {"systolic": 120, "diastolic": 76, "heart_rate": 70},
    ],
    "medications": ["none"],
    "cssrs": {
        "wish_dead": False,
        "suicidal_thoughts": False,
        "behavior_lifetime": False,
        "behavior_3_months": False,
    },
    "emergency_contact": {"name": "Jamie Example", "phone": "+1 555 010 0100"},
    "support_person_contact": {"name": "Casey Example", "phone": "(555) 010-0101"},
    "session_location": "12 Elm Street, Springfield",
}


def answers(**changes: Any) -> dict[str, Any]:
    """Format 2: a deep copy of CLEAN with `changes`; a change to `...` removes the key."""
    return _changed(CLEAN, changes)


def answers_format_1(**changes: Any) -> dict[str, Any]:
    """Format 1: a deep copy of CLEAN_FORMAT_1 with `changes`, as `answers`."""
    return _changed(CLEAN_FORMAT_1, changes)


def _changed(clean: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    result = copy.deepcopy(clean)
    for key, value in changes.items():
        if value is ...:
            result.pop(key, None)
        else:
            result[key] = value
    return result


def bp(*readings: tuple[int, int]) -> list[dict[str, int]]:
    """Readings without heart rate (format 1)."""
    return [{"systolic": s, "diastolic": d} for s, d in readings]


def bp_hr(*readings: tuple[int, int, int]) -> list[dict[str, int]]:
    """Readings with heart rate (format 2)."""
    return [{"systolic": s, "diastolic": d, "heart_rate": r} for s, d, r in readings]


def phq9_total(total: int, item9: int = 0) -> list[int]:
    """PHQ-9 items summing to `total`, with item 9 as given."""
    items, rest = [0] * 8, total - item9
    for index in range(8):
        items[index] = min(3, rest)
        rest -= items[index]
    assert rest == 0, "total out of reach"
    return [*items, item9]


def gad7_total(total: int) -> list[int]:
    items, rest = [0] * 7, total
    for index in range(7):
        items[index] = min(3, rest)
        rest -= items[index]
    assert rest == 0, "total out of reach"
    return items


def dast10_total(total: int) -> list[bool]:
    """DAST-10 answers scoring `total`; item 3 (reverse-scored) is answered no only for 10."""
    if total == 10:
        return [True, True, False, *[True] * 7]
    straight = [True] * total + [False] * (9 - total)
    return [straight[0], straight[1], True, *straight[2:]]


def audit_c_total(total: int) -> list[int]:
    items, rest = [0] * 3, total
    for index in range(3):
        items[index] = min(4, rest)
        rest -= items[index]
    return items


def readings(systolic: int, diastolic: int = 80, heart_rate: int = 72) -> dict[str, Any]:
    """Answer changes: two identical format-2 readings (the questionnaire asks for two)."""
    reading = {"systolic": systolic, "diastolic": diastolic, "heart_rate": heart_rate}
    return {"bp_readings": [reading, dict(reading)]}
