"""What a referral summary shows: one read of the case, for the HTML page and the PDF alike."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from screening.review.models import Case
from screening.review.selectors import case_decisions, clinical_summary, score_bands
from screening.rules import DEFAULT_THRESHOLDS, RULES_BY_ID, SOURCES
from screening.rulesets.models import RuleSet
from screening.rulesets.selectors import thresholds_of
from screening.rulesets.services import EFFECT_WORDS


def _threshold_values(ruleset_name: str) -> dict[str, int]:
    """The values of the rule set the case was screened with (defaults if it is gone)."""
    ruleset = RuleSet.objects.filter(name=ruleset_name).first()
    return (thresholds_of(ruleset) if ruleset else DEFAULT_THRESHOLDS).values()


def fired_in_words(decision: dict[str, Any]) -> list[dict[str, Any]]:
    """Each fired rule as a sentence, its effect, the reason from the answers, full sources."""
    values = _threshold_values(decision["ruleset"])
    rows = []
    for item in decision["fired"]:
        rule = RULES_BY_ID[item["rule"]]
        rows.append(
            {
                "rule": rule.id,
                "text": rule.describe(values),
                "effect": EFFECT_WORDS[rule.effect],
                "priority": item["priority"],
                "reason": item["reason"],
                "sources": [SOURCES[key] for key in rule.sources],
            }
        )
    return rows


def referral_summary(case: Case) -> dict[str, Any]:
    submission = case.submission
    screening = submission.screening
    decision = case_decisions(case).first()
    return {
        "clinic": settings.CLINIC_NAME,
        "case": case,
        "patient": case.patient,
        "submission": submission,
        "age": submission.answers.get("age"),
        "screening": screening,
        "scores": score_bands(submission),
        "bmi": screening.decision["scores"].get("bmi"),
        "mean": (
            screening.decision["scores"].get("bp_systolic"),
            screening.decision["scores"].get("bp_diastolic"),
        ),
        "clinical": clinical_summary(submission),
        "fired": fired_in_words(screening.decision),
        "decision": decision,
    }
