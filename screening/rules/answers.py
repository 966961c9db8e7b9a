"""The answer format (version 1) of clinical-rules.md section 1, and its validation.

Every type, choice and accepted range of an answer lives in this module, and
nowhere else: the intake forms reuse it. Nothing is coerced: a value of the
wrong type or out of range is an error that names the field.
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Final, Literal, NamedTuple

from .errors import FieldError, InvalidAnswers

TriState = Literal["yes", "no", "unsure"]
TRI_STATE: Final = ("yes", "no", "unsure")
SEX_AT_BIRTH: Final = ("female", "male", "intersex")
PSYCHOSIS: Final = ("never", "past", "current", "unsure")
DISSOCIATIVE_DISORDER: Final = ("none", "mild", "severe", "unsure")
SUBSTANCE_USE: Final = ("none", "active", "early_recovery", "sustained_recovery", "unsure")
CONDITIONS: Final = (
    "unstable_heart_disease",
    "aneurysm",
    "arteriovenous_malformation",
    "intracerebral_hemorrhage",
    "hypertension",
    "unstable_medical_condition",
    "seizure_disorder",
    "severe_liver_disease",
    "interstitial_cystitis",
    "glaucoma",
    "sleep_apnea",
)
# Medication classes (answer format 2): what a patient takes, by class. The intake
# asks them by everyday names; check-ins before each dose ask for new ones.
MEDICATION_CLASSES: Final = (
    "maoi",
    "stimulant",
    "opioid",
    "benzodiazepine",
    "other_sedative",  # gabapentinoids, z-drugs and other sedative hypnotics
    "lamotrigine",
    "antipsychotic",
    "lithium",
    "antihypertensive",
    "ssri_snri",
    "bupropion",
    "tricyclic",
    "other",
    "none",
)
# Classes that raise blood pressure, deepen sedation or blunt ketamine's effect; "other"
# is unknown, so it counts too (the safer reading).
INTERACTING_MEDICATIONS: Final = frozenset(
    {"maoi", "stimulant", "opioid", "benzodiazepine", "other_sedative", "lamotrigine", "other"}
)
CSSRS_ITEMS: Final = (
    "wish_dead",
    "suicidal_thoughts",
    "method",
    "intent",
    "plan",
    "behavior_3_months",
)
# C-SSRS items asked only after a yes to `suicidal_thoughts`.
CSSRS_FOLLOW_UPS: Final = ("method", "intent", "plan")


@dataclass(frozen=True, slots=True)
class Span:
    """An accepted range, inclusive at both ends."""

    low: int
    high: int
    unit: str

    def describe(self) -> str:
        return f"{self.low}-{self.high} {self.unit}".rstrip()


AGE: Final = Span(0, 120, "years")
HEIGHT_CM: Final = Span(50, 250, "cm")
WEIGHT_KG: Final = Span(20, 400, "kg")
SYSTOLIC: Final = Span(60, 260, "mmHg")
DIASTOLIC: Final = Span(30, 160, "mmHg")
ANTIDEPRESSANT_TRIALS: Final = Span(0, 30, "")
BP_READINGS_MAX: Final = 3


@dataclass(frozen=True, slots=True)
class Instrument:
    """A scored questionnaire: `items` answers, each scored `low`..`high`."""

    label: str
    items: int
    low: int
    high: int


PHQ9: Final = Instrument("PHQ-9", 9, 0, 3)
GAD7: Final = Instrument("GAD-7", 7, 0, 3)
AUDIT_C: Final = Instrument("AUDIT-C", 3, 0, 4)
DAST10_ITEMS: Final = 10


class BloodPressure(NamedTuple):
    systolic: int
    diastolic: int


class Cssrs(NamedTuple):
    """C-SSRS screener answers; None is "not answered"."""

    wish_dead: bool | None = None
    suicidal_thoughts: bool | None = None
    method: bool | None = None
    intent: bool | None = None
    plan: bool | None = None
    behavior_3_months: bool | None = None


class Answers(NamedTuple):
    """One intake's validated answers; None is "not answered".

    Immutable plain data (a NamedTuple: a frozen dataclass costs a quarter of
    the engine's time just to build).
    """

    age: int | None = None
    sex_at_birth: str | None = None
    pregnant: str | None = None
    breastfeeding: str | None = None
    height_cm: float | None = None
    weight_kg: float | None = None
    bp_readings: tuple[BloodPressure, ...] | None = None
    ketamine_hypersensitivity: str | None = None
    psychosis: str | None = None
    mania: str | None = None
    conditions: frozenset[str] | None = None
    dissociative_disorder: str | None = None
    substance_use: str | None = None
    ketamine_misuse: str | None = None
    audit_c: tuple[int, ...] | None = None
    dast10: tuple[bool, ...] | None = None
    phq9: tuple[int, ...] | None = None
    gad7: tuple[int, ...] | None = None
    cssrs: Cssrs | None = None
    antidepressant_trials: int | None = None
    panic_disorder: str | None = None
    aggression_history: str | None = None
    home_safe: str | None = None
    support_person: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The answers in the JSON answer format, unanswered keys left out."""
        out: dict[str, object] = {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in zip(self._fields, self, strict=True)
            if value is not None
        }
        if self.bp_readings is not None:
            out["bp_readings"] = [reading._asdict() for reading in self.bp_readings]
        if self.conditions is not None:
            out["conditions"] = [c for c in CONDITIONS if c in self.conditions]
        if self.cssrs is not None:
            out["cssrs"] = {k: v for k, v in self.cssrs._asdict().items() if v is not None}
        return out


class _Invalid(Exception):
    """Raised by a field parser; the caller adds the field name.

    `item` (1-based) and `part` say where inside a list or object, for forms
    that show the message beside the very input at fault.
    """

    def __init__(self, message: str, item: int | None = None, part: str | None = None) -> None:
        super().__init__(message)
        self.item, self.part = item, part


def _shown(value: object) -> str:
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return repr(value)


def _whole_number(value: object) -> int:
    # bool is an int subclass in Python, but true/false is no number of years.
    if type(value) is not int:
        raise _Invalid(f"expected a whole number, got {_shown(value)}")
    return value


def _in_span(value: float, span: Span) -> None:
    if not span.low <= value <= span.high:
        raise _Invalid(f"{_shown(value)} is outside {span.describe()}")


class _Choices(dict[str, str]):
    """Accepted answers, each mapped to its canonical string (so later tests are by identity)."""

    def __init__(self, choices: tuple[str, ...]) -> None:
        super().__init__((choice, choice) for choice in choices)
        self.message = "is not one of " + ", ".join(f'"{c}"' for c in choices)


def _integer_in(span: Span) -> Callable[[object], int]:
    def parse(value: object) -> int:
        number = _whole_number(value)
        _in_span(number, span)
        return number

    return parse


def _number_in(span: Span) -> Callable[[object], float]:
    def parse(value: object) -> float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _Invalid(f"expected a number, got {_shown(value)}")
        if not math.isfinite(value):
            raise _Invalid(f"expected a number, got {value}")
        _in_span(value, span)
        return value

    return parse


def _item_scores(instrument: Instrument) -> Callable[[object], tuple[int, ...]]:
    low, high, count = instrument.low, instrument.high, instrument.items

    def parse(value: object) -> tuple[int, ...]:
        # Fast path: a well-formed list, checked in C.
        if (
            type(value) is list
            and len(value) == count
            and set(map(type, value)) == {int}
            and low <= min(value)
            and max(value) <= high
        ):
            return tuple(value)
        if type(value) is not list:
            raise _Invalid(
                f"expected a list of {instrument.items} item scores, got {_shown(value)}"
            )
        if len(value) != count:
            raise _Invalid(f"expected {count} item scores, got {len(value)}")
        for number, item in enumerate(value, start=1):
            if type(item) is not int or not low <= item <= high:
                raise _Invalid(
                    f"item {number} is {_shown(item)}; each item is scored {low}-{high}",
                    item=number,
                )
        return tuple(value)

    return parse


def _dast10(value: object) -> tuple[bool, ...]:
    if type(value) is list and len(value) == DAST10_ITEMS and set(map(type, value)) == {bool}:
        return tuple(value)
    if type(value) is not list:
        raise _Invalid(f"expected a list of {DAST10_ITEMS} yes/no answers, got {_shown(value)}")
    if len(value) != DAST10_ITEMS:
        raise _Invalid(f"expected {DAST10_ITEMS} yes/no answers, got {len(value)}")
    for number, item in enumerate(value, start=1):
        if type(item) is not bool:
            raise _Invalid(
                f"item {number} is {_shown(item)}; each answer is true or false", item=number
            )
    return tuple(value)


def _bp_readings(value: object) -> tuple[BloodPressure, ...] | None:
    if type(value) is list and 0 < len(value) <= BP_READINGS_MAX:
        readings = []
        for reading in value:
            if type(reading) is not dict:
                break
            systolic, diastolic = reading.get("systolic"), reading.get("diastolic")
            if not (
                type(systolic) is int
                and type(diastolic) is int
                and SYSTOLIC.low <= systolic <= SYSTOLIC.high
                and DIASTOLIC.low <= diastolic <= DIASTOLIC.high
                and systolic > diastolic
            ):
                break
            readings.append(BloodPressure(systolic, diastolic))
        else:
            return tuple(readings)
    # Something is wrong: find it and say what, in words.
    if type(value) is not list:
        raise _Invalid(f"expected a list of readings, got {_shown(value)}")
    if len(value) > BP_READINGS_MAX:
        raise _Invalid(f"expected 1 to {BP_READINGS_MAX} readings, got {len(value)}")
    if not value:
        return None  # "at least one" reading is required: none is "not answered"
    readings = []
    for number, reading in enumerate(value, start=1):
        where = f"reading {number} " if len(value) > 1 else ""
        if type(reading) is not dict:
            raise _Invalid(f"{where}expected an object with systolic and diastolic", item=number)
        for part in ("systolic", "diastolic"):
            if part not in reading:
                raise _Invalid(f"{where}has no {part} value", item=number, part=part)
            if type(reading[part]) is not int:
                raise _Invalid(
                    f"{where}{part} must be a whole number, got {_shown(reading[part])}",
                    item=number,
                    part=part,
                )
        systolic, diastolic = reading["systolic"], reading["diastolic"]
        for part, pressure, span in (
            ("systolic", systolic, SYSTOLIC),
            ("diastolic", diastolic, DIASTOLIC),
        ):
            if not span.low <= pressure <= span.high:
                message = f"{where}{part} {pressure} is outside {span.describe()}"
                raise _Invalid(message, item=number, part=part)
        if systolic <= diastolic:
            message = f"{where}systolic {systolic} is not above diastolic {diastolic}"
            raise _Invalid(message, item=number, part="systolic")
        readings.append(BloodPressure(systolic, diastolic))
    return tuple(readings)


def _conditions(value: object) -> frozenset[str]:
    if type(value) is not list:
        raise _Invalid(f"expected a list of conditions, got {_shown(value)}")
    for condition in value:
        if type(condition) is not str or condition not in CONDITIONS:
            raise _Invalid(f"{_shown(condition)} is not a known condition")
    return frozenset(value)


def _cssrs(value: object) -> Cssrs:
    if (
        type(value) is dict
        and value.keys() <= _CSSRS_KEYS
        and set(map(type, value.values())) <= {bool}
    ):
        return Cssrs._make(map(value.get, CSSRS_ITEMS))
    if type(value) is not dict:
        raise _Invalid(f"expected an object of yes/no answers, got {_shown(value)}")
    items: dict[str, bool] = {}
    for item in CSSRS_ITEMS:
        if item in value:
            answer = value[item]
            if type(answer) is not bool:
                raise _Invalid(
                    f"{item} is {_shown(answer)}; each answer is true or false", part=item
                )
            items[item] = answer
    return Cssrs(**items)


_CSSRS_KEYS: Final = frozenset(CSSRS_ITEMS)

# The answer format, key by key, in its order: accepted choices or a parser.
_FIELDS: Final[dict[str, _Choices | Callable[[object], object]]] = {
    "age": _integer_in(AGE),
    "sex_at_birth": _Choices(SEX_AT_BIRTH),
    "pregnant": _Choices(TRI_STATE),
    "breastfeeding": _Choices(TRI_STATE),
    "height_cm": _number_in(HEIGHT_CM),
    "weight_kg": _number_in(WEIGHT_KG),
    "bp_readings": _bp_readings,
    "ketamine_hypersensitivity": _Choices(TRI_STATE),
    "psychosis": _Choices(PSYCHOSIS),
    "mania": _Choices(TRI_STATE),
    "conditions": _conditions,
    "dissociative_disorder": _Choices(DISSOCIATIVE_DISORDER),
    "substance_use": _Choices(SUBSTANCE_USE),
    "ketamine_misuse": _Choices(TRI_STATE),
    "audit_c": _item_scores(AUDIT_C),
    "dast10": _dast10,
    "phq9": _item_scores(PHQ9),
    "gad7": _item_scores(GAD7),
    "cssrs": _cssrs,
    "antidepressant_trials": _integer_in(ANTIDEPRESSANT_TRIALS),
    "panic_disorder": _Choices(TRI_STATE),
    "aggression_history": _Choices(TRI_STATE),
    "home_safe": _Choices(TRI_STATE),
    "support_person": _Choices(TRI_STATE),
}
ANSWER_KEYS: Final = tuple(_FIELDS)
_FIELD_AT: Final = {key: (index, field) for index, (key, field) in enumerate(_FIELDS.items())}
_CHOICE_FIELDS: Final = tuple(
    (key, index, field) for key, (index, field) in _FIELD_AT.items() if isinstance(field, _Choices)
)
_PARSED_FIELDS: Final = tuple(
    (key, index, field)
    for key, (index, field) in _FIELD_AT.items()
    if not isinstance(field, _Choices)
)
_ABSENT: Final = object()
# Every question that offers "unsure", in the order of the format.
UNSURE_KEYS: Final = tuple(key for key, _, choices in _CHOICE_FIELDS if "unsure" in choices)
# Questions answered yes/no/unsure, for forms that offer exactly these choices.
TRI_STATE_KEYS: Final = (
    "pregnant",
    "breastfeeding",
    "ketamine_hypersensitivity",
    "mania",
    "ketamine_misuse",
    "panic_disorder",
    "aggression_history",
    "home_safe",
    "support_person",
)


NULL_ANSWER: Final = "null is not an answer; leave the key out when not answered"


def parse_answers(raw: object) -> Answers:
    """Validate one intake in the JSON answer format; unknown keys are ignored.

    Raises InvalidAnswers listing every field at fault, in the order of the format.
    """
    if type(raw) is not dict:
        raise InvalidAnswers([FieldError("answers", f"expected a JSON object, got {_shown(raw)}")])
    parsed: list[object] = [None] * len(_FIELDS)
    errors: list[FieldError] = []
    get = raw.get
    # Each key of the format once, in order (unknown keys are never looked at).
    for key, index, choices in _CHOICE_FIELDS:
        value = get(key, _ABSENT)
        if value is _ABSENT:
            continue
        choice = choices.get(value) if type(value) is str else None
        if choice is None:
            message = NULL_ANSWER if value is None else f"{_shown(value)} {choices.message}"
            errors.append(FieldError(key, message))
        else:
            parsed[index] = choice
    for key, index, parse in _PARSED_FIELDS:
        value = get(key, _ABSENT)
        if value is _ABSENT:
            continue
        if value is None:
            errors.append(FieldError(key, NULL_ANSWER))
            continue
        try:
            parsed[index] = parse(value)
        except _Invalid as invalid:
            errors.append(FieldError(key, str(invalid), invalid.item, invalid.part))
    if errors:
        errors.sort(key=lambda error: _FIELD_AT[error.field][0])
        raise InvalidAnswers(errors)
    return Answers._make(parsed)


def as_answers(answers: Answers | Mapping[str, object]) -> Answers:
    """Accept validated answers as they are, or validate the JSON answer format."""
    if isinstance(answers, Answers):
        return answers
    return parse_answers(answers if isinstance(answers, dict) else dict(answers))
