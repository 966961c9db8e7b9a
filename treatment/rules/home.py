"""At home after the dose: the timed readings and the side effects the patient reports.

The readings are due at the first observation time (about 40 minutes) and at the
minimum monitoring time (about 2 hours) after the dose; a raised first reading
is read again after `repeat_reading_minutes` (the label: re-measure "as warranted
until values decline"). At each reading the support person also says whether the
patient wakes easily and breathes normally. Ketamine raises blood pressure and
heart rate for a while: a raised first reading is expected, but a crisis-level,
low or very fast reading, a patient hard to wake or breathing abnormally, or a
reading still raised when read again, opens an urgent task and tells the patient
what to do now. At home nobody from the clinic is in the room: a reading that
never comes is itself urgent (`missed_slots`).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Final, NamedTuple

from .limits import Limits


class Slot(StrEnum):
    """Which after-dose reading: about 40 minutes, its repeat, or about 2 hours."""

    FIRST = "first"
    REPEAT = "repeat"  # only after a raised first reading
    LAST = "last"


class Level(StrEnum):
    """What one after-dose reading means, mildest first."""

    SETTLED = "settled"
    RAISED = "raised"  # raised at the first reading: expected, rest and read again soon
    STILL_RAISED = "still_raised"  # raised on the repeat or at the last reading: urgent
    FAST_HEART = "fast_heart"  # heart rate at or above the urgent limit: urgent
    LOW = "low"  # low blood pressure or a slow heart: urgent
    CRISIS = "crisis"  # crisis-level blood pressure: urgent
    SEDATION = "sedation"  # hard to wake, or breathing not normal (or not sure): 911 first

    @property
    def urgent(self) -> bool:
        return self not in (Level.SETTLED, Level.RAISED)

    @property
    def rank(self) -> int:
        return list(Level).index(self)


YES: Final = "yes"


class HomeReading(NamedTuple):
    systolic: int
    diastolic: int
    heart_rate: int
    # The support person's answers: yes, no or unsure; None is "not answered".
    wakes_easily: str | None = None
    breathing_normal: str | None = None


class ReadingResult(NamedTuple):
    level: Level
    text: str  # for clinicians
    plain: str  # for the patient and the support person: what to do now


class SlotTimes(NamedTuple):
    due_at: datetime
    opens_at: datetime  # a reading may be taken from a few minutes before it is due
    overdue_at: datetime  # shown as overdue
    missed_at: datetime  # not sent by then: an urgent task


EMERGENCY_SIGNS: Final = (
    "chest pain, a severe headache, trouble breathing, weakness or numbness, confusion or "
    "trouble speaking"
)
SEDATION_PLAIN: Final = (
    "Call 911 now. Someone who cannot be woken easily, or whose breathing is slow, shallow "
    "or noisy, needs help at once. Lay them on their side, stay with them and do not give "
    "them anything to eat, drink or take. Then call the clinic. The clinic has been told."
)
SETTLED_PLAIN: Final = "Thank you. This reading is in the expected range."


def _what(bp: bool, heart: bool) -> tuple[str, str]:
    """What is out, in the patient's words, and its verb."""
    if bp and heart:
        return "blood pressure and heart rate", "are"
    if heart:
        return "heart rate", "is"
    return "blood pressure", "is"


