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
from typing import IO

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.results import record  # noqa: E402
from patients.synthetic import generated_intake, generated_intake_format_2  # noqa: E402
from screening.rules import evaluate, parse_answers  # noqa: E402


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


def run_batch(stdin: IO[str], command: list[str]) -> tuple[int, float]:
    """Run a batch command; the count of lines out and its peak memory in MiB."""
    process = subprocess.Popen(
        [sys.executable, *command],
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
        raise SystemExit(f"{' '.join(command)} failed with exit code {process.returncode}")
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
            lines, peak_mib = run_batch(
                stdin, ["manage.py", "screen", "--thresholds", str(defaults)]
            )
        batch = time.perf_counter() - start
        start = time.perf_counter()
        with batch_path.open() as stdin:
            run_batch(stdin, ["bench/screen_floor.py"])
        floor = time.perf_counter() - start

    print(f"intakes: {cases:,} generated (seed 20261123); routes: {dict(sorted(routes.items()))}")
    print(f"evaluate, answers validated in the call:  {rate(cases, in_process)}")
    print(f"evaluate, answers validated beforehand:   {rate(cases, prevalidated)}")
    print(f"format 2: {cases:,} generated; routes: {dict(sorted(routes_2.items()))}")
    print(f"evaluate format 2, validated in the call: {rate(cases, in_process_2)}")
    print(f"evaluate format 2, validated beforehand:  {rate(cases, prevalidated_2)}")
    print(f"manage.py screen, {size_mib:.0f} MiB of JSON Lines:  {rate(cases, batch)}")
    print(f"manage.py screen: {lines:,} lines out, peak memory {peak_mib:.0f} MiB")
    print(f"floor, JSON in and out, no rules:       {rate(cases, floor)}")
    print(f"manage.py screen against the floor: {batch / floor:.2f}x")
    record(
        "engine",
        {
            "cases": cases,
            "format_1_per_s": round(cases / in_process),
            "format_2_per_s": round(cases / in_process_2),
            "screen_per_s": round(cases / batch),
            "floor_per_s": round(cases / floor),
            "screen_vs_floor": round(batch / floor, 2),
            "screen_peak_mib": round(peak_mib),
        },
    )


if __name__ == "__main__":
    main()
