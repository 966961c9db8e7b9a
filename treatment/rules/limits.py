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


# The sources the treatment settings and checks cite (docs/clinical-rules.md lists them).
TREATMENT_SOURCES: Final = {
    "T1": "Esketamine (Spravato) prescribing information and REMS: assess blood pressure before "
    "each dose; monitor for at least 2 hours; re-measure blood pressure as warranted until "
    "values decline; sedation, dissociation and respiratory depression; no driving or "
    "machinery until the next day after a restful sleep; avoid food for 2 hours and liquids "
    "for 30 minutes before a dose.",
    "T2": "ACC/AHA 2017 blood pressure guideline: stage 2 hypertension at or above 140/90 mmHg; "
    "hypertensive crisis above 180/120 mmHg.",
    "T3": "ACC/AHA/HRS 2018 bradycardia guideline: sinus bradycardia is a heart rate below "
    "50 beats per minute.",
    "T4": "Hypotension: a systolic pressure below 90 mmHg or a diastolic below 60 mmHg.",
    "T5": "Tachycardia is a heart rate above 100 beats per minute; after a dose, a rate at or "
    "above 130 needs a clinician at once (programme policy).",
    "T6": "Oxygen saturation below 90% and a MOAA/S of 2 or less (responds only to mild "
    "prodding or shaking) call for immediate assessment.",
    "T7": "At-home programme policies: a sober adult physically present for the whole of "
    "every at-home session, at the address on file; a clinician reachable, and escalation "
    "when the patient stops answering.",
    "T8": "PHQ-9 and mood: PHQ-9 item 9 of 1 or more is suicidal ideation, 2 or more calls for "
    "crisis resources, as at intake.",
}


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


def describe_limits(limits: Limits) -> list[str]:
    """The treatment settings in plain words, for the clinical lead's sign-off."""
    v = limits
    benign = " and ".join(sorted(v.benign_classes)) or "none"
    return [
        f"Pre-dose check: hold when the mean blood pressure is at or above "
        f"{v.checkin_bp_elevated_systolic}/{v.checkin_bp_elevated_diastolic} mmHg or below "
        f"{v.bp_low_systolic}/{v.bp_low_diastolic} mmHg, or the mean heart rate is above "
        f"{v.heart_rate_max} or below {v.heart_rate_min} bpm; call when any reading is at or "
        f"above {v.checkin_bp_crisis_systolic}/{v.checkin_bp_crisis_diastolic} mmHg",
        f"Pre-dose check: a new medicine since the last session holds, except these classes: "
        f"{benign}; a mood of {v.mood_flag_at_or_below} or less, or {v.mood_drop_flag} points "
        "below the last check-in, is flagged to clinicians",
        f"Readings at home: at {v.first_observation_minutes} and {v.min_monitoring_minutes} "
        f"minutes after the dose; a raised first reading is read again after "
        f"{v.repeat_reading_minutes} minutes; a heart rate at or above {v.heart_rate_urgent} "
        f"bpm is urgent; a reading not sent {v.missed_reading_grace_minutes} minutes after it "
        f"is due opens an urgent task, escalated after {v.missed_reading_escalate_minutes} "
        "minutes without an answer",
        f"Observations: first at {v.first_observation_minutes} minutes after the dose, then at "
        f"least every {v.observation_interval_minutes} minutes; overdue "
        f"{v.observation_grace_minutes} minutes after they fall due",
        f"Urgent alert: SpO2 below {v.spo2_floor}%, MOAA/S at or below "
        f"{v.moaas_alert_at_or_below}, a blood pressure at or above "
        f"{v.checkin_bp_crisis_systolic}/{v.checkin_bp_crisis_diastolic} mmHg or below "
        f"{v.bp_low_systolic}/{v.bp_low_diastolic} mmHg, or a heart rate at or above "
        f"{v.heart_rate_urgent} or below {v.heart_rate_min} bpm",
        f"Settled (ready to leave the clinic; the last reading at home): at least "
        f"{v.min_monitoring_minutes} minutes after the dose; blood pressure below "
        f"{v.checkin_bp_elevated_systolic}/{v.checkin_bp_elevated_diastolic} mmHg and not "
        f"below {v.bp_low_systolic}/{v.bp_low_diastolic} mmHg; heart rate from "
        f"{v.heart_rate_min} to below {v.heart_rate_max} bpm; in the clinic also MOAA/S 5, no "
        f"dissociation, SpO2 at or above {v.spo2_floor}% and the escort present",
    ]


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
