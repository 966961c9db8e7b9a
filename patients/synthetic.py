"""Synthetic intakes: plausible answers of people seeking treatment, mostly complete,
with the risks a clinic sees. For benchmarks and for `manage.py seed_synthetic`; never
for demo logins or real patients.

Pure Python (no Django), deterministic for a given random generator.
"""

from __future__ import annotations

import random
from typing import TypeVar, cast

from screening.rules.answers import CONDITIONS, MEDICATION_CLASSES

T = TypeVar("T")


def generated_intake(rng: random.Random) -> dict[str, object]:
    """A plausible intake of a person seeking treatment: mostly complete, some risks."""

    def pick(*weighted: tuple[T, int]) -> T:
        return rng.choices([value for value, _ in weighted], [w for _, w in weighted])[0]

    def rare_yes() -> object:
        return pick(("no", 95), ("yes", 3), ("unsure", 2))

    def usual_yes() -> object:
        return pick(("yes", 92), ("no", 5), ("unsure", 3))

    def item(high: int, *weights: int) -> int:
        return pick(*zip(range(high + 1), weights, strict=True))

    diastolic = rng.randint(60, 95)
    intake: dict[str, object] = {
        "age": rng.randint(17, 80),
        "sex_at_birth": pick(("female", 55), ("male", 44), ("intersex", 1)),
        "pregnant": rare_yes(),
        "breastfeeding": rare_yes(),
        "height_cm": round(rng.uniform(150, 200), 1),
        "weight_kg": round(rng.uniform(45, 130), 1),
        "bp_readings": [
            {"systolic": diastolic + rng.randint(30, 55), "diastolic": diastolic}
            for _ in range(rng.randint(1, 3))
        ],
        "ketamine_hypersensitivity": rare_yes(),
        "psychosis": pick(("never", 94), ("past", 3), ("current", 1), ("unsure", 2)),
        "mania": rare_yes(),
        "conditions": rng.sample(CONDITIONS, pick((0, 85), (1, 12), (2, 3))),
        "dissociative_disorder": pick(("none", 88), ("mild", 9), ("severe", 2), ("unsure", 1)),
        "substance_use": pick(
            ("none", 82),
            ("active", 3),
            ("early_recovery", 4),
            ("sustained_recovery", 10),
            ("unsure", 1),
        ),
        "ketamine_misuse": rare_yes(),
        "audit_c": [item(4, 50, 30, 12, 5, 3) for _ in range(3)],
        "dast10": [rng.random() < 0.04 for _ in range(10)],
        "phq9": [item(3, 15, 30, 30, 25) for _ in range(8)] + [item(3, 85, 10, 4, 1)],
        "gad7": [item(3, 20, 35, 25, 20) for _ in range(7)],
        "cssrs": {
            "wish_dead": rng.random() < 0.15,
            "suicidal_thoughts": False,
            "behavior_3_months": rng.random() < 0.01,
        },
        "antidepressant_trials": item(6, 5, 10, 30, 25, 15, 10, 5),
        "panic_disorder": rare_yes(),
        "aggression_history": rare_yes(),
        "home_safe": usual_yes(),
        "support_person": usual_yes(),
    }
    if rng.random() < 0.05:
        intake["cssrs"] = {
            "wish_dead": True,
            "suicidal_thoughts": True,
            "method": rng.random() < 0.5,
            "intent": rng.random() < 0.3,
            "plan": rng.random() < 0.2,
            "behavior_3_months": False,
        }
    for key in rng.sample(sorted(intake), pick((0, 95), (1, 5))):
        del intake[key]
    return intake


def generated_intake_format_2(rng: random.Random) -> dict[str, object]:
    """The same kind of intake in answer format 2: heart rates, medicines, contacts."""
    intake = generated_intake(rng)
    readings = cast(list[dict[str, int]], intake.get("bp_readings", []))
    for reading in readings:
        reading["heart_rate"] = rng.randint(55, 110)
    if len(readings) == 1:
        readings.append(dict(readings[0]))
    cssrs = cast(dict[str, bool], intake.get("cssrs", {}))
    cssrs["behavior_lifetime"] = bool(cssrs.get("behavior_3_months")) or rng.random() < 0.04
    conditions = cast(list[str], intake.get("conditions", []))
    classes = [c for c in MEDICATION_CLASSES if c != "none"]
    medications = rng.sample(classes, rng.choices([0, 1, 2], [60, 30, 10])[0]) or ["none"]
    return intake | {
        "format": 2,
        "medications": medications,
        "emergency_contact": {"name": "A. Person", "phone": "555 010 0100"},
        "support_person_contact": {"name": "B. Person", "phone": "555 010 0101"},
        "session_location": "1 Main Street",
        **({"hypertension_treated": "yes"} if "hypertension" in conditions else {}),
    }
