"""Screening a submission and storing the decision."""

from __future__ import annotations

from patients.models import Submission
from screening.results.models import PRIORITY_RANKS, ROUTE_RANKS, ScreeningResult
from screening.rules import (
    Answers,
    Decision,
    crisis_resources_needed,
    evaluate,
    parse_answers,
)
from screening.rulesets.selectors import active_thresholds


def screening_result_of(
    submission: Submission, answers: Answers, decision: Decision
) -> ScreeningResult:
    """The stored form of the engine's decision on a submission (not yet saved)."""
    return ScreeningResult(
        submission=submission,
        route=decision.route.value,
        priority=decision.priority.value,
        decision=decision.as_dict(),
        ruleset=decision.ruleset,
        crisis_resources_shown=crisis_resources_needed(answers),
        route_rank=ROUTE_RANKS[decision.route.value],
        priority_rank=PRIORITY_RANKS[decision.priority.value],
        fired_rules="".join(f",{rule}" for rule in decision.fired_ids) + ",",
    )


def screening_record(*, submission: Submission) -> ScreeningResult:
    """Screen the submission's frozen answers with the active rule set; store the decision."""
    answers = parse_answers(submission.answers)
    result = screening_result_of(submission, answers, evaluate(answers, active_thresholds()))
    result.save()
    return result
