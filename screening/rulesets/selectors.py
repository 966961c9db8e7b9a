"""Reads of rule sets: the published one, its thresholds."""

from __future__ import annotations

from screening.rules import (
    Thresholds,
    thresholds_from_mapping,
)
from screening.rulesets.models import RuleSet
from screening.rulesets.published import published_thresholds


def published_ruleset() -> RuleSet | None:
    return RuleSet.objects.filter(status=RuleSet.Status.PUBLISHED).first()


def thresholds_of(ruleset: RuleSet) -> Thresholds:
    return thresholds_from_mapping(
        {**ruleset.thresholds, "disabled_rules": list(ruleset.disabled_rules)},
        ruleset=ruleset.name,
    )


def active_thresholds() -> Thresholds:
    """The thresholds new screenings use: the published rule set, or the contract's defaults."""
    return published_thresholds()
