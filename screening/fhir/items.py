"""The questionnaire as FHIR items, generated from the intake's own step forms and wording.

One tree serves both directions: the Questionnaire's items, and the mapping of an
answer JSON (either answer format) to QuestionnaireResponse items and back. Each
step of the questionnaire is a group; under it, one item per answer key:

- a question (`Leaf`): a choice, yes/no, number or text; a list of choices repeats;
- `cssrs` and the contacts (`ObjectGroup`): one item per key of the object;
- the instruments' item scores (`ListGroup`): one item per position;
- `bp_readings` (`RecordGroup`): a repeated group, one per reading.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Final

from django import forms
from django.utils import translation
from django.utils.html import strip_tags

from patients.intake import wording
from patients.intake.forms import READING_LABELS, StepForm
from patients.intake.forms.medicines import DETAILED_CLASSES, DETAILS
from patients.intake.forms.readings import AS_TYPED
from patients.intake.steps import STEPS
from screening.fhir import codes
from screening.fhir.codes import Code
from screening.rules.answers import DISSOCIATIVE_DISORDER, TRI_STATE_KEYS

# Keys that answer format 1 does not have (their items are left out of its Questionnaire).
FORMAT_2_ONLY: Final = frozenset(
    {
        "bp_unavailable",
        "bp_readings.heart_rate",
        "hypertension_treated",
        "medications",
        "medications_other",
        "cssrs.behavior_lifetime",
        "emergency_contact",
        "support_person_contact",
        "session_location",
        "medication_details",
        "height_weight_as_typed",
    }
)


@dataclass(frozen=True)
class Option:
    value: Any  # as in the answer JSON
    code: Code


@dataclass(frozen=True)
class Leaf:
    """One question. `kind`: choice, boolean, integer, decimal, string or text."""

    link_id: str
    key: str | int
    text: str
    kind: str
    code: Code | None = None
    options: tuple[Option, ...] = ()
    repeats: bool = False  # a list of values in the answer JSON
    none_option: Option | None = None  # stands for an empty list ("none of these")
    read_only: bool = False


@dataclass(frozen=True)
class ObjectGroup:
    link_id: str
    key: str
    text: str
    children: tuple[Leaf, ...]
    code: Code | None = None


@dataclass(frozen=True)
class ListGroup:
    link_id: str
    key: str
    text: str
    children: tuple[Leaf, ...]  # keyed by position
    code: Code | None = None


@dataclass(frozen=True)
class RecordGroup:
    link_id: str
    key: str
    text: str
    children: tuple[Leaf, ...]
    code: Code | None = None


Node = Leaf | ObjectGroup | ListGroup | RecordGroup


@dataclass(frozen=True)
class Step:
    link_id: str
    text: str
    nodes: tuple[Node, ...] = field(default_factory=tuple)


def _label(field_: forms.Field) -> str:
    return strip_tags(str(field_.label or "")).strip()


def _options(link_id: str, choices: Iterable[tuple[Any, str]]) -> tuple[Option, ...]:
    system = codes.app_system("yes-no-unsure" if link_id in TRI_STATE_KEYS else link_id)
    return tuple(
        Option(value, Code(system, str(value), strip_tags(str(label)).strip()))
        for value, label in choices
    )


def _from_field(form: type[StepForm], key: str, **extra: Any) -> Leaf:
    """A question made from the step form's field of the same name."""
    field_ = form.base_fields[key]
    if isinstance(field_, forms.ChoiceField):
        choices: Any = field_.choices
        return Leaf(key, key, _label(field_), "choice", options=_options(key, choices), **extra)
    kind = {
        forms.FloatField: "decimal",
        forms.IntegerField: "integer",
        forms.BooleanField: "boolean",
    }.get(type(field_), "text" if isinstance(field_.widget, forms.Textarea) else "string")
    return Leaf(key, key, _label(field_), kind, **extra)


def _named_choices(
    key: str, text: str, choices: Iterable[tuple[str, str, str]], none: str | None = None
) -> Leaf:
    """A list of checkboxes (conditions, medicines), each by its everyday name."""
    options = _options(key, [(value, name) for value, name, _ in choices])
    none_option = (
        Option([], Code(codes.app_system(key), "none", "None of these")) if none is None else None
    )
    if none is not None:
        options += _options(key, [(none, "None of these")])
    return Leaf(key, key, text, "choice", options=options, repeats=True, none_option=none_option)


def _scores(
    key: str,
    text: str,
    questions: Iterable[str],
    options_of: Any,
    item_codes: tuple[Code, ...] | None = None,
    code: Code | None = None,
) -> ListGroup:
    children = tuple(
        Leaf(
            f"{key}.{number}",
            number - 1,
            f"{number}. {question}",
            "choice",
            code=item_codes[number - 1] if item_codes else None,
            options=options_of(number),
        )
        for number, question in enumerate(questions, start=1)
    )
    return ListGroup(key, key, text, children, code)


def _frequency_options(_: int) -> tuple[Option, ...]:
    return tuple(Option(score, code) for score, code in enumerate(codes.FREQUENCY_ANSWERS))


def _contact(key: str, text: str) -> ObjectGroup:
    return ObjectGroup(
        key,
        key,
        text,
        (
            Leaf(f"{key}.name", "name", "Name", "string"),
            Leaf(f"{key}.phone", "phone", "Phone number", "string"),
        ),
    )