def _plain(level: Level, bp: bool, heart: bool, repeat_minutes: int) -> str:
    what, verb = _what(bp, heart)
    it = "they" if verb == "are" else "it"
    if level is Level.SEDATION:
        return SEDATION_PLAIN
    if level is Level.CRISIS:
        return (
            f"Your blood pressure is very high. Call 911 now if you have {EMERGENCY_SIGNS}. "
            "Otherwise call the clinic now, stay sitting with your support person and do not "
            "take any more medicine. The clinic has been told."
        )
    if level is Level.LOW:
        low = {
            ("blood pressure", "is"): "Your blood pressure is low",
            ("heart rate", "is"): "Your heart rate is slow",
        }.get((what, verb), "Your blood pressure is low and your heart rate is slow")
        return (
            f"{low}. Lie down now and stay lying down; your support person stays with you. "
            "Call the clinic now. Call 911 at once if you faint, have chest pain or have "
            "trouble breathing. Do not take any more medicine. The clinic has been told."
        )
    if level is Level.FAST_HEART:
        return (
            "Your heart rate is very fast. Call the clinic now and stay sitting or lying down "
            "with your support person. Call 911 at once if you faint, have chest pain or have "
            "trouble breathing. Do not take any more medicine. The clinic has been told."
        )
    if level is Level.STILL_RAISED:
        return (
            f"Your {what} {verb} still higher than {it} should be. Stay resting with your "
            "support person, do not drive and do not take any more medicine. The clinic has "
            f"been told and will call you soon. Call 911 at once if you have {EMERGENCY_SIGNS}."
        )
    if level is Level.RAISED:
        return (
            f"Your {what} {verb} raised. This is common in the first hour after a dose. Stay "
            "sitting or lying down with your support person, and take another reading in "
            f"{repeat_minutes} minutes."
        )
    return SETTLED_PLAIN


def after_dose_reading(slot: Slot, reading: HomeReading, limits: Limits) -> ReadingResult:
    """The level of one after-dose reading, in words for the clinician and for the patient.

    The strongest finding decides; the clinician's text lists every one. An answer
    other than "yes" to either support-person question (none included) is urgent.
    """
    s, d, hr = reading.systolic, reading.diastolic, reading.heart_rate
    found: list[tuple[Level, str]] = []
    for answer, question in (
        (reading.wakes_easily, "wakes easily and answers"),
        (reading.breathing_normal, "breathing normal"),
    ):
        if answer != YES:
            found.append((Level.SEDATION, f"{question}: {answer or 'not answered'}"))
    if limits.crisis(s, d):
        found.append(
            (
                Level.CRISIS,
                f"blood pressure {s}/{d} mmHg is at or above the crisis level "
                f"{limits.checkin_bp_crisis_systolic}/{limits.checkin_bp_crisis_diastolic}",
            )
        )
    low_bp, slow = limits.low(s, d), hr < limits.heart_rate_min
    if low_bp:
        found.append(
            (
                Level.LOW,
                f"blood pressure {s}/{d} mmHg is below "
                f"{limits.bp_low_systolic}/{limits.bp_low_diastolic}",
            )
        )
    if slow:
        found.append((Level.LOW, f"heart rate {hr} bpm is below {limits.heart_rate_min}"))
    fast = hr >= limits.heart_rate_urgent
    if fast:
        found.append(
            (Level.FAST_HEART, f"heart rate {hr} bpm is at or above {limits.heart_rate_urgent}")
        )
    raised_bp = limits.elevated(s, d) and not limits.crisis(s, d)
    raised_heart = limits.heart_rate_max <= hr < limits.heart_rate_urgent
    raised = Level.RAISED if slot is Slot.FIRST else Level.STILL_RAISED
    if raised_bp:
        found.append(
            (
                raised,
                f"blood pressure {s}/{d} mmHg is at or above "
                f"{limits.checkin_bp_elevated_systolic}/{limits.checkin_bp_elevated_diastolic}",
            )
        )
    if raised_heart:
        found.append((raised, f"heart rate {hr} bpm is at or above {limits.heart_rate_max}"))
    if not found:
        return ReadingResult(Level.SETTLED, "", SETTLED_PLAIN)
    level = max((lvl for lvl, _ in found), key=lambda lvl: lvl.rank)
    if level is Level.LOW:
        bp_out, heart_out = low_bp, slow
    elif level is Level.FAST_HEART:
        bp_out, heart_out = False, True
    else:
        bp_out, heart_out = raised_bp or limits.crisis(s, d), raised_heart
    text = "; ".join(t for _, t in sorted(found, key=lambda f: -f[0].rank))
    if level is Level.STILL_RAISED:
        text = f"still raised at the {slot.value} reading: {text}"
    return ReadingResult(
        level, text, _plain(level, bp_out, heart_out, limits.repeat_reading_minutes)
    )


def _times(due: datetime, limits: Limits) -> SlotTimes:
    grace = timedelta(minutes=limits.observation_grace_minutes)
    missed = timedelta(minutes=limits.missed_reading_grace_minutes)
    return SlotTimes(due, due - grace, due + grace, due + missed)


