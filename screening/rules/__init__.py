"""The screening engine: answers and thresholds in, a decision out.

Pure Python over plain data, importing nothing from Django, so it is fast,
deterministic and tested without a database. clinical-rules.md is its contract.
"""

from .answers import Answers, parse_answers
from .catalog import RULES, RULES_BY_ID, SOURCES, SWITCHABLE_RULES, Rule
from .crisis import crisis_resources_needed, crisis_triggers
from .decision import Decision, FiredRule
from .engine import crisis_level_reading, evaluate, suicidal_thoughts_reported
from .errors import FieldError, InvalidAnswers, InvalidThresholds
from .scores import Scores
from .thresholds import (
    DEFAULT_THRESHOLDS,
    THRESHOLD_SPECS,
    Thresholds,
    thresholds_from_mapping,
)
from .vocab import Effect, Priority, Route

__all__ = [
    "DEFAULT_THRESHOLDS",
    "RULES",
    "RULES_BY_ID",
    "SOURCES",
    "SWITCHABLE_RULES",
    "THRESHOLD_SPECS",
    "Answers",
    "Decision",
    "Effect",
    "FieldError",
    "FiredRule",
    "InvalidAnswers",
    "InvalidThresholds",
    "Priority",
    "Route",
    "Rule",
    "Scores",
    "Thresholds",
    "crisis_level_reading",
    "crisis_resources_needed",
    "crisis_triggers",
    "evaluate",
    "parse_answers",
    "suicidal_thoughts_reported",
    "thresholds_from_mapping",
]
