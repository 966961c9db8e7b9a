"""The treatment settings of a rule set: defaults, allowed ranges and orderings.

Each range is bounded on the unsafe side by the label's floor: no value an admin
can choose makes a pre-dose check say "go", or a patient "ready to leave", when
the defaults would call the same readings unsafe by the label's standard (SpO2
below 90%, fewer than 120 minutes, observations further apart than 30 minutes).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from screening.rules.errors import FieldError, InvalidThresholds


@dataclass(frozen=True, slots=True)
class LimitSpec:
    name: str
    default: int
    low: int
    high: int
    label: str
    unit: str = ""
    used_by: str = ""


LIMIT_SPECS: Final = (
    LimitSpec(
        "checkin_bp_elevated_systolic",
        140,
        120,
        160,
        "Pre-dose hold and discharge limit, systolic",
        "mmHg",
        "pre-dose check, discharge",
    ),
    LimitSpec(
        "checkin_bp_elevated_diastolic",
        90,
        80,
        100,
        "Pre-dose hold and discharge limit, diastolic",
        "mmHg",
        "pre-dose check, discharge",
    ),
    LimitSpec(
        "checkin_bp_crisis_systolic",
        180,
        160,
        180,
        "Crisis-level reading, systolic",
        "mmHg",
        "pre-dose check, alerts",
    ),
    LimitSpec(
        "checkin_bp_crisis_diastolic",
        120,
        100,
        120,
        "Crisis-level reading, diastolic",
        "mmHg",
        "pre-dose check, alerts",
    ),
    LimitSpec(
        "heart_rate_max", 100, 80, 100, "Highest heart rate for a dose", "bpm", "pre-dose check"
    ),
    LimitSpec("spo2_floor", 90, 90, 95, "Lowest oxygen saturation", "%", "alerts, discharge"),
    LimitSpec(
        "moaas_alert_at_or_below", 2, 2, 4, "Sedation alert at MOAA/S at or below", "", "alerts"
    ),
    LimitSpec(
        "min_monitoring_minutes",
        120,
        120,
        240,
        "Minimum monitoring after the dose",
        "min",
        "discharge",
    ),
    LimitSpec(
        "first_observation_minutes",
        40,
        20,
        40,
        "First observation after the dose",
        "min",
        "observation schedule",
    ),
    LimitSpec(
        "observation_interval_minutes",
        30,
        10,
        30,
        "Longest time between observations",
        "min",
        "observation schedule, discharge",
    ),
    LimitSpec(
        "observation_grace_minutes",
        5,
        0,
        10,
        "Observation counts as overdue after",
        "min",
        "observation schedule",
    ),
    LimitSpec(
        "baseline_margin_systolic",
        10,
        0,
        20,
        "Discharge margin over the pre-dose baseline, systolic",
        "mmHg",
        "discharge",
    ),
    LimitSpec(
        "baseline_margin_diastolic",
        10,
        0,
        15,
        "Discharge margin over the pre-dose baseline, diastolic",
        "mmHg",
        "discharge",
    ),
)
LIMIT_SPECS_BY_NAME: Final = {spec.name: spec for spec in LIMIT_SPECS}

# Each pair must stay strictly increasing: (lower, higher).
LIMIT_ORDERINGS: Final = (
    ("checkin_bp_elevated_systolic", "checkin_bp_crisis_systolic"),
    ("checkin_bp_elevated_diastolic", "checkin_bp_crisis_diastolic"),
)


@dataclass(frozen=True, slots=True)
class Limits:
    """The treatment settings one check was made with."""

    checkin_bp_elevated_systolic: int = 140
    checkin_bp_elevated_diastolic: int = 90
    checkin_bp_crisis_systolic: int = 180
    checkin_bp_crisis_diastolic: int = 120
    heart_rate_max: int = 100
    spo2_floor: int = 90
    moaas_alert_at_or_below: int = 2
    min_monitoring_minutes: int = 120
    first_observation_minutes: int = 40
    observation_interval_minutes: int = 30
    observation_grace_minutes: int = 5
    baseline_margin_systolic: int = 10
    baseline_margin_diastolic: int = 10

    def values(self) -> dict[str, int]:
        return {spec.name: getattr(self, spec.name) for spec in LIMIT_SPECS}


DEFAULT_LIMITS: Final = Limits()


def limits_from_mapping(values: Mapping[str, object]) -> Limits:
    """Validate any subset of the treatment settings; the rest keep their defaults.

    A rule set stored before these settings existed holds none of them and so
    gets the defaults. Raises InvalidThresholds naming each field at fault.
    """
    errors: list[FieldError] = []
    for name, value in values.items():
        spec = LIMIT_SPECS_BY_NAME.get(name)
        if spec is None:
            errors.append(FieldError(name, "is not a treatment setting"))
        elif type(value) is not int:
            errors.append(FieldError(name, f"expected a whole number, got {value!r}"))
        elif not spec.low <= value <= spec.high:
            unit = f" {spec.unit}" if spec.unit else ""
            errors.append(
                FieldError(
                    name, f"{value} is outside the allowed range {spec.low}-{spec.high}{unit}"
                )
            )
    if errors:
        raise InvalidThresholds(errors)
    merged: dict[str, int] = {**DEFAULT_LIMITS.values(), **values}  # type: ignore[dict-item]
    for lower, higher in LIMIT_ORDERINGS:
        if merged[lower] >= merged[higher]:
            at_fault = higher if higher in values and lower not in values else lower
            errors.append(
                FieldError(
                    at_fault, f"{lower} ({merged[lower]}) must be below {higher} ({merged[higher]})"
                )
            )
    if errors:
        raise InvalidThresholds(errors)
    return Limits(**merged)


def describe_limits(limits: Limits) -> list[str]:
    """The treatment settings in plain words, for the clinical lead's sign-off."""
    v = limits
    return [
        f"Pre-dose check: hold when the mean blood pressure is at or above "
        f"{v.checkin_bp_elevated_systolic}/{v.checkin_bp_elevated_diastolic} mmHg or the heart "
        f"rate is above {v.heart_rate_max} bpm; call when any reading is at or above "
        f"{v.checkin_bp_crisis_systolic}/{v.checkin_bp_crisis_diastolic} mmHg",
        f"Observations: first at {v.first_observation_minutes} minutes after the dose, then at "
        f"least every {v.observation_interval_minutes} minutes; overdue "
        f"{v.observation_grace_minutes} minutes after they fall due",
        f"Urgent alert: SpO2 below {v.spo2_floor}%, MOAA/S at or below "
        f"{v.moaas_alert_at_or_below}, or a blood pressure at or above "
        f"{v.checkin_bp_crisis_systolic}/{v.checkin_bp_crisis_diastolic} mmHg",
        f"Ready to leave: at least {v.min_monitoring_minutes} minutes after the dose; last "
        f"blood pressure below {v.checkin_bp_elevated_systolic}/"
        f"{v.checkin_bp_elevated_diastolic} mmHg or within {v.baseline_margin_systolic}/"
        f"{v.baseline_margin_diastolic} mmHg of the pre-dose baseline; MOAA/S 5; no "
        f"dissociation; SpO2 at or above {v.spo2_floor}%; escort present",
    ]
