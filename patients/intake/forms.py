"""One form per questionnaire step.

Each form turns its inputs into answers of the engine's answer format (format 2)
and validates them with the engine itself (`parse_answers`), so that the ranges
and types live in one place. Django fields only parse what was typed (a
number, a choice) and ask for what is required.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Final

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Fieldset, Layout, Row
from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString

from patients.intake import wording
from screening.rules import (
    FieldError,
    InvalidAnswers,
    Thresholds,
    crisis_level_reading,
    parse_answers,
)
from screening.rules.answers import (
    ANTIDEPRESSANT_TRIALS,
    BP_READINGS_MAX,
    BP_READINGS_MIN_FORMAT_2,
    CONTACT_NAME_MAX,
    DIASTOLIC,
    HEART_RATE,
    HEIGHT_CM,
    LATEST_FORMAT,
    MEDICATION_NAME_MAX,
    MEDICATIONS_OTHER_MAX,
    PHONE_MAX,
    SESSION_LOCATION_MAX,
    SYSTOLIC,
    WEIGHT_KG,
    Span,
)

Answers = dict[str, Any]

REQUIRED = "Please answer this question."
# Text inputs, not type=number: what was typed stays visible when it is wrong,
# and a scroll wheel cannot change a blood pressure.
DECIMAL_INPUT = forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"})
WHOLE_NUMBER_INPUT = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})


def choice(label: str, choices: Iterable[tuple[Any, str]], **kwargs: Any) -> forms.ChoiceField:
    """Radio buttons; `coerce` makes it typed (e.g. int item scores)."""
    coerce = kwargs.pop("coerce", None)
    options = {
        "label": label,
        "choices": list(choices),
        "widget": forms.RadioSelect,
        "error_messages": {"required": REQUIRED},
        **kwargs,
    }
    if coerce is not None:
        return forms.TypedChoiceField(coerce=coerce, **options)
    return forms.ChoiceField(**options)


def whole_number_in(span: Span, out_of_range: str, **kwargs: Any) -> forms.IntegerField:
    """A whole number inside the engine's accepted range, refused with `out_of_range` (in the
    patient's words) together with every other error of the page."""
    messages = kwargs.pop("error_messages", {})
    return forms.IntegerField(
        min_value=span.low,
        max_value=span.high,
        widget=WHOLE_NUMBER_INPUT,
        error_messages={**messages, "min_value": out_of_range, "max_value": out_of_range},
        **kwargs,
    )


def yes_no_unsure(label: str, **kwargs: Any) -> forms.ChoiceField:
    return choice(label, wording.YES_NO_UNSURE, **kwargs)


def yes_no(label: str, **kwargs: Any) -> forms.ChoiceField:
    return choice(label, wording.YES_NO, **kwargs)


class ChoiceLabel(SafeString):
    """A choice's label as HTML, with its plain name for summaries of the answers."""

    name: str


def described(choices: Iterable[tuple[str, str, str]]) -> list[tuple[str, Any]]:
    """Checkbox labels with an explanation in small print under each name."""
    labels = []
    for value, name, about in choices:
        label = ChoiceLabel(
            format_html(
                '{}<span class="visually-hidden">: </span>'
                '<span class="d-block small text-body-secondary">{}</span>',
                name,
                about,
            )
        )
        label.name = name
        labels.append((value, label))
    return labels


def shown_when(field: str, *values: str, fields: Iterable[Any]) -> Div:
    """Fields shown only after `field` takes one of `values` (see static/js/intake.js)."""
    return Div(*fields, data_show_when=f"{field}:{','.join(values)}")


def hidden_when(field: str, *values: str, fields: Iterable[Any]) -> Div:
    """Fields hidden while `field` takes one of `values` (see static/js/intake.js)."""
    return Div(*fields, data_hide_when=f"{field}:{','.join(values)}")