def slot_minutes(slot: Slot, limits: Limits) -> int:
    """When the fixed readings are due, in minutes after the dose."""
    if slot is Slot.FIRST:
        return limits.first_observation_minutes
    return limits.min_monitoring_minutes


def slot_times(dosed_at: datetime, slot: Slot, limits: Limits) -> SlotTimes:
    """The times of a fixed reading (the first or the last)."""
    return _times(dosed_at + timedelta(minutes=slot_minutes(slot, limits)), limits)


class Taken(NamedTuple):
    taken_at: datetime
    level: Level


def due_slots(
    dosed_at: datetime, taken: Mapping[Slot, Taken], limits: Limits
) -> list[tuple[Slot, SlotTimes]]:
    """The readings this session asks for, in order, with their times.

    The repeat is asked only after a raised first reading, `repeat_reading_minutes`
    after it, and only when it falls before the last reading (which then serves).
    """
    slots = [(Slot.FIRST, slot_times(dosed_at, Slot.FIRST, limits))]
    last = slot_times(dosed_at, Slot.LAST, limits)
    first = taken.get(Slot.FIRST)
    if first is not None and first.level is Level.RAISED:
        due = first.taken_at + timedelta(minutes=limits.repeat_reading_minutes)
        if due < last.due_at:
            slots.append((Slot.REPEAT, _times(due, limits)))
    slots.append((Slot.LAST, last))
    return slots


def missed_slots(
    dosed_at: datetime, taken: Mapping[Slot, Taken], limits: Limits, now: datetime
) -> list[Slot]:
    """The readings not sent by their missed time: each opens an urgent task."""
    return [
        slot
        for slot, times in due_slots(dosed_at, taken, limits)
        if slot not in taken and now > times.missed_at
    ]


def session_complete(dosed_at: datetime, taken: Mapping[Slot, Taken], limits: Limits) -> bool:
    """Every reading is in and the last one is settled: the session at home is over."""
    slots = due_slots(dosed_at, taken, limits)
    last = taken.get(Slot.LAST)
    return (
        all(slot in taken for slot, _ in slots) and last is not None and last.level is Level.SETTLED
    )


AFTERCARE: Final = (
    "Do not drive, cycle or use machinery until tomorrow, after a night's sleep.",
    "Do not drink alcohol today.",
    "Rest today, with your support person nearby for the rest of the day if you can.",
    "Call the clinic with any concern, however small.",
)


class SideEffect(StrEnum):
    NAUSEA = "nausea"
    VOMITING = "vomiting"
    DISSOCIATION = "dissociation"  # dissociation that has not passed
    BLADDER_PAIN = "bladder_pain"
    CONFUSION = "confusion"
    VERY_SLEEPY = "very_sleepy"  # very sleepy or hard to wake: urgent at any severity
    BREATHING = "breathing"  # breathing slow or noisy: urgent at any severity
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
    SideEffect.VERY_SLEEPY: "Very sleepy or hard to wake",
    SideEffect.BREATHING: "Breathing slow or noisy",
    SideEffect.OTHER: "Something else",
}
# Signs of oversedation or respiratory depression (label): urgent whatever their severity.
URGENT_SIDE_EFFECTS: Final = frozenset({SideEffect.VERY_SLEEPY, SideEffect.BREATHING})


def is_adverse_event(severity: Severity, effect: SideEffect | None = None) -> bool:
    """A severe side effect, or any sign of oversedation, is urgent: an alert and a task."""
    return severity is Severity.SEVERE or effect in URGENT_SIDE_EFFECTS


PLAIN_SIDE_EFFECTS: Final = {
    False: "Thank you. Your clinic will see what you reported. Rest with your support person; "
    "call the clinic if anything gets worse.",
    True: "You reported a severe side effect. Please call the clinic now; the clinic has been "
    f"told. Call 911 at once if you have {EMERGENCY_SIGNS}, or if you cannot stay awake.",
}
PLAIN_OVERSEDATION: Final = (
    "Call 911 now if the patient is hard to wake or their breathing is slow, shallow or "
    "noisy. Lay them on their side and stay with them. Then call the clinic; the clinic has "
    "been told."
)
