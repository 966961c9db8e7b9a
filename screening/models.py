"""The screening app's models, each defined in its capability's package (Django finds
them here). Code imports them from those packages, never from this module."""

from screening.audit.models import AuditEntry
from screening.results.models import ScreeningResult
from screening.review.models import (
    Case,
    CaseDecision,
    ClinicianNotification,
    DigestSent,
    UrgentDraftContact,
)
from screening.rulesets.models import GoldenCase, RuleSet, RuleSetEvent

__all__ = [
    "AuditEntry",
    "Case",
    "CaseDecision",
    "ClinicianNotification",
    "DigestSent",
    "GoldenCase",
    "RuleSet",
    "RuleSetEvent",
    "ScreeningResult",
    "UrgentDraftContact",
]