class StepForm(forms.Form):
    slug: ClassVar[str]
    title: ClassVar[str]
    # The answer keys this step writes; saving the step replaces exactly these.
    keys: ClassVar[tuple[str, ...]]
    # Shown on the page again after saving, when `advice_needed` says so.
    advice_template: ClassVar[str] = ""

    def __init__(self, *args: Any, answers: Answers | None = None, **kwargs: Any) -> None:
        # `answers`: the draft's answers so far, for steps that depend on earlier ones.
        self.answers = answers or {}
        super().__init__(*args, **kwargs)
        self.step_answers: Answers = {}
        self.adapt_fields()
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = self.layout()

    def adapt_fields(self) -> None:
        """Change the fields to fit the answers of earlier steps (see ContactsForm)."""

    @classmethod
    def advice_needed(cls, step_answers: Answers, thresholds: Thresholds) -> bool:
        """True when saved answers call for advice on this very page (see BloodPressureForm)."""
        return False

    def layout(self) -> Layout:
        return Layout(*self.fields)

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        """The form's initial data from saved answers."""
        return {key: answers[key] for key in cls.keys if key in answers}

    def answers_from(self, data: dict[str, Any]) -> Answers:
        """This step's answers, in the answer format, from cleaned data."""
        return {key: data[key] for key in self.keys if data.get(key) not in (None, "")}

    def field_for(self, error: FieldError) -> str | None:
        """The form field that shows an engine error (None: at the top of the form)."""
        return error.field if error.field in self.fields else None

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.errors:
            return data
        step_answers = self.answers_from(data)
        try:
            parse_answers({**step_answers, "format": LATEST_FORMAT})
        except InvalidAnswers as invalid:
            for error in invalid.errors:
                self.add_error(self.field_for(error), error.message)
        else:
            self.step_answers = step_answers
        return data

    def require(self, data: dict[str, Any], *names: str) -> None:
        for name in names:
            if data.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, REQUIRED)


class AboutYouForm(StepForm):
    slug = "about-you"
    title = "About you"
    keys = ("sex_at_birth", "pregnant", "breastfeeding", "height_cm", "weight_kg")

    sex_at_birth = choice(
        "What sex were you assigned at birth?",
        wording.SEX_AT_BIRTH,
        help_text="Some questions and safety checks depend on it.",
    )
    pregnant = yes_no_unsure("Are you pregnant, or could you be pregnant?", required=False)
    breastfeeding = yes_no_unsure("Are you breastfeeding?", required=False)
    height_cm = forms.FloatField(
        label="Height in centimetres",
        widget=DECIMAL_INPUT,
        min_value=HEIGHT_CM.low,
        max_value=HEIGHT_CM.high,
        help_text="For example 170. 5 feet 7 inches is about 170 cm.",
        error_messages={
            "required": REQUIRED,
            "invalid": "Enter your height as a number.",
            "min_value": f"Your height should be between {HEIGHT_CM.low} and {HEIGHT_CM.high} cm.",
            "max_value": f"Your height should be between {HEIGHT_CM.low} and {HEIGHT_CM.high} cm.",
        },
    )
    weight_kg = forms.FloatField(
        label="Weight in kilograms",
        widget=DECIMAL_INPUT,
        min_value=WEIGHT_KG.low,
        max_value=WEIGHT_KG.high,
        help_text="For example 70. 154 pounds is about 70 kg.",
        error_messages={
            "required": REQUIRED,
            "invalid": "Enter your weight as a number.",
            "min_value": f"Your weight should be between {WEIGHT_KG.low} and {WEIGHT_KG.high} kg.",
            "max_value": f"Your weight should be between {WEIGHT_KG.low} and {WEIGHT_KG.high} kg.",
        },
    )

    def layout(self) -> Layout:
        return Layout(
            "sex_at_birth",
            shown_when("sex_at_birth", "female", "intersex", fields=("pregnant", "breastfeeding")),
            Row(
                Column("height_cm", css_class="col-sm-6"), Column("weight_kg", css_class="col-sm-6")
            ),
        )

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data.get("sex_at_birth") not in (None, "male"):
            self.require(data, "pregnant", "breastfeeding")
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        if answers.get("sex_at_birth") == "male":
            answers.pop("pregnant", None)
            answers.pop("breastfeeding", None)
        return answers


READING_PARTS = ("systolic", "diastolic", "heart_rate")


