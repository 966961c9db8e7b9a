"""Benchmark figures, appended as JSON lines to bench/results/<name>.jsonl (not committed)."""

from __future__ import annotations

import json
import platform
import time
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).resolve().parent / "results"


def record(name: str, figures: dict[str, Any]) -> None:
    RESULTS.mkdir(exist_ok=True)
    line = {
        "at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        "machine": f"{platform.machine()}, {platform.processor() or 'cpu'}, "
        f"{__import__('os').cpu_count()} cores",
        **figures,
    }
    with (RESULTS / f"{name}.jsonl").open("a") as out:
        out.write(json.dumps(line) + "\n")
