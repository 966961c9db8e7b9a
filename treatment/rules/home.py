"""At home after the dose: the two timed readings and the side effects the patient reports.

The readings are due at the first observation time (about 40 minutes) and at the
minimum monitoring time (about 2 hours) after the dose. Ketamine raises blood
pressure for a while: a raised reading at 40 minutes is expected, but a
crisis-level reading at any time, or one still raised at 2 hours, opens an
urgent task and tells the patient what to do.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final, NamedTuple

from .limits import Limits


class Slot(StrEnum):
    """Which after-dose reading: about 40 minutes, or about 2 hours after the dose."""

    FIRST = "first"
    LAST = "last"


class Level(StrEnum):
    """What one after-dose reading means, mildest first."""

    SETTLED = "settled"
    RAISED = "raised"  # raised at the first reading: expected, rest and read again
    STILL_RAISED = "still_raised"  # raised at the last reading: urgent task
    CRISIS = "crisis"  # crisis level at any reading: urgent task

    @property
    def urgent(self) -> bool:
        return self in (Level.STILL_RAISED, Level.CRISIS)


class HomeReading(NamedTuple):
    systolic: int
    diastolic: int
    heart_rate: int


class ReadingResult(NamedTuple):
    level: Level
    text: str  # for clinicians
    plain: str  # for the patient: what to do now


class SlotTimes(NamedTuple):
    due_at: datetime
    opens_at: datetime  # a reading may be taken from a few minutes before it is due
    overdue_at: datetime


EMERGENCY_SIGNS: Final = (
    "chest pain, a severe headache, trouble breathing, weakness or numbness, confusion or "
    "trouble speaking"
)
PLAIN_READING: Final = {
    Level.SETTLED: "Thank you. This reading is in the expected range.",
    Level.RAISED: "Your blood pressure is raised. This is common in the first hour after a dose. "
    "Stay sitting or lying down with your support person, and take your next reading when it "
    "is due.",
    Level.STILL_RAISED: "Your reading is still higher than it should be two hours after your "
    "dose. Stay resting with your support person, do not drive and do not take any more "
    f"medicine. The clinic has been told and will call you soon. Call 911 at once if you "
    f"have {EMERGENCY_SIGNS}.",
    Level.CRISIS: "Your blood pressure is very high. Call 911 now if you have "
    f"{EMERGENCY_SIGNS}. Otherwise call the clinic now, stay sitting with your support person "
    "and do not take any more medicine. The clinic has been told.",
}


def slot_minutes(slot: Slot, limits: Limits) -> int:
    """When each reading is due, in minutes after the dose."""
    if slot is Slot.FIRST:
        return limits.first_observation_minutes
    return limits.min_monitoring_minutes


def slot_times(dosed_at: datetime, slot: Slot, limits: Limits) -> SlotTimes:
    due = dosed_at + timedelta(minutes=slot_minutes(slot, limits))
    grace = timedelta(minutes=limits.observation_grace_minutes)
    return SlotTimes(due, due - grace, due + grace)


def _raised(reading: HomeReading, limits: Limits) -> list[str]:
    found = []
    if (
        reading.systolic >= limits.checkin_bp_elevated_systolic
        or reading.diastolic >= limits.checkin_bp_elevated_diastolic
    ):
        found.append(
            f"blood pressure {reading.systolic}/{reading.diastolic} mmHg is at or above "
            f"{limits.checkin_bp_elevated_systolic}/{limits.checkin_bp_elevated_diastolic}"
        )
    if reading.heart_rate > limits.heart_rate_max:
        found.append(f"heart rate {reading.heart_rate} bpm is above {limits.heart_rate_max}")
    return found


def after_dose_reading(slot: Slot, reading: HomeReading, limits: Limits) -> ReadingResult:
    """The level of one after-dose reading, in words for the clinician and for the patient."""
    if (
        reading.systolic >= limits.checkin_bp_crisis_systolic
        or reading.diastolic >= limits.checkin_bp_crisis_diastolic
    ):
        text = (
            f"blood pressure {reading.systolic}/{reading.diastolic} mmHg is at or above the "
            f"crisis level {limits.checkin_bp_crisis_systolic}/"
            f"{limits.checkin_bp_crisis_diastolic}"
        )
        return ReadingResult(Level.CRISIS, text, PLAIN_READING[Level.CRISIS])
    raised = _raised(reading, limits)
    if not raised:
        return ReadingResult(Level.SETTLED, "", PLAIN_READING[Level.SETTLED])
    if slot is Slot.LAST:
        text = "still raised at the last reading: " + "; ".join(raised)
        return ReadingResult(Level.STILL_RAISED, text, PLAIN_READING[Level.STILL_RAISED])
    return ReadingResult(Level.RAISED, "; ".join(raised), PLAIN_READING[Level.RAISED])


class SideEffect(StrEnum):
    NAUSEA = "nausea"
    VOMITING = "vomiting"
    DISSOCIATION = "dissociation"  # dissociation that has not passed
    BLADDER_PAIN = "bladder_pain"
    CONFUSION = "confusion"
    OTHER = "other"


class Severity(StrEnum):
    MILD = "mild"
    MODERATE = "moderate"
    SEVERE = "severe"


SIDE_EFFECT_LABELS: Final = {
    SideEffect.NAUSEA: "Feeling sick (nausea)",
    SideEffect.VOMITING: "Being sick (vomiting)",
    SideEffect.DISSOCIATION: "Feeling detached or unreal, and it has not passed",
    SideEffect.BLADDER_PAIN: "Pain in the bladder, or when passing urine",
    SideEffect.CONFUSION: "Confusion",
    SideEffect.OTHER: "Something else",
}


def is_adverse_event(severity: Severity) -> bool:
    """A severe side effect is an adverse event: shown to clinicians, with an urgent task."""
    return severity is Severity.SEVERE


PLAIN_SIDE_EFFECTS: Final = {
    False: "Thank you. Your clinic will see what you reported. Rest with your support person; "
    "call the clinic if anything gets worse.",
    True: "You reported a severe side effect. Please call the clinic now; the clinic has been "
    f"told. Call 911 at once if you have {EMERGENCY_SIGNS}, or if you cannot stay awake.",
}