class BloodPressureForm(StepForm):
    slug = "blood-pressure"
    title = "Blood pressure and pulse"
    keys = ("bp_readings", "bp_unavailable")
    advice_template = "intake/bp_advice.html"

    bp_unavailable = forms.BooleanField(
        label="I don't have a blood pressure monitor",
        required=False,
        help_text="You can still send your answers: a clinician will arrange a reading.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.reading_numbers: list[int] = []
        super().__init__(*args, **kwargs)

    def layout(self) -> Layout:
        readings = [
            Fieldset(
                f"Reading {number}" + ("" if number <= BP_READINGS_MIN_FORMAT_2 else " (optional)"),
                Row(
                    *(
                        Column(f"{part}_{number}", css_class="col-12 col-sm-4")
                        for part in READING_PARTS
                    )
                ),
            )
            for number in range(1, BP_READINGS_MAX + 1)
        ]
        return Layout(
            HTML('{% include "intake/bp_instructions.html" %}'),
            hidden_when("bp_unavailable", "on", fields=readings),
            "bp_unavailable",
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial: dict[str, Any] = {"bp_unavailable": True} if answers.get("bp_unavailable") else {}
        for number, reading in enumerate(answers.get("bp_readings", []), start=1):
            for part in READING_PARTS:
                if part in reading:
                    initial[f"{part}_{number}"] = reading[part]
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        typed = [name for name in self.reading_fields() if data.get(name) is not None]
        if data.get("bp_unavailable"):
            if typed:
                self.add_error(
                    "bp_unavailable",
                    "You ticked that you have no monitor, yet entered readings: untick it, "
                    "or clear the readings.",
                )
            return super().clean()
        for number in range(1, BP_READINGS_MAX + 1):
            names = [f"{part}_{number}" for part in READING_PARTS]
            given = [name for name in names if data.get(name) is not None]
            if number > BP_READINGS_MIN_FORMAT_2 and not given:
                continue  # an optional reading left empty
            for name in names:
                if name not in given and name not in self.errors:
                    message = (
                        "Please enter this number."
                        if number <= BP_READINGS_MIN_FORMAT_2
                        else "Enter all three numbers of this reading, or clear them."
                    )
                    self.add_error(name, message)
            top, bottom = data.get(f"systolic_{number}"), data.get(f"diastolic_{number}")
            if top is not None and bottom is not None and top <= bottom:
                self.add_error(
                    f"systolic_{number}",
                    "The top number should be higher than the bottom number: check that "
                    "each is in its own box.",
                )
        return super().clean()

    @staticmethod
    def reading_fields() -> list[str]:
        return [f"{p}_{n}" for n in range(1, BP_READINGS_MAX + 1) for p in READING_PARTS]

    def answers_from(self, data: dict[str, Any]) -> Answers:
        if data.get("bp_unavailable"):
            return {"bp_unavailable": True}
        readings, self.reading_numbers = [], []
        for number in range(1, BP_READINGS_MAX + 1):
            values = {part: data.get(f"{part}_{number}") for part in READING_PARTS}
            if None not in values.values():
                readings.append(values)
                self.reading_numbers.append(number)
        return {"bp_readings": readings}

    def field_for(self, error: FieldError) -> str | None:
        if error.field == "bp_unavailable":
            return "bp_unavailable"
        if error.item is None:
            return None
        return f"{error.part or 'systolic'}_{self.reading_numbers[error.item - 1]}"

    @classmethod
    def advice_needed(cls, step_answers: Answers, thresholds: Thresholds) -> bool:
        """A reading at crisis level: measure again in 5 minutes, or call 911 (see the page)."""
        readings = step_answers.get("bp_readings")
        if not readings:
            return False
        return crisis_level_reading(parse_answers({"bp_readings": readings}), thresholds)


class MedicalHistoryForm(StepForm):
    slug = "medical-history"
    title = "Medical history"
    keys = ("conditions", "hypertension_treated", "ketamine_hypersensitivity")

    conditions = forms.MultipleChoiceField(
        label="Has a doctor ever told you that you have any of these?",
        choices=described(wording.CONDITIONS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick every one that applies, or “None of these” below.",
    )
    none_of_these = forms.BooleanField(label="None of these", required=False)
    hypertension_treated = yes_no_unsure(
        "Is your high blood pressure treated, for example with medicine?",
        required=False,
        help_text="The next page asks which medicines you take.",
    )
    ketamine_hypersensitivity = yes_no_unsure(
        "Have you ever had an allergy or a bad reaction to ketamine or esketamine (Spravato)?"
    )

    def layout(self) -> Layout:
        return Layout(
            "conditions",
            "none_of_these",
            shown_when("conditions", "hypertension", fields=("hypertension_treated",)),
            "ketamine_hypersensitivity",
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = super().initial_from(answers)
        if answers.get("conditions") == []:
            initial["none_of_these"] = True
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data.get("conditions") and data.get("none_of_these"):
            self.add_error(
                "none_of_these",
                "You ticked “None of these” and a condition: untick one or the other.",
            )
        elif not data.get("conditions") and not data.get("none_of_these"):
            self.add_error("conditions", "Tick the conditions that apply, or tick “None of these”.")
        if "hypertension" in (data.get("conditions") or []):
            self.require(data, "hypertension_treated")
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        answers["conditions"] = list(data.get("conditions") or [])
        if "hypertension" not in answers["conditions"]:
            answers.pop("hypertension_treated", None)
        return answers


class MedicationsForm(StepForm):
    slug = "medications"
    title = "Medicines"
    keys = ("medications", "medications_other")

    medications = forms.MultipleChoiceField(
        label="Which of these do you take now, every day or now and then?",
        choices=described(wording.MEDICATIONS),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick every kind that applies, or “None of these” below. Some medicines "
        "change how ketamine works or how safe it is.",
    )
    none_of_these = forms.BooleanField(label="None of these", required=False)
    medications_other = forms.CharField(
        label="Which other medicines do you take?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=f"One medicine a line, up to {MEDICATIONS_OTHER_MAX}, "
        f"each up to {MEDICATION_NAME_MAX} characters. A name on the label is enough.",
    )

    def layout(self) -> Layout:
        return Layout(
            "medications",
            "none_of_these",
            shown_when("medications", "other", fields=("medications_other",)),
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        medications = answers.get("medications")
        if medications == ["none"]:
            initial["none_of_these"] = True
        elif medications:
            initial["medications"] = medications
        if answers.get("medications_other"):
            initial["medications_other"] = "\n".join(answers["medications_other"])
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data.get("medications") and data.get("none_of_these"):
            self.add_error(
                "none_of_these",
                "You ticked “None of these” and a medicine: untick one or the other.",
            )
        elif not data.get("medications") and not data.get("none_of_these"):
            self.add_error("medications", "Tick the medicines you take, or tick “None of these”.")
        if "other" in (data.get("medications") or []) and not self.names(data):
            self.add_error("medications_other", "Write the name of the other medicine.")
        return super().clean()

    @staticmethod
    def names(data: dict[str, Any]) -> list[str]:
        return [line.strip() for line in (data.get("medications_other") or "").splitlines()]

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers: Answers = {"medications": list(data.get("medications") or []) or ["none"]}
        names = [name for name in self.names(data) if name]
        if "other" in answers["medications"] and names:
            answers["medications_other"] = names
        return answers


class MentalHealthForm(StepForm):
    slug = "mental-health"
    title = "Mental health history"
    # `dissociative_diagnosed` keeps the patient's own first answer for display;
    # the engine reads `dissociative_disorder`, made from it and the severity.
    keys = (
        "psychosis",
        "mania",
        "dissociative_disorder",
        "dissociative_diagnosed",
        "aggression_history",
    )

    psychosis = choice(
        "Have you ever had psychotic symptoms, such as hearing or seeing things others do not "
        "(hallucinations) or holding fixed false beliefs (delusions), or been diagnosed with "
        "schizophrenia or schizoaffective disorder?",
        wording.PSYCHOSIS,
        help_text="Only your own experiences count, not those of family members.",
    )
    mania = yes_no_unsure(
        "Have you ever had a manic episode, or been diagnosed with bipolar I disorder?",
        help_text="Mania is a period of at least a week of unusually high energy or mood, "
        "little need for sleep and racing thoughts.",
    )
    dissociative_diagnosed = yes_no_unsure(
        wording.DISSOCIATIVE_DIAGNOSED_QUESTION,
        help_text="Dissociation is feeling detached from yourself, your body or your "
        "surroundings, or losing time.",
    )
    dissociative_severity = choice(
        "How severe did the clinician who diagnosed it say it is?",
        wording.DISSOCIATIVE_SEVERITY,
        required=False,
        help_text="Your clinician will talk it through with you.",
    )
    aggression_history = yes_no_unsure(
        "In the past year, have you behaved aggressively or violently towards others?"
    )

    def layout(self) -> Layout:
        return Layout(
            "psychosis",
            "mania",
            "dissociative_diagnosed",
            shown_when("dissociative_diagnosed", "yes", fields=("dissociative_severity",)),
            "aggression_history",
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = super().initial_from(answers)
        disorder = answers.get("dissociative_disorder")
        if disorder is not None and "dissociative_diagnosed" not in initial:
            # Format 1 kept only the engine's answer: the question's answer follows from it.
            initial["dissociative_diagnosed"] = {"none": "no", "unsure": "unsure"}.get(
                disorder, "yes"
            )
        if initial.get("dissociative_diagnosed") == "yes":
            initial["dissociative_severity"] = disorder
        initial.pop("dissociative_disorder", None)
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data.get("dissociative_diagnosed") == "yes":
            self.require(data, "dissociative_severity")
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        diagnosed = answers.get("dissociative_diagnosed")
        if diagnosed == "yes":
            answers["dissociative_disorder"] = data.get("dissociative_severity")
        elif diagnosed is not None:
            answers["dissociative_disorder"] = {"no": "none"}.get(diagnosed, diagnosed)
        return answers

    def field_for(self, error: FieldError) -> str | None:
        if error.field == "dissociative_disorder":
            return "dissociative_diagnosed"
        return super().field_for(error)


# DAST-10 answers of someone who used no drugs (a "no" to item 1): the instrument scores the
# skipped questionnaire 0 (item 3, "always able to stop", is reverse-scored, so it reads yes).
DAST10_NOT_USED: Final = (False, False, True, *[False] * 7)


class SubstanceUseForm(StepForm):
    slug = "substance-use"
    title = "Alcohol and drugs"
    keys = ("substance_use", "ketamine_misuse", "audit_c", "dast10")

    substance_use = choice("Have you had problems with alcohol or drug use?", wording.SUBSTANCE_USE)
    ketamine_misuse = yes_no_unsure(
        "Have you ever used ketamine outside medical care in a way that caused you problems?"
    )

    def layout(self) -> Layout:
        return Layout(
            "substance_use",
            "ketamine_misuse",
            Fieldset(
                "AUDIT-C: alcohol",
                "audit_c_1",
                shown_when("audit_c_1", "1", "2", "3", "4", fields=("audit_c_2", "audit_c_3")),
            ),
            Fieldset(
                "DAST-10: drug use in the past 12 months",
                HTML(f'<p class="form-text">{wording.DAST10_STEM}</p>'),
                "dast10_1",  # the others are asked only of someone who used drugs
                shown_when("dast10_1", "yes", fields=[f"dast10_{n}" for n in range(2, 11)]),
                HTML(f'<p class="form-text">{wording.DAST10_ATTRIBUTION}</p>'),
            ),
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = super().initial_from(answers)
        for number, score in enumerate(answers.get("audit_c", []), start=1):
            initial[f"audit_c_{number}"] = score
        dast10 = answers.get("dast10", [])
        for number, answer in enumerate(dast10 if dast10[:1] == [True] else dast10[:1], start=1):
            initial[f"dast10_{number}"] = "yes" if answer else "no"
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        # AUDIT-C: after "Never", questions 2 and 3 are skipped and score 0.
        if data.get("audit_c_1") == 0:
            data["audit_c_2"] = data["audit_c_3"] = 0
        elif data.get("audit_c_1") is not None:
            self.require(data, "audit_c_2", "audit_c_3")
        if data.get("dast10_1") == "yes":
            self.require(data, *(f"dast10_{n}" for n in range(2, 11)))
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        answers["audit_c"] = [data[f"audit_c_{n}"] for n in range(1, 4)]
        if data.get("dast10_1") == "yes":
            answers["dast10"] = [data[f"dast10_{n}"] == "yes" for n in range(1, 11)]
        else:
            answers["dast10"] = list(DAST10_NOT_USED)
        return answers

    def field_for(self, error: FieldError) -> str | None:
        if error.field in ("audit_c", "dast10") and error.item:
            return f"{error.field}_{error.item}"
        return super().field_for(error)


def phq9_gad7_fieldsets() -> tuple[Fieldset, Fieldset]:
    """PHQ-9 and GAD-7 as fieldsets, each with its stem, unscored item and attribution: the
    intake's step and the questionnaires of a course ask them the same way."""
    return (
        Fieldset(
            "PHQ-9",
            HTML(f'<p class="fw-semibold">{wording.PHQ9_STEM}</p>'),
            *(f"phq9_{n}" for n in range(1, 10)),
            "phq9_difficulty",
            HTML(f'<p class="form-text">{wording.PFIZER_ATTRIBUTION}</p>'),
        ),
        Fieldset(
            "GAD-7",
            HTML(f'<p class="fw-semibold">{wording.GAD7_STEM}</p>'),
            *(f"gad7_{n}" for n in range(1, 8)),
            "gad7_difficulty",
            HTML(f'<p class="form-text">{wording.PFIZER_ATTRIBUTION}</p>'),
        ),
    )


class MoodForm(StepForm):
    slug = "mood"
    title = "Mood and anxiety"
    # The "how difficult" answers are unscored: kept for the clinician, unknown to the engine.
    keys = ("phq9", "gad7", "phq9_difficulty", "gad7_difficulty", "panic_disorder")

    phq9_difficulty = choice(wording.DIFFICULTY_QUESTION, wording.DIFFICULTY, required=False)
    gad7_difficulty = choice(wording.DIFFICULTY_QUESTION, wording.DIFFICULTY, required=False)

    panic_disorder = yes_no_unsure(
        "Have you been diagnosed with panic disorder, or do you have panic attacks that keep "
        "coming back?"
    )

    def layout(self) -> Layout:
        return Layout(*phq9_gad7_fieldsets(), "panic_disorder")

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = super().initial_from(answers)
        for prefix in ("phq9", "gad7"):
            for number, score in enumerate(answers.get(prefix, []), start=1):
                initial[f"{prefix}_{number}"] = score
        return initial

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        answers["phq9"] = [data[f"phq9_{n}"] for n in range(1, 10)]
        answers["gad7"] = [data[f"gad7_{n}"] for n in range(1, 8)]
        return answers

    def field_for(self, error: FieldError) -> str | None:
        if error.field in ("phq9", "gad7") and error.item:
            return f"{error.field}_{error.item}"
        return super().field_for(error)


# Fields generated from the instruments' items, added after each class is made.
READING_LABELS = {
    "systolic": ("Top number (systolic)", "The top number", SYSTOLIC, "mmHg"),
    "diastolic": ("Bottom number (diastolic)", "The bottom number", DIASTOLIC, "mmHg"),
    "heart_rate": ("Pulse (heart rate)", "Your pulse", HEART_RATE, "beats a minute"),
}
BloodPressureForm.base_fields = {
    f"{part}_{number}": whole_number_in(
        span,
        f"{subject} should be between {span.low} and {span.high}.",
        label=label,
        required=False,  # which numbers are needed depends on the monitor: see clean()
        help_text=f"{span.low} to {span.high} {unit}",
        error_messages={"invalid": "Enter a whole number, as the monitor shows it."},
    )
    for number in range(1, BP_READINGS_MAX + 1)
    for part, (label, subject, span, unit) in READING_LABELS.items()
} | BloodPressureForm.base_fields
SubstanceUseForm.base_fields |= {
    f"audit_c_{number}": choice(question, options, coerce=int, required=number == 1)
    for number, (question, options) in enumerate(wording.AUDIT_C_QUESTIONS, start=1)
} | {
    f"dast10_{number}": yes_no(f"{number}. {question}", required=number == 1)  # see clean()
    for number, question in enumerate(wording.DAST10_ITEMS, start=1)
}
MoodForm.base_fields |= {
    f"{prefix}_{number}": choice(f"{number}. {item}", wording.OVER_TWO_WEEKS, coerce=int)
    for prefix, items in (("phq9", wording.PHQ9_ITEMS), ("gad7", wording.GAD7_ITEMS))
    for number, item in enumerate(items, start=1)
}

FOLLOW_UPS = ("method", "intent", "plan")


class SafetyForm(StepForm):
    slug = "safety"
    title = "Your safety"
    keys = ("cssrs",)

    cssrs_wish_dead = yes_no(wording.CSSRS_QUESTIONS["wish_dead"])
    cssrs_suicidal_thoughts = yes_no(wording.CSSRS_QUESTIONS["suicidal_thoughts"])
    cssrs_method = yes_no(wording.CSSRS_QUESTIONS["method"], required=False)
    cssrs_intent = yes_no(wording.CSSRS_QUESTIONS["intent"], required=False)
    cssrs_plan = yes_no(wording.CSSRS_QUESTIONS["plan"], required=False)
    cssrs_behavior_lifetime = yes_no(
        wording.CSSRS_QUESTIONS["behavior_lifetime"], help_text=wording.CSSRS_BEHAVIOR_EXAMPLES
    )
    cssrs_behavior_recent = yes_no(wording.CSSRS_QUESTIONS["behavior_recent"], required=False)

    def layout(self) -> Layout:
        return Layout(
            HTML('{% include "intake/safety_intro.html" %}'),
            Fieldset(
                "C-SSRS screener",
                HTML(f'<p class="fw-semibold">{wording.CSSRS_STEM}</p>'),
                "cssrs_wish_dead",
                "cssrs_suicidal_thoughts",
                shown_when(
                    "cssrs_suicidal_thoughts",
                    "yes",
                    fields=("cssrs_method", "cssrs_intent", "cssrs_plan"),
                ),
                "cssrs_behavior_lifetime",
                shown_when("cssrs_behavior_lifetime", "yes", fields=("cssrs_behavior_recent",)),
                HTML(f'<p class="form-text">{wording.CSSRS_ATTRIBUTION}</p>'),
            ),
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        cssrs = answers.get("cssrs", {})
        initial = {
            f"cssrs_{item}": "yes" if value else "no"
            for item, value in cssrs.items()
            if item in (*FOLLOW_UPS, "wish_dead", "suicidal_thoughts", "behavior_lifetime")
        }
        if cssrs.get("behavior_lifetime"):
            initial["cssrs_behavior_recent"] = "yes" if cssrs.get("behavior_3_months") else "no"
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data.get("cssrs_suicidal_thoughts") == "yes":
            self.require(data, *(f"cssrs_{item}" for item in FOLLOW_UPS))
        if data.get("cssrs_behavior_lifetime") == "yes":
            self.require(data, "cssrs_behavior_recent")
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        def yes(name: str) -> bool:
            return bool(data.get(f"cssrs_{name}") == "yes")

        cssrs = {
            "wish_dead": yes("wish_dead"),
            "suicidal_thoughts": yes("suicidal_thoughts"),
            "behavior_3_months": yes("behavior_lifetime") and yes("behavior_recent"),
            # Not in the engine's format; kept for the clinician (moderate risk when not recent).
            "behavior_lifetime": yes("behavior_lifetime"),
        }
        if cssrs["suicidal_thoughts"]:  # follow-ups are asked only after a yes
            cssrs |= {item: yes(item) for item in FOLLOW_UPS}
        return {"cssrs": cssrs}

    def field_for(self, error: FieldError) -> str | None:
        return f"cssrs_{error.part}" if f"cssrs_{error.part}" in self.fields else None


class TreatmentForm(StepForm):
    slug = "treatment"
    title = "Treatment so far"
    keys = ("antidepressant_trials",)

    antidepressant_trials = whole_number_in(
        ANTIDEPRESSANT_TRIALS,
        f"Enter a number from {ANTIDEPRESSANT_TRIALS.low} to {ANTIDEPRESSANT_TRIALS.high}.",
        label="How many different antidepressant medicines have you taken for at least "
        "6 weeks at the dose your doctor prescribed?",
        help_text="Count each medicine once. Enter 0 if none.",
        error_messages={"required": REQUIRED, "invalid": "Enter a whole number, such as 2."},
    )


class HomeSupportForm(StepForm):
    slug = "home"
    title = "Home and support"
    keys = ("home_safe", "support_person")

    home_safe = yes_no_unsure(
        "Do you have a safe, private and calm place at home where you could have a session "
        "undisturbed for about two hours?"
    )
    support_person = yes_no_unsure(
        "Is there an adult you trust who could be with you during and after an at-home session?"
    )


PHONE_INPUT = forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "off"})


def contact_fields(prefix: str, whose: str) -> dict[str, forms.Field]:
    return {
        f"{prefix}_name": forms.CharField(
            label=f"{whose}: name",
            max_length=CONTACT_NAME_MAX,
            error_messages={"required": REQUIRED},
        ),
        f"{prefix}_phone": forms.CharField(
            label=f"{whose}: phone number",
            max_length=PHONE_MAX,
            widget=PHONE_INPUT,
            help_text="With the area code, for example (555) 010-0100.",
            error_messages={"required": REQUIRED},
        ),
    }


# (answer key, the prefix of its form fields)
CONTACTS = (("emergency_contact", "emergency"), ("support_person_contact", "support"))


class ContactsForm(StepForm):
    slug = "contacts"
    title = "Contacts and place of sessions"
    keys = ("emergency_contact", "support_person_contact", "session_location")

    session_location = forms.CharField(
        label="Where would your at-home sessions take place?",
        max_length=SESSION_LOCATION_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "street-address"}),
        help_text="The full address, so that help can reach you there.",
        error_messages={"required": REQUIRED},
    )

    def adapt_fields(self) -> None:
        """Ask for the support person and the place only where the patient has them."""
        if self.answers.get("support_person") != "yes":
            del self.fields["support_name"], self.fields["support_phone"]
        if self.answers.get("home_safe") != "yes":
            del self.fields["session_location"]

    def layout(self) -> Layout:
        parts: list[Any] = [
            Fieldset(
                "Someone we can call in an emergency",
                Row(
                    Column("emergency_name", css_class="col-sm-6"),
                    Column("emergency_phone", css_class="col-sm-6"),
                ),
            )
        ]
        if "support_name" in self.fields:
            parts.append(
                Fieldset(
                    "The adult who would be with you during at-home sessions",
                    Row(
                        Column("support_name", css_class="col-sm-6"),
                        Column("support_phone", css_class="col-sm-6"),
                    ),
                )
            )
        if "session_location" in self.fields:
            parts.append("session_location")
        return Layout(*parts)

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = {}
        for key, prefix in CONTACTS:
            for part, value in answers.get(key, {}).items():
                initial[f"{prefix}_{part}"] = value
        if "session_location" in answers:
            initial["session_location"] = answers["session_location"]
        return initial

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers: Answers = {}
        for key, prefix in CONTACTS:
            if f"{prefix}_name" in self.fields:
                answers[key] = {
                    "name": data.get(f"{prefix}_name", ""),
                    "phone": data.get(f"{prefix}_phone", ""),
                }
        if data.get("session_location"):
            answers["session_location"] = data["session_location"]
        return answers

    def field_for(self, error: FieldError) -> str | None:
        for key, prefix in CONTACTS:
            if error.field == key:
                return f"{prefix}_{error.part or 'name'}"
        return super().field_for(error)


ContactsForm.base_fields = (
    contact_fields("emergency", "Emergency contact")
    | contact_fields("support", "Support person")
    | ContactsForm.base_fields
)