def _node(form: type[StepForm], key: str) -> Node:
    if key == "height_cm":
        return _from_field(form, key, code=codes.BODY_HEIGHT)
    if key == "weight_kg":
        return _from_field(form, key, code=codes.BODY_WEIGHT)
    if key == "bp_readings":
        return RecordGroup(
            key,
            key,
            "Blood pressure reading, seated and at rest",
            tuple(
                Leaf(f"{key}.{part}", part, str(labels[0]), "integer", code=code)
                for (part, labels), code in zip(
                    READING_LABELS.items(),
                    (codes.SYSTOLIC, codes.DIASTOLIC, codes.HEART_RATE),
                    strict=True,
                )
            ),
            codes.BP_PANEL,
        )
    if key == "conditions":
        return _named_choices(key, _label(form.base_fields[key]), wording.CONDITIONS)
    if key == "medications":
        return _named_choices(key, _label(form.base_fields[key]), wording.MEDICATIONS, "none")
    if key == "medications_other":
        return Leaf(key, key, _label(form.base_fields[key]), "string", repeats=True)
    if key == "dissociative_disorder":
        labels = dict(wording.DISSOCIATIVE_SEVERITY) | {"none": "No", "unsure": "I'm not sure"}
        return Leaf(
            key,
            key,
            "Dissociative disorder, as screened (from the diagnosis and its severity)",
            "choice",
            options=_options(key, [(value, labels[value]) for value in DISSOCIATIVE_DISORDER]),
        )
    if key == "audit_c":
        return _scores(
            key,
            "AUDIT-C",
            [question for question, _ in wording.AUDIT_C_QUESTIONS],
            lambda number: _options(f"audit_c.{number}", wording.AUDIT_C_QUESTIONS[number - 1][1]),
        )
    if key == "dast10":
        return ListGroup(
            key,
            key,
            f"DAST-10. {wording.DAST10_STEM}",
            tuple(
                Leaf(f"dast10.{number}", number - 1, f"{number}. {question}", "boolean")
                for number, question in enumerate(wording.DAST10_ITEMS, start=1)
            ),
        )
    if key == "phq9":
        text = f"PHQ-9. {wording.PHQ9_STEM}"
        return _scores(
            key, text, wording.PHQ9_ITEMS, _frequency_options, codes.PHQ9_ITEMS, codes.PHQ9_PANEL
        )
    if key == "gad7":
        text = f"GAD-7. {wording.GAD7_STEM}"
        return _scores(
            key, text, wording.GAD7_ITEMS, _frequency_options, codes.GAD7_ITEMS, codes.GAD7_PANEL
        )
    if key in ("phq9_difficulty", "gad7_difficulty"):
        instrument = "PHQ-9" if key == "phq9_difficulty" else "GAD-7"
        return Leaf(
            key,
            key,
            f"{instrument}: {wording.DIFFICULTY_QUESTION}",
            "choice",
            options=_options(key, wording.DIFFICULTY),
        )
    if key == "cssrs":
        questions = {
            **wording.CSSRS_QUESTIONS,
            "behavior_3_months": "Suicidal behaviour within the past 3 months: "
            + wording.CSSRS_QUESTIONS["behavior_recent"],
        }
        items = ("wish_dead", "suicidal_thoughts", "method", "intent", "plan")
        return ObjectGroup(
            key,
            key,
            f"C-SSRS screener. {wording.CSSRS_STEM}",
            tuple(
                Leaf(
                    f"cssrs.{item}", item, questions[item], "boolean", code=codes.CSSRS_ITEMS[item]
                )
                for item in (*items, "behavior_lifetime", "behavior_3_months")
            ),
            codes.CSSRS_PANEL,
        )
    if key == DETAILS:
        return RecordGroup(
            key,
            key,
            "What the patient takes of each kind of medicine ticked",
            (
                Leaf(
                    f"{key}.class",
                    "class",
                    "Kind of medicine",
                    "choice",
                    options=_options(f"{key}.class", DETAILED_CLASSES),
                ),
                Leaf(f"{key}.name", "name", "Name", "string"),
                Leaf(f"{key}.dose", "dose", "Dose", "string"),
                Leaf(
                    f"{key}.frequency",
                    "frequency",
                    "How often",
                    "choice",
                    options=_options(f"{key}.frequency", wording.MEDICATION_FREQUENCIES),
                ),
            ),
        )
    if key == AS_TYPED:
        return ObjectGroup(
            key,
            key,
            "Height and weight as typed, in feet, inches and pounds",
            (
                Leaf(f"{key}.height_ft", "height_ft", "Height: feet", "integer"),
                Leaf(f"{key}.height_in", "height_in", "Height: inches", "decimal"),
                Leaf(f"{key}.weight_lb", "weight_lb", "Weight in pounds", "decimal"),
            ),
        )
    if key == "emergency_contact":
        return _contact(key, "Someone to call in an emergency")
    if key == "support_person_contact":
        return _contact(key, "The adult present during at-home sessions")
    return _from_field(form, key)


AGE: Final = Leaf(
    "age",
    "age",
    "Age in years on the day of submission (from the date of birth)",
    "integer",
    read_only=True,
)


@cache
def steps() -> tuple[Step, ...]:
    """The questionnaire's steps, each with its questions, in the order a patient meets them.

    Always in English, whoever asks first (the result is cached): the staff's language, and
    the code meanings of the export; a patient's answers are the same codes in any language."""
    built = []
    with translation.override("en"):
        for form in STEPS:
            nodes = tuple(_node(form, key) for key in form.keys)
            if form is STEPS[0]:
                nodes = (AGE, *nodes)
            built.append(Step(form.slug, str(form.title), nodes))
    return tuple(built)


def in_format(link_id: str, answer_format: int) -> bool:
    return answer_format >= 2 or link_id not in FORMAT_2_ONLY
