"""The treatment check rules: answers, readings and limits in, a decision out.

Pure Python over plain data, importing nothing from Django (only the standard
library and the screening engine's vocabulary), so it is fast, deterministic
and tested without a database. The at-home check-in and the in-clinic session
share the pre-dose check; at home, two timed readings follow the dose, and PHQ-9
and GAD-7 are measured against the intake's baseline.
"""

from .home import (
    PLAIN_READING,
    PLAIN_SIDE_EFFECTS,
    SIDE_EFFECT_LABELS,
    HomeReading,
    Level,
    ReadingResult,
    Severity,
    SideEffect,
    Slot,
    SlotTimes,
    after_dose_reading,
    is_adverse_event,
    slot_times,
)
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
from .measures import (
    MEASURED_SESSIONS,
    DueMeasure,
    Marks,
    MeasureAlert,
    MeasureResult,
    Scores,
    check_measures,
    marks,
    measures_due,
    scores_of,
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
    "MEASURED_SESSIONS",
    "MOAAS_AWAKE",
    "MOAAS_SCALE",
    "PLAIN_OUTCOME",
    "PLAIN_READING",
    "PLAIN_SIDE_EFFECTS",
    "SIDE_EFFECT_LABELS",
    "Alert",
    "Baseline",
    "Dissociation",
    "DueMeasure",
    "HomeReading",
    "Level",
    "LimitSpec",
    "Limits",
    "Marks",
    "MeasureAlert",
    "MeasureResult",
    "NextObservation",
    "Observation",
    "Outcome",
    "PreDoseAnswers",
    "PreDoseResult",
    "Readiness",
    "Reading",
    "ReadingResult",
    "Reason",
    "Scores",
    "Setting",
    "Severity",
    "SideEffect",
    "Slot",
    "SlotTimes",
    "after_dose_reading",
    "check_measures",
    "check_pre_dose",
    "deadline_in_opening_hours",
    "describe_limits",
    "discharge_readiness",
    "is_adverse_event",
    "limits_from_mapping",
    "marks",
    "measures_due",
    "next_observation",
    "observation_alerts",
    "scores_of",
    "slot_times",
]
