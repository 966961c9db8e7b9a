"""The answer formats of clinical-rules.md section 1, and their validation.

Format 1 is the contract's; format 2 (`"format": 2`) adds medications, heart
rate with each blood-pressure reading, the lifetime C-SSRS behaviour item,
treated hypertension, contacts, the place of sessions and "no monitor". An
intake without a `format` key is format 1, and its format-2 keys are unknown
keys: ignored, exactly as before format 2 existed.

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
    "behavior_lifetime",  # format 2 only: ignored in format 1
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
HEART_RATE: Final = Span(30, 220, "beats per minute")
BP_READINGS_MAX: Final = 3
# Format 2 asks for two readings at least (or says there is no monitor).
BP_READINGS_MIN_FORMAT_2: Final = 2

LATEST_FORMAT: Final = 2
# Free text is kept for clinicians, never read by a rule: capped so a page stays readable.
MEDICATIONS_OTHER_MAX: Final = 10
MEDICATION_NAME_MAX: Final = 100
CONTACT_NAME_MAX: Final = 150
PHONE_MAX: Final = 32
PHONE_DIGITS: Final = Span(7, 15, "digits")
SESSION_LOCATION_MAX: Final = 300


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
    heart_rate: int | None = None  # beats per minute, format 2


class Cssrs(NamedTuple):
    """C-SSRS screener answers; None is "not answered"."""

    wish_dead: bool | None = None
    suicidal_thoughts: bool | None = None
    method: bool | None = None
    intent: bool | None = None
    plan: bool | None = None
    behavior_3_months: bool | None = None
    # Format 2: a suicide attempt or preparatory act at any time (question 6).
    behavior_lifetime: bool | None = None


class Contact(NamedTuple):
    name: str
    phone: str


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
    # Format 2 (`format` is 1 for answers without the key; these then stay None).
    format: int = 1
    medications: frozenset[str] | None = None
    medications_other: tuple[str, ...] | None = None
    hypertension_treated: str | None = None
    bp_unavailable: bool | None = None
    emergency_contact: Contact | None = None
    support_person_contact: Contact | None = None
    session_location: str | None = None

    def as_dict(self) -> dict[str, object]:
        """The answers in the JSON answer format, unanswered keys left out."""
        out: dict[str, object] = {
            name: list(value) if isinstance(value, tuple) else value
            for name, value in zip(self._fields, self, strict=True)
            if value is not None
        }
        if self.format == 1:
            del out["format"]
        if self.bp_readings is not None:
            out["bp_readings"] = [
                {k: v for k, v in reading._asdict().items() if v is not None}
                for reading in self.bp_readings
            ]
        if self.conditions is not None:
            out["conditions"] = [c for c in CONDITIONS if c in self.conditions]
        if self.medications is not None:
            out["medications"] = [m for m in MEDICATION_CLASSES if m in self.medications]
        if self.cssrs is not None:
            out["cssrs"] = {k: v for k, v in self.cssrs._asdict().items() if v is not None}
        for key in ("emergency_contact", "support_person_contact"):
            contact = getattr(self, key)
            if contact is not None:
                out[key] = contact._asdict()
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


def _bp_readings_parser(
    with_heart_rate: bool,
) -> Callable[[object], tuple[BloodPressure, ...] | None]:
    """Readings of format 1 (heart rate ignored) or format 2 (heart rate read when given)."""

    def fast(value: object) -> tuple[BloodPressure, ...] | None:
        # A well-formed list, checked without building messages.
        if type(value) is not list or not 0 < len(value) <= BP_READINGS_MAX:
            return None
        readings = []
        for reading in value:
            if type(reading) is not dict:
                return None
            systolic, diastolic = reading.get("systolic"), reading.get("diastolic")
            if not (
                type(systolic) is int
                and type(diastolic) is int
                and SYSTOLIC.low <= systolic <= SYSTOLIC.high
                and DIASTOLIC.low <= diastolic <= DIASTOLIC.high
                and systolic > diastolic
            ):
                return None
            if not with_heart_rate:
                readings.append(BloodPressure(systolic, diastolic))
                continue
            heart_rate = reading.get("heart_rate")
            if heart_rate is not None and not (
                type(heart_rate) is int and HEART_RATE.low <= heart_rate <= HEART_RATE.high
            ):
                return None
            readings.append(BloodPressure(systolic, diastolic, heart_rate))
        return tuple(readings)

    def parse(value: object) -> tuple[BloodPressure, ...] | None:
        readings = fast(value)
        if readings is not None:
            return readings
        # Something is wrong: find it and say what, in words.
        if type(value) is not list:
            raise _Invalid(f"expected a list of readings, got {_shown(value)}")
        if len(value) > BP_READINGS_MAX:
            raise _Invalid(f"expected 1 to {BP_READINGS_MAX} readings, got {len(value)}")
        if not value:
            return None  # "at least one" reading is required: none is "not answered"
        return tuple(
            _reading(reading, number, len(value)) for number, reading in enumerate(value, 1)
        )

    def _reading(reading: object, number: int, count: int) -> BloodPressure:
        where = f"reading {number} " if count > 1 else ""
        if type(reading) is not dict:
            raise _Invalid(f"{where}expected an object with systolic and diastolic", item=number)
        for part in ("systolic", "diastolic"):
            if part not in reading:
                raise _Invalid(f"{where}has no {part} value", item=number, part=part)
        parts = (
            ("systolic", "diastolic", "heart_rate")
            if with_heart_rate
            else ("systolic", "diastolic")
        )
        for part in parts:
            if part in reading and type(reading[part]) is not int:
                raise _Invalid(
                    f"{where}{part} must be a whole number, got {_shown(reading[part])}",
                    item=number,
                    part=part,
                )
        systolic, diastolic = reading["systolic"], reading["diastolic"]
        heart_rate = reading.get("heart_rate") if with_heart_rate else None
        for part, number_read, span in (
            ("systolic", systolic, SYSTOLIC),
            ("diastolic", diastolic, DIASTOLIC),
            ("heart_rate", heart_rate, HEART_RATE),
        ):
            if number_read is not None and not span.low <= number_read <= span.high:
                message = (
                    f"{where}{part.replace('_', ' ')} {number_read} is outside {span.describe()}"
                )
                raise _Invalid(message, item=number, part=part)
        if systolic <= diastolic:
            message = f"{where}systolic {systolic} is not above diastolic {diastolic}"
            raise _Invalid(message, item=number, part="systolic")
        return BloodPressure(systolic, diastolic, heart_rate)

    return parse


def _conditions(value: object) -> frozenset[str]:
    if type(value) is not list:
        raise _Invalid(f"expected a list of conditions, got {_shown(value)}")
    for condition in value:
        if type(condition) is not str or condition not in CONDITIONS:
            raise _Invalid(f"{_shown(condition)} is not a known condition")
    return frozenset(value)


def _medications(value: object) -> frozenset[str]:
    if type(value) is not list or not value:
        raise _Invalid(f'expected a list of medication classes, or ["none"], got {_shown(value)}')
    for medication in value:
        if type(medication) is not str or medication not in MEDICATION_CLASSES:
            raise _Invalid(f"{_shown(medication)} is not a known medication class")
    classes = frozenset(value)
    if "none" in classes and len(classes) > 1:
        raise _Invalid('"none" cannot be listed with other medication classes')
    return classes


def _text(
    value: object, longest: int, what: str, item: int | None = None, lines: bool = False
) -> str:
    """Printable text; `lines`: line breaks allowed too (an address on two lines)."""
    if type(value) is not str:
        raise _Invalid(f"expected {what} as text, got {_shown(value)}", item=item)
    if not value.strip():
        raise _Invalid(f"{what} is empty", item=item)
    if len(value) > longest:
        raise _Invalid(f"{what} is longer than {longest} characters", item=item)
    if not (value.replace("\n", "") if lines else value).isprintable():
        if lines:
            raise _Invalid(
                f"{what} holds a character that is not a letter, digit, sign or line break "
                "(a tab, say): type it again without it",
                item=item,
            )
        raise _Invalid(f"{what} holds a control character", item=item)
    return value


def _medications_other(value: object) -> tuple[str, ...]:
    if type(value) is not list:
        raise _Invalid(f"expected a list of medicine names, got {_shown(value)}")
    if len(value) > MEDICATIONS_OTHER_MAX:
        raise _Invalid(f"expected at most {MEDICATIONS_OTHER_MAX} names, got {len(value)}")
    return tuple(
        _text(name, MEDICATION_NAME_MAX, "a medicine name", item=number)
        for number, name in enumerate(value, start=1)
    )


_PHONE_SIGNS: Final = " +-()."
_WITHOUT_PHONE_CHARACTERS: Final = str.maketrans("", "", "0123456789" + _PHONE_SIGNS)
_WITHOUT_PHONE_SIGNS: Final = str.maketrans("", "", _PHONE_SIGNS)


def phone_problem(value: str) -> str | None:
    """What is wrong with a phone number as typed, or None: 7 to 15 digits, + ( ) - . spaces."""
    if len(value) > PHONE_MAX:
        return f"a phone number is at most {PHONE_MAX} characters"
    if value.translate(_WITHOUT_PHONE_CHARACTERS):
        return "a phone number holds digits, spaces and + ( ) - . only"
    digits = len(value.translate(_WITHOUT_PHONE_SIGNS))
    if not PHONE_DIGITS.low <= digits <= PHONE_DIGITS.high:
        return f"a phone number has {PHONE_DIGITS.describe()}, this one {digits}"
    return None


def _contact(value: object) -> Contact:
    if type(value) is dict:  # fast path: a well-formed contact
        name, phone = value.get("name"), value.get("phone")
        if (
            type(name) is str
            and type(phone) is str
            and len(name) <= CONTACT_NAME_MAX
            and name.strip()
            and name.isprintable()
            and phone.strip()
            and phone_problem(phone) is None
        ):
            return Contact(name, phone)
    if type(value) is not dict:
        raise _Invalid(f"expected an object with name and phone, got {_shown(value)}")
    found = {}
    for part, longest, what in (
        ("name", CONTACT_NAME_MAX, "the name"),
        ("phone", PHONE_MAX, "the phone number"),
    ):
        if part not in value:
            raise _Invalid(f"has no {part}", part=part)
        try:
            found[part] = _text(value[part], longest, what)
        except _Invalid as invalid:
            raise _Invalid(str(invalid), part=part) from None
    problem = phone_problem(found["phone"])
    if problem:
        raise _Invalid(problem, part="phone")
    return Contact(found["name"], found["phone"])


def _session_location(value: object) -> str:
    """The address, on one line or several: a line break is "\\n" ("\\r\\n" is read as "\\n")."""
    if type(value) is str and "\r\n" in value:
        value = value.replace("\r\n", "\n")
    return _text(value, SESSION_LOCATION_MAX, "the address", lines=True)


def _yes_or_no(value: object) -> bool:
    if type(value) is not bool:
        raise _Invalid(f"expected true or false, got {_shown(value)}")
    return value


def _cssrs_parser(items: tuple[str, ...]) -> Callable[[object], Cssrs]:
    """C-SSRS answers with these items; any other item is ignored (format 1: the lifetime one)."""
    known = frozenset(items)
    absent = (None,) * (len(CSSRS_ITEMS) - len(items))

    def parse(value: object) -> Cssrs:
        if (
            type(value) is dict
            and value.keys() <= known
            and set(map(type, value.values())) <= {bool}
        ):
            return Cssrs._make((*map(value.get, items), *absent))
        if type(value) is not dict:
            raise _Invalid(f"expected an object of yes/no answers, got {_shown(value)}")
        answers: dict[str, bool] = {}
        for item in items:
            if item in value:
                answer = value[item]
                if type(answer) is not bool:
                    raise _Invalid(
                        f"{item} is {_shown(answer)}; each answer is true or false", part=item
                    )
                answers[item] = answer
        return Cssrs(**answers)

    return parse


Parser = _Choices | Callable[[object], object]

# The answer format, key by key, in its order: accepted choices or a parser.
_FIELDS_V1: Final[dict[str, Parser]] = {
    "age": _integer_in(AGE),
    "sex_at_birth": _Choices(SEX_AT_BIRTH),
    "pregnant": _Choices(TRI_STATE),
    "breastfeeding": _Choices(TRI_STATE),
    "height_cm": _number_in(HEIGHT_CM),
    "weight_kg": _number_in(WEIGHT_KG),
    "bp_readings": _bp_readings_parser(with_heart_rate=False),
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
    "cssrs": _cssrs_parser(CSSRS_ITEMS[:-1]),
    "antidepressant_trials": _integer_in(ANTIDEPRESSANT_TRIALS),
    "panic_disorder": _Choices(TRI_STATE),
    "aggression_history": _Choices(TRI_STATE),
    "home_safe": _Choices(TRI_STATE),
    "support_person": _Choices(TRI_STATE),
}
# Format 2: format 1's keys in the same order, with the new ones beside their topic.
_FIELDS_V2: Final[dict[str, Parser]] = {
    **{key: _FIELDS_V1[key] for key in list(_FIELDS_V1)[:6]},
    "bp_readings": _bp_readings_parser(with_heart_rate=True),
    "bp_unavailable": _yes_or_no,
    **{key: _FIELDS_V1[key] for key in ("ketamine_hypersensitivity", "psychosis", "mania")},
    "conditions": _conditions,
    "hypertension_treated": _Choices(TRI_STATE),
    "medications": _medications,
    "medications_other": _medications_other,
    **{key: _FIELDS_V1[key] for key in list(_FIELDS_V1)[11:18]},
    "cssrs": _cssrs_parser(CSSRS_ITEMS),
    **{key: _FIELDS_V1[key] for key in list(_FIELDS_V1)[19:]},
    "emergency_contact": _contact,
    "support_person_contact": _contact,
    "session_location": _session_location,
}
ANSWER_KEYS: Final = tuple(_FIELDS_V2)
_ABSENT: Final = object()


class _Layout(NamedTuple):
    """One format's keys, split by kind, each with its place in `Answers`."""

    choice_fields: tuple[tuple[str, int, _Choices], ...]
    parsed_fields: tuple[tuple[str, int, Callable[[object], object]], ...]
    order: dict[str, int]  # a key's place in the format, to list errors in order


