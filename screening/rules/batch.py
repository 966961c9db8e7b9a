"""Batch screening of JSON Lines: one decision, or one error, per input line."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from .engine import evaluate
from .errors import InvalidAnswers
from .thresholds import Thresholds


def screen_line(line: str, thresholds: Thresholds) -> str:
    """The decision for one line of answers, or `{"error": {field, message}}`."""
    try:
        raw = json.loads(line)
    except json.JSONDecodeError as error:
        return _error("answers", f"not valid JSON: {error.msg} at column {error.colno}")
    try:
        return evaluate(raw, thresholds).to_json()
    except InvalidAnswers as invalid:
        return _error(invalid.first.field, invalid.first.message)


def screen_lines(lines: Iterable[str], thresholds: Thresholds) -> Iterator[str]:
    """Lazily screens each line in order, so a batch of any size streams."""
    for line in lines:
        yield screen_line(line, thresholds)


def _error(field: str, message: str) -> str:
    return json.dumps({"error": {"field": field, "message": message}}, separators=(",", ":"))
