"""The decision format of clinical-rules.md section 5."""

from __future__ import annotations

import json
from typing import NamedTuple

from .scores import Scores
from .vocab import Effect, Priority, Route


class FiredRule(NamedTuple):
    rule: str
    effect: Effect
    priority: Priority
    reason: str

    def as_dict(self) -> dict[str, str]:
        return {
            "rule": self.rule,
            "effect": self.effect.value,
            "priority": self.priority.value,
            "reason": self.reason,
        }


class Decision(NamedTuple):
    route: Route
    priority: Priority
    fired: tuple[FiredRule, ...]
    scores: Scores
    ruleset: str

    @property
    def fired_ids(self) -> tuple[str, ...]:
        return tuple(f.rule for f in self.fired)

    def as_dict(self) -> dict[str, object]:
        return {
            "route": self.route.value,
            "priority": self.priority.value,
            "fired": [f.as_dict() for f in self.fired],
            "scores": self.scores.as_dict(),
            "ruleset": self.ruleset,
        }

    def to_json(self) -> str:
        return json.dumps(self.as_dict(), separators=(",", ":"))
