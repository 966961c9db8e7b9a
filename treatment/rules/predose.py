"""The check before each dose, at home or in the clinic: go, hold or call.

Go only when every answer is given and in range. A missing or "unsure" answer
holds the dose; intent, a plan, recent behaviour, a PHQ-9 item 9 of 2 or more or
a crisis-level blood pressure calls for crisis resources at once.

What may lift a hold (`waiver_of`): at home nobody from the clinic is in the
room, so a hold for the support person or the address is never overridden (the
patient checks in again once they are right), and a possible pregnancy only by
a negative test taken that day. Mood never holds: a low mood, or a fall since
the last check-in, is flagged to the clinician.
"""

from __future__ import annotations

from typing import Final, NamedTuple

from screening.rules.answers import INTERACTING_MEDICATIONS, MEDICATION_CLASSES, Cssrs
from screening.rules.scores import rounded_mean

from .limits import Limits
from .measures import CRISIS_ITEM9
from .vocab import Outcome, Setting

READINGS_NEEDED: Final = 2


class Reading(NamedTuple):
    """One seated blood pressure with the heart rate, taken before the dose."""

    systolic: int
    diastolic: int
    heart_rate: int


class PreDoseAnswers(NamedTuple):
    """The answers of one pre-dose check; None is "not answered".

    `pregnancy_relevant` is False only when the patient's sex at birth is male.
    Food and drink are asked in both settings; mood, support person and address at
    home; the ride home in the clinic. `phq9_item9` is asked when a PHQ-9 is due
    before the dose (None when none was due).
    """

    setting: Setting
    readings: tuple[Reading, ...] | None = None
    new_medicines: str | None = None  # tri-state: any new medicine or substance
    medicine_classes: frozenset[str] | None = None  # MEDICATION_CLASSES of the new ones
    pregnancy_relevant: bool = True
    pregnant: str | None = None
    cssrs: Cssrs | None = None  # "since last contact"
    alcohol_24h: str | None = None
    ate_recently: str | None = None
    drank_recently: str | None = None
    mood: int | None = None  # 0-10
    support_person: str | None = None
    at_address: str | None = None
    other_medicine_named: bool = False  # a new medicine named in free text
    previous_mood: int | None = None  # the patient's last check-in's mood
    phq9_item9: int | None = None
    ride_home: str | None = None  # an adult takes the patient home (in the clinic)


class Reason(NamedTuple):
    code: str
    outcome: Outcome
    text: str  # for clinicians
    plain: str  # for the patient


class Flag(NamedTuple):
    """Shown to the clinician; never holds the dose."""

    code: str
    text: str


