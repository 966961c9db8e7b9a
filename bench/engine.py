"""Screening engine throughput: in-process `evaluate` and the `manage.py screen` batch.

Run with `make bench` (or `.venv/bin/python bench/engine.py [--cases N]`). Prints
cases per second for answer format 1 (past submissions) and format 2 (today's
questionnaire); the target is at least 50,000 per second in-process on one core.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import IO, TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from screening.rules import evaluate, parse_answers  # noqa: E402
from screening.rules.answers import CONDITIONS, MEDICATION_CLASSES  # noqa: E402

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
    readings = intake.get("bp_readings", [])
    assert isinstance(readings, list)
    for reading in readings:
        reading["heart_rate"] = rng.randint(55, 110)
    if len(readings) == 1:
        readings.append(dict(readings[0]))
    cssrs = intake.get("cssrs", {})
    assert isinstance(cssrs, dict)
    cssrs["behavior_lifetime"] = bool(cssrs.get("behavior_3_months")) or rng.random() < 0.04
    conditions = intake.get("conditions", [])
    assert isinstance(conditions, list)
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


def timed(intakes: list[dict[str, object]]) -> tuple[float, float, dict[str, int]]:
    """Seconds to evaluate raw intakes, then pre-validated ones; and the routes."""
    routes: dict[str, int] = {}
    start = time.perf_counter()
    for intake in intakes:
        decision = evaluate(intake)
        routes[decision.route.value] = routes.get(decision.route.value, 0) + 1
    in_process = time.perf_counter() - start

    parsed = [parse_answers(intake) for intake in intakes]
    start = time.perf_counter()
    for answers in parsed:
        evaluate(answers)
    return in_process, time.perf_counter() - start, routes


def run_batch(stdin: IO[str], thresholds: Path) -> tuple[int, float]:
    """Run `manage.py screen`; the count of lines out and its peak memory in MiB."""
    process = subprocess.Popen(
        [sys.executable, "manage.py", "screen", "--thresholds", str(thresholds)],
        cwd=ROOT,
        stdin=stdin,
        stdout=subprocess.PIPE,
    )
    assert process.stdout is not None
    lines, peak_kib = 0, 0
    status = Path(f"/proc/{process.pid}/status")
    for lines, _ in enumerate(process.stdout, start=1):
        if lines % 5_000 == 0:
            peak_kib = max(peak_kib, peak_memory_kib(status))
    process.wait()
    if process.returncode:
        raise SystemExit(f"manage.py screen failed with exit code {process.returncode}")
    return lines, peak_kib / 1024


def peak_memory_kib(status: Path) -> int:
    try:
        text = status.read_text()
    except OSError:
        return 0
    return next(
        (int(line.split()[1]) for line in text.splitlines() if line.startswith("VmHWM:")), 0
    )


def rate(count: int, seconds: float) -> str:
    return f"{count / seconds:>10,.0f} cases/s  ({seconds * 1e6 / count:.1f} µs each)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=100_000)
    cases = parser.parse_args().cases

    rng = random.Random(20261123)
    intakes = [generated_intake(rng) for _ in range(cases)]
    in_process, prevalidated, routes = timed(intakes)
    rng = random.Random(20261123)
    intakes_2 = [generated_intake_format_2(rng) for _ in range(cases)]
    in_process_2, prevalidated_2, routes_2 = timed(intakes_2)

    with tempfile.TemporaryDirectory() as folder:
        batch_path, defaults = Path(folder, "intakes.jsonl"), Path(folder, "defaults.json")
        with batch_path.open("w") as batch_file:
            for intake in intakes:
                batch_file.write(json.dumps(intake) + "\n")
        defaults.write_text("{}")  # the contract's thresholds, as `evaluate` above
        size_mib = batch_path.stat().st_size / 2**20
        start = time.perf_counter()
        with batch_path.open() as stdin:
            lines, peak_mib = run_batch(stdin, defaults)
        batch = time.perf_counter() - start

    print(f"intakes: {cases:,} generated (seed 20261123); routes: {dict(sorted(routes.items()))}")
    print(f"evaluate, answers validated in the call:  {rate(cases, in_process)}")
    print(f"evaluate, answers validated beforehand:   {rate(cases, prevalidated)}")
    print(f"format 2: {cases:,} generated; routes: {dict(sorted(routes_2.items()))}")
    print(f"evaluate format 2, validated in the call: {rate(cases, in_process_2)}")
    print(f"evaluate format 2, validated beforehand:  {rate(cases, prevalidated_2)}")
    print(f"manage.py screen, {size_mib:.0f} MiB of JSON Lines:  {rate(cases, batch)}")
    print(f"manage.py screen: {lines:,} lines out, peak memory {peak_mib:.0f} MiB")


if __name__ == "__main__":
    main()
