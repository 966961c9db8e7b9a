"""The treatment settings a rule set holds: each with its default, its allowed range, its
safety floor (the end of the range an edit could make unsafe) and its source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final


@dataclass(frozen=True, slots=True)
class LimitSpec:
    name: str
    default: int
    low: int
    high: int
    label: str
    unit: str = ""
    used_by: str = ""
    source: str = ""
    # The side an edit could make unsafe: the range ends there, at the safety floor.
    floor_side: str = "high"

    @property
    def floor(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        if self.floor_side == "low":
            return f"never below {self.low}{unit}"
        return f"never above {self.high}{unit}"


LIMIT_SPECS: Final = (
    LimitSpec(
        "checkin_bp_elevated_systolic",
        140,
        120,
        140,
        "Pre-dose hold, raised reading and discharge limit, systolic",
        "mmHg",
        "pre-dose check, readings at home, discharge",
        "T2; never above the intake's at-home limit",
    ),
    LimitSpec(
        "checkin_bp_elevated_diastolic",
        90,
        80,
        90,
        "Pre-dose hold, raised reading and discharge limit, diastolic",
        "mmHg",
        "pre-dose check, readings at home, discharge",
        "T2; never above the intake's at-home limit",
    ),
    LimitSpec(
        "checkin_bp_crisis_systolic",
        180,
        160,
        180,
        "Crisis-level reading, systolic",
        "mmHg",
        "pre-dose check, readings at home, alerts",
        "T2",
    ),
    LimitSpec(
        "checkin_bp_crisis_diastolic",
        120,
        100,
        120,
        "Crisis-level reading, diastolic",
        "mmHg",
        "pre-dose check, readings at home, alerts",
        "T2",
    ),
    LimitSpec(
        "bp_low_systolic",
        90,
        90,
        100,
        "Low blood pressure: below this systolic",
        "mmHg",
        "pre-dose check, readings at home, alerts, discharge",
        "T4",
        floor_side="low",
    ),
    LimitSpec(
        "bp_low_diastolic",
        60,
        60,
        65,
        "Low blood pressure: below this diastolic",
        "mmHg",
        "pre-dose check, readings at home, alerts, discharge",
        "T4",
        floor_side="low",
    ),
    LimitSpec(
        "heart_rate_max",
        100,
        80,
        100,
        "Highest heart rate for a dose; raised after it at or above",
        "bpm",
        "pre-dose check, readings at home, discharge",
        "T5",
    ),
    LimitSpec(
        "heart_rate_min",
        50,
        50,
        60,
        "Slow heart rate: below this",
        "bpm",
        "pre-dose check, readings at home, alerts, discharge",
        "T3",
        floor_side="low",
    ),
    LimitSpec(
        "heart_rate_urgent",
        130,
        110,
        130,
        "After the dose, urgent at a heart rate at or above",
        "bpm",
        "readings at home, alerts",
        "T5",
    ),
    LimitSpec(
        "spo2_floor",
        90,
        90,
        95,
        "Lowest oxygen saturation",
        "%",
        "alerts, discharge",
        "T6",
        floor_side="low",
    ),
    LimitSpec(
        "moaas_alert_at_or_below",
        2,
        2,
        4,
        "Sedation alert at MOAA/S at or below",
        "",
        "alerts",
        "T6",
        floor_side="low",
    ),
    LimitSpec(
        "min_monitoring_minutes",
        120,
        120,
        240,
        "Minimum monitoring after the dose",
        "min",
        "discharge, last reading at home",
        "T1",
        floor_side="low",
    ),
    LimitSpec(
        "first_observation_minutes",
        40,
        20,
        40,
        "First observation after the dose",
        "min",
        "observation schedule, first reading at home",
        "T1",
    ),
    LimitSpec(
        "observation_interval_minutes",
        30,
        10,
        30,
        "Longest time between observations",
        "min",
        "observation schedule, discharge",
        "T1",
    ),
    LimitSpec(
        "observation_grace_minutes",
        5,
        0,
        10,
        "Observation counts as overdue after",
        "min",
        "observation schedule",
        "T1",
    ),
    LimitSpec(
        "repeat_reading_minutes",
        20,
        15,
        30,
        "A raised first reading at home is read again after",
        "min",
        "readings at home",
        "T1",
    ),
    LimitSpec(
        "missed_reading_grace_minutes",
        10,
        5,
        10,
        "A reading at home not sent this long after it is due opens an urgent task",
        "min",
        "missed readings",
        "T7",
    ),
    LimitSpec(
        "missed_reading_escalate_minutes",
        30,
        10,
        30,
        "An urgent task of a missed reading, unanswered, escalates after",
        "min",
        "missed readings",
        "T7",
    ),
    LimitSpec(
        "mood_flag_at_or_below",
        2,
        2,
        5,
        "Check-in mood flagged to clinicians at or below (0-10)",
        "",
        "check-in mood flag",
        "T8",
        floor_side="low",
    ),
    LimitSpec(
        "mood_drop_flag",
        4,
        2,
        4,
        "Check-in mood flagged when this many points below the last check-in",
        "",
        "check-in mood flag",
        "T8",
    ),
    LimitSpec(
        "new_ssri_snri_goes",
        1,
        0,
        1,
        "A new SSRI or SNRI since the last session lets a check-in go (1) or holds (0)",
        "",
        "pre-dose check",
        "T1; no other class can let a check-in go",
    ),
)
LIMIT_SPECS_BY_NAME: Final = {spec.name: spec for spec in LIMIT_SPECS}
# Settings no longer used: a rule set or a check stored with them still reads.
RETIRED_LIMITS: Final = frozenset({"baseline_margin_systolic", "baseline_margin_diastolic"})
# The medicine classes a setting may let through a check-in, and the setting of each.
BENIGN_CLASS_SETTINGS: Final = {"ssri_snri": "new_ssri_snri_goes"}

# Each pair must stay strictly increasing: (lower, higher).
LIMIT_ORDERINGS: Final = (
    ("checkin_bp_elevated_systolic", "checkin_bp_crisis_systolic"),
    ("checkin_bp_elevated_diastolic", "checkin_bp_crisis_diastolic"),
    ("bp_low_systolic", "checkin_bp_elevated_systolic"),
    ("bp_low_diastolic", "checkin_bp_elevated_diastolic"),
    ("heart_rate_min", "heart_rate_max"),
    ("heart_rate_max", "heart_rate_urgent"),
)
