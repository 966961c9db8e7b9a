"""The treatment settings of a rule set: defaults, allowed ranges and orderings.

Each range is bounded on the unsafe side by the label's floor: no value an admin
can choose makes a pre-dose check say "go", a reading at home "settled", or a
patient "ready to leave", when the defaults would call the same readings unsafe
by the label's standard (SpO2 below 90%, fewer than 120 minutes, observations
further apart than 30 minutes, a blood pressure at or above 140/90 or below
90/60, a heart rate below 50 or, after the dose, at or above 130).

The pre-dose hold at home never lies above the intake's at-home limit: its range
ends at 140/90 (the intake's own floor), and `limits_within_intake` refuses a
value above the same rule set's at-home limit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Final

from screening.rules.errors import FieldError, InvalidThresholds

from .settings import (
    BENIGN_CLASS_SETTINGS,
    LIMIT_ORDERINGS,
    LIMIT_SPECS,
    LIMIT_SPECS_BY_NAME,
    RETIRED_LIMITS,
)


@dataclass(frozen=True, slots=True)
class Limits:
    """The treatment settings one check was made with."""

    checkin_bp_elevated_systolic: int = 140
    checkin_bp_elevated_diastolic: int = 90
    checkin_bp_crisis_systolic: int = 180
    checkin_bp_crisis_diastolic: int = 120
    bp_low_systolic: int = 90
    bp_low_diastolic: int = 60
    heart_rate_max: int = 100
    heart_rate_min: int = 50
    heart_rate_urgent: int = 130
    spo2_floor: int = 90
    moaas_alert_at_or_below: int = 2
    min_monitoring_minutes: int = 120
    first_observation_minutes: int = 40
    observation_interval_minutes: int = 30
    observation_grace_minutes: int = 5
    repeat_reading_minutes: int = 20
    missed_reading_grace_minutes: int = 10
    missed_reading_escalate_minutes: int = 30
    mood_flag_at_or_below: int = 2
    mood_drop_flag: int = 4
    new_ssri_snri_goes: int = 1

    def values(self) -> dict[str, int]:
        return {spec.name: getattr(self, spec.name) for spec in LIMIT_SPECS}

    @property
    def benign_classes(self) -> frozenset[str]:
        """The new medicine classes that let a check-in go."""
        return frozenset(
            name for name, setting in BENIGN_CLASS_SETTINGS.items() if getattr(self, setting)
        )

    def low(self, systolic: int, diastolic: int) -> bool:
        return systolic < self.bp_low_systolic or diastolic < self.bp_low_diastolic

    def elevated(self, systolic: int, diastolic: int) -> bool:
        return (
            systolic >= self.checkin_bp_elevated_systolic
            or diastolic >= self.checkin_bp_elevated_diastolic
        )

    def crisis(self, systolic: int, diastolic: int) -> bool:
        return (
            systolic >= self.checkin_bp_crisis_systolic
            or diastolic >= self.checkin_bp_crisis_diastolic
        )


DEFAULT_LIMITS: Final = Limits()
_FIELDS: Final = frozenset(f.name for f in fields(Limits))


def limits_from_mapping(values: Mapping[str, object]) -> Limits:
    """Validate any subset of the treatment settings; the rest keep their defaults.

    A rule set stored before these settings existed holds none of them and so
    gets the defaults; retired settings are ignored. Raises InvalidThresholds
    naming each field at fault.
    """
    values = {name: value for name, value in values.items() if name not in RETIRED_LIMITS}
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


def limits_as_kept(values: Mapping[str, object]) -> Limits:
    """The limits a past check was made with, as it kept them: never re-validated.

    A check keeps its limits for good; a later change of ranges must not make it
    unreadable. Settings it did not know take their defaults; retired ones are ignored.
    """
    kept = {name: value for name, value in values.items() if name in _FIELDS and type(value) is int}
    return Limits(**{**DEFAULT_LIMITS.values(), **kept})


def limits_within_intake(
    limits: Limits, *, systolic: int, diastolic: int, set_now: frozenset[str] = frozenset()
) -> tuple[Limits, list[FieldError]]:
    """The pre-dose hold never lies above the intake's at-home limit of the same rule set.

    A hold the admin sets above it (`set_now`) is refused, naming the field; one left as
    it was comes down with the intake's limit (the change shows in the draft's diff).
    """
    errors = []
    lowered = limits
    for name, intake in (
        ("checkin_bp_elevated_systolic", systolic),
        ("checkin_bp_elevated_diastolic", diastolic),
    ):
        if getattr(limits, name) <= intake:
            continue
        if name not in set_now:
            lowered = replace(lowered, **{name: intake})
        else:
            errors.append(
                FieldError(
                    name,
                    f"{getattr(limits, name)} is above the intake's at-home limit ({intake}): "
                    "a dose at home may never be given at a blood pressure the intake would "
                    "keep in the clinic",
                )
            )
    return lowered, errors


def settled_vitals(systolic: int, diastolic: int, heart_rate: int, limits: Limits) -> list[str]:
    """What keeps one reading from being settled, in words: empty when it is.

    One definition for both settings: blood pressure below the elevated limits
    and not low, heart rate from the lower limit to below the upper one.
    """
    unmet = []
    if limits.elevated(systolic, diastolic):
        unmet.append(
            f"blood pressure {systolic}/{diastolic} mmHg is at or above "
            f"{limits.checkin_bp_elevated_systolic}/{limits.checkin_bp_elevated_diastolic}"
        )
    if limits.low(systolic, diastolic):
        unmet.append(
            f"blood pressure {systolic}/{diastolic} mmHg is below "
            f"{limits.bp_low_systolic}/{limits.bp_low_diastolic}"
        )
    if heart_rate >= limits.heart_rate_max:
        unmet.append(f"heart rate {heart_rate} bpm is at or above {limits.heart_rate_max}")
    if heart_rate < limits.heart_rate_min:
        unmet.append(f"heart rate {heart_rate} bpm is below {limits.heart_rate_min}")
    return unmet