class PreDoseResult(NamedTuple):
    outcome: Outcome
    reasons: tuple[Reason, ...]
    baseline: tuple[int, int] | None  # mean blood pressure before the dose
    ideation: bool  # any suicidal ideation: becomes an owned task
    flags: tuple[Flag, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(reason.code for reason in self.reasons)

    def as_dict(self) -> dict[str, object]:
        return {
            "outcome": self.outcome.value,
            "reasons": [
                {"code": r.code, "outcome": r.outcome.value, "text": r.text, "plain": r.plain}
                for r in self.reasons
            ],
            "baseline": list(self.baseline) if self.baseline else None,
            "ideation": self.ideation,
            "flags": [{"code": f.code, "text": f.text} for f in self.flags],
        }


_CSSRS_ALWAYS: Final = ("wish_dead", "suicidal_thoughts", "behavior_3_months")
_CSSRS_FOLLOW_UPS: Final = ("method", "intent", "plan")
_INCOMPLETE_PLAIN: Final = 'Some questions were not answered, or the answer was "not sure".'


def _blood_pressure(readings: tuple[Reading, ...], limits: Limits) -> list[Reason]:
    reasons = []
    crisis = [
        r
        for r in readings
        if r.systolic >= limits.checkin_bp_crisis_systolic
        or r.diastolic >= limits.checkin_bp_crisis_diastolic
    ]
    if crisis:
        worst = max(crisis, key=lambda r: (r.systolic, r.diastolic))
        reasons.append(
            Reason(
                "bp_crisis",
                Outcome.CALL,
                f"a reading of {worst.systolic}/{worst.diastolic} mmHg is at or above the crisis "
                f"level {limits.checkin_bp_crisis_systolic}/{limits.checkin_bp_crisis_diastolic}",
                "Your blood pressure is very high. Call 911 if you have chest pain, a severe "
                "headache, trouble breathing or weakness; otherwise call the clinic now.",
            )
        )
    systolic = rounded_mean(tuple(r.systolic for r in readings))
    diastolic = rounded_mean(tuple(r.diastolic for r in readings))
    if not crisis and (
        systolic >= limits.checkin_bp_elevated_systolic
        or diastolic >= limits.checkin_bp_elevated_diastolic
    ):
        reasons.append(
            Reason(
                "bp_elevated",
                Outcome.HOLD,
                f"mean blood pressure {systolic}/{diastolic} mmHg is at or above "
                f"{limits.checkin_bp_elevated_systolic}/{limits.checkin_bp_elevated_diastolic}",
                "Your blood pressure is higher than is safe for a dose today.",
            )
        )
    if not crisis and limits.low(systolic, diastolic):
        reasons.append(
            Reason(
                "bp_low",
                Outcome.HOLD,
                f"mean blood pressure {systolic}/{diastolic} mmHg is below "
                f"{limits.bp_low_systolic}/{limits.bp_low_diastolic}",
                "Your blood pressure is lower than is safe for a dose today.",
            )
        )
    heart_rate = rounded_mean(tuple(r.heart_rate for r in readings))
    if heart_rate < limits.heart_rate_min:
        reasons.append(
            Reason(
                "heart_rate_low",
                Outcome.HOLD,
                f"mean heart rate {heart_rate} bpm is below {limits.heart_rate_min}",
                "Your heart rate is slower than is safe for a dose today.",
            )
        )
    if heart_rate > limits.heart_rate_max:
        reasons.append(
            Reason(
                "heart_rate_high",
                Outcome.HOLD,
                f"mean heart rate {heart_rate} bpm is above {limits.heart_rate_max}",
                "Your heart rate is faster than is safe for a dose today.",
            )
        )
    return reasons


def _cssrs(cssrs: Cssrs | None, missing: list[str]) -> tuple[list[Reason], bool]:
    if cssrs is None:
        missing.append("cssrs")
        return [], False
    asked = _CSSRS_ALWAYS + (_CSSRS_FOLLOW_UPS if cssrs.suicidal_thoughts else ())
    missing += [f"cssrs.{item}" for item in asked if getattr(cssrs, item) is None]
    high = [item for item in ("intent", "plan", "behavior_3_months") if getattr(cssrs, item)]
    ideation = bool(cssrs.wish_dead or cssrs.suicidal_thoughts or high)
    if high:
        return [
            Reason(
                "suicide_risk_high",
                Outcome.CALL,
                "C-SSRS since last contact: yes to " + ", ".join(high),
                "You told us about thoughts of ending your life. You are not alone: call or "
                "text 988 now, or call 911 if you are in danger.",
            )
        ], True
    if ideation:
        return [
            Reason(
                "suicidal_ideation",
                Outcome.HOLD,
                "C-SSRS since last contact: wish to be dead or suicidal thoughts",
                "You told us about difficult thoughts. A clinician will contact you soon.",
            )
        ], True
    return [], False


def _tri_state(
    answer: str | None, name: str, missing: list[str], code: str, text: str, plain: str
) -> list[Reason]:
    """A yes holds the dose; no answer or "unsure" is missing."""
    if answer == "yes":
        return [Reason(code, Outcome.HOLD, text, plain)]
    if answer != "no":
        missing.append(name)
    return []


def _must_be_yes(
    answer: str | None, name: str, missing: list[str], code: str, text: str, plain: str
) -> list[Reason]:
    """A no holds the dose; no answer or "unsure" is missing."""
    if answer == "no":
        return [Reason(code, Outcome.HOLD, text, plain)]
    if answer != "yes":
        missing.append(name)
    return []


def _medicines(answers: PreDoseAnswers, limits: Limits, missing: list[str]) -> list[Reason]:
    """Any new prescription class holds for a clinician, except those the rule set lets go."""
    if answers.new_medicines == "no":
        return []
    if answers.new_medicines != "yes":
        missing.append("new_medicines")
        return []
    classes = answers.medicine_classes or frozenset()
    known = classes & frozenset(MEDICATION_CLASSES) - {"none"}
    if not known and not answers.other_medicine_named:
        missing.append("medicine_classes")
        return []
    interacting = sorted(known & INTERACTING_MEDICATIONS)
    if interacting:
        return [
            Reason(
                "interacting_medicine",
                Outcome.HOLD,
                "new medicine that interacts with ketamine: " + ", ".join(interacting),
                "A new medicine you take needs a clinician's check before the next dose.",
            )
        ]
    held = sorted(known - limits.benign_classes)
    if held or answers.other_medicine_named:
        named = ["a medicine named by the patient"] if answers.other_medicine_named else []
        return [
            Reason(
                "new_medicine",
                Outcome.HOLD,
                "new medicine since the last session: " + ", ".join(held + named),
                "A new medicine you take needs a clinician's check before the next dose.",
            )
        ]
    return []


def _phq9_item9(item9: int | None) -> tuple[list[Reason], bool]:
    """PHQ-9 item 9 asked with the check-in: 1 holds, 2 or more calls, as at intake."""
    if not item9:
        return [], False
    outcome = Outcome.CALL if item9 >= CRISIS_ITEM9 else Outcome.HOLD
    plain = (
        "You told us about thoughts of being better off dead or of hurting yourself. You are "
        "not alone: call or text 988 now, or call 911 if you are in danger."
        if outcome is Outcome.CALL
        else "You told us about difficult thoughts. A clinician will contact you soon."
    )
    return [Reason("phq9_item9", outcome, f"PHQ-9 item 9 is {item9}", plain)], True


def _mood_flags(answers: PreDoseAnswers, limits: Limits) -> tuple[Flag, ...]:
    mood, previous = answers.mood, answers.previous_mood
    flags = []
    if mood is not None and mood <= limits.mood_flag_at_or_below:
        flags.append(
            Flag("low_mood", f"mood {mood}/10 is at or below {limits.mood_flag_at_or_below}")
        )
    if mood is not None and previous is not None and previous - mood >= limits.mood_drop_flag:
        flags.append(
            Flag(
                "mood_drop", f"mood {mood}/10 is {previous - mood} points below the last {previous}"
            )
        )
    return tuple(flags)


def check_pre_dose(answers: PreDoseAnswers, limits: Limits) -> PreDoseResult:
    """Go, hold or call, with every reason; the strongest reason decides."""
    reasons: list[Reason] = []
    missing: list[str] = []
    baseline = None
    readings = answers.readings or ()
    if len(readings) < READINGS_NEEDED:
        missing.append("readings")
    else:
        reasons += _blood_pressure(readings, limits)
        baseline = (
            rounded_mean(tuple(r.systolic for r in readings)),
            rounded_mean(tuple(r.diastolic for r in readings)),
        )
    cssrs_reasons, ideation = _cssrs(answers.cssrs, missing)
    reasons += cssrs_reasons
    phq9_reasons, phq9_ideation = _phq9_item9(answers.phq9_item9)
    reasons += phq9_reasons
    ideation = ideation or phq9_ideation
    reasons += _medicines(answers, limits, missing)
    at_home = answers.setting is Setting.AT_HOME
    if answers.pregnancy_relevant:
        pregnancy_text = "pregnancy possible"
        pregnancy_plain = "A possible pregnancy needs a clinician's check before any dose."
        if at_home and answers.pregnant != "no":
            # Lifted only by a negative test: an unsure or missing answer is the same hold.
            if answers.pregnant != "yes":
                pregnancy_text = f"pregnancy not ruled out ({answers.pregnant or 'no answer'})"
            reasons.append(Reason("pregnancy", Outcome.HOLD, pregnancy_text, pregnancy_plain))
        else:
            reasons += _tri_state(
                answers.pregnant, "pregnant", missing, "pregnancy", pregnancy_text, pregnancy_plain
            )
    reasons += _tri_state(
        answers.alcohol_24h,
        "alcohol_24h",
        missing,
        "alcohol",
        "alcohol in the last 24 hours",
        "Alcohol in the last day and ketamine do not mix safely.",
    )
    # Fasting (aspiration; label: no food for 2 hours, no liquids for 30 minutes).
    reasons += _tri_state(
        answers.ate_recently,
        "ate_recently",
        missing,
        "food",
        "food within the fasting window",
        "Eating shortly before a dose can make you sick during it.",
    )
    reasons += _tri_state(
        answers.drank_recently,
        "drank_recently",
        missing,
        "drink",
        "drink within the fasting window",
        "Drinking shortly before a dose can make you sick during it.",
    )
    if not at_home:
        reasons += _must_be_yes(
            answers.ride_home,
            "ride_home",
            missing,
            "no_ride_home",
            "no adult to take the patient home",
            "An adult must take you home after the session: you may not drive until tomorrow.",
        )
    else:
        if answers.mood is None or not 0 <= answers.mood <= 10:
            missing.append("mood")
        # Never "missing": an unsure answer is the same hold, lifted only by a new check-in.
        if answers.support_person != "yes":
            reasons.append(
                Reason(
                    "no_support_person",
                    Outcome.HOLD,
                    "support person not confirmed present, sober and staying "
                    f"({answers.support_person or 'no answer'})",
                    "An adult must be with you, sober, for the whole of every session at home.",
                )
            )
        if answers.at_address != "yes":
            reasons.append(
                Reason(
                    "not_at_address",
                    Outcome.HOLD,
                    f"not confirmed at the address on file ({answers.at_address or 'no answer'})",
                    "Sessions at home take place at the address we have on file.",
                )
            )
    if missing:
        reasons.append(
            Reason(
                "incomplete",
                Outcome.HOLD,
                "missing or unsure: " + ", ".join(missing),
                _INCOMPLETE_PLAIN,
            )
        )
    reasons.sort(key=lambda r: (-r.outcome.rank, r.code))
    outcome = reasons[0].outcome if reasons else Outcome.GO
    flags = _mood_flags(answers, limits) if at_home else ()
    return PreDoseResult(outcome, tuple(reasons), baseline, ideation, flags)