def _layout(fields: dict[str, Parser]) -> _Layout:
    at = Answers._fields.index
    return _Layout(
        tuple((k, at(k), f) for k, f in fields.items() if isinstance(f, _Choices)),
        tuple((k, at(k), f) for k, f in fields.items() if not isinstance(f, _Choices)),
        {key: place for place, key in enumerate(["format", *fields])},
    )


_LAYOUTS: Final = {1: _layout(_FIELDS_V1), 2: _layout(_FIELDS_V2)}
_FORMAT_AT: Final = Answers._fields.index("format")
# Every question that offers "unsure", in the order of the format.
UNSURE_KEYS: Final = tuple(
    key for key, _, choices in _LAYOUTS[2].choice_fields if "unsure" in choices
)
# Questions answered yes/no/unsure, for forms that offer exactly these choices.
TRI_STATE_KEYS: Final = (
    "pregnant",
    "breastfeeding",
    "ketamine_hypersensitivity",
    "mania",
    "hypertension_treated",
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
    version = raw.get("format", 1)
    layout = _LAYOUTS.get(version) if type(version) is int else None
    if layout is None:
        message = f"{_shown(version)} is not an answer format: 2, or no key for format 1"
        raise InvalidAnswers([FieldError("format", message)])
    parsed: list[object] = [None] * len(Answers._fields)
    parsed[_FORMAT_AT] = version
    errors: list[FieldError] = []
    get = raw.get
    # Each key of the format once, in order (unknown keys are never looked at).
    for key, index, choices in layout.choice_fields:
        value = get(key, _ABSENT)
        if value is _ABSENT:
            continue
        choice = choices.get(value) if type(value) is str else None
        if choice is None:
            message = NULL_ANSWER if value is None else f"{_shown(value)} {choices.message}"
            errors.append(FieldError(key, message))
        else:
            parsed[index] = choice
    for key, index, parse in layout.parsed_fields:
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
    answers = Answers._make(parsed)
    if answers.bp_unavailable and answers.bp_readings:
        errors.append(
            FieldError("bp_unavailable", "no monitor was given, yet there are readings: keep one")
        )
    if errors:
        errors.sort(key=lambda error: layout.order[error.field])
        raise InvalidAnswers(errors)
    return answers


def as_answers(answers: Answers | Mapping[str, object]) -> Answers:
    """Accept validated answers as they are, or validate the JSON answer format."""
    if isinstance(answers, Answers):
        return answers
    return parse_answers(answers if isinstance(answers, dict) else dict(answers))
