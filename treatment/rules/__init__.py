"""The treatment check rules: answers, readings and limits in, a decision out.

Pure Python over plain data, importing nothing from Django (only the standard
library and the screening engine's vocabulary), so it is fast, deterministic
and tested without a database. The at-home check-in and the in-clinic session
share the pre-dose check.
"""

from .hours import deadline_in_opening_hours
from .limits import (
    DEFAULT_LIMITS,
    LIMIT_ORDERINGS,
    LIMIT_SPECS,
    LIMIT_SPECS_BY_NAME,
    Limits,
    LimitSpec,
    describe_limits,
    limits_from_mapping,
)
from .monitoring import (
    Alert,
    Baseline,
    NextObservation,
    Observation,
    Readiness,
    discharge_readiness,
    next_observation,
    observation_alerts,
)
from .predose import (
    PLAIN_OUTCOME,
    PreDoseAnswers,
    PreDoseResult,
    Reading,
    Reason,
    check_pre_dose,
)
from .vocab import MOAAS_AWAKE, MOAAS_SCALE, Dissociation, Outcome, Setting

__all__ = [
    "DEFAULT_LIMITS",
    "LIMIT_ORDERINGS",
    "LIMIT_SPECS",
    "LIMIT_SPECS_BY_NAME",
    "MOAAS_AWAKE",
    "MOAAS_SCALE",
    "PLAIN_OUTCOME",
    "Alert",
    "Baseline",
    "Dissociation",
    "LimitSpec",
    "Limits",
    "NextObservation",
    "Observation",
    "Outcome",
    "PreDoseAnswers",
    "PreDoseResult",
    "Readiness",
    "Reading",
    "Reason",
    "Setting",
    "check_pre_dose",
    "deadline_in_opening_hours",
    "describe_limits",
    "discharge_readiness",
    "limits_from_mapping",
    "next_observation",
    "observation_alerts",
]
