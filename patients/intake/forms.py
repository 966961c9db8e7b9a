"""One form per questionnaire step.

Each form turns its inputs into answers of the engine's answer format and
validates them with the engine itself (`parse_answers`), so that the ranges
and types live in one place. Django fields only parse what was typed (a
number, a choice) and ask for what is required.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Column, Div, Fieldset, Layout, Row
from django import forms
from django.utils.html import format_html

from patients.intake import wording
from screening.rules import FieldError, InvalidAnswers, parse_answers
from screening.rules.answers import BP_READINGS_MAX, DIASTOLIC, SYSTOLIC

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


def yes_no_unsure(label: str, **kwargs: Any) -> forms.ChoiceField:
    return choice(label, wording.YES_NO_UNSURE, **kwargs)


def yes_no(label: str, **kwargs: Any) -> forms.ChoiceField:
    return choice(label, wording.YES_NO, **kwargs)


def shown_when(field: str, *values: str, fields: Iterable[str]) -> Div:
    """Fields shown only after `field` takes one of `values` (see static/js/intake.js)."""
    return Div(*fields, data_show_when=f"{field}:{','.join(values)}")


class StepForm(forms.Form):
    slug: ClassVar[str]
    title: ClassVar[str]
    # The answer keys this step writes; saving the step replaces exactly these.
    keys: ClassVar[tuple[str, ...]]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.step_answers: Answers = {}
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = self.layout()

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
            parse_answers(step_answers)
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
        help_text="For example 170. 5 feet 7 inches is about 170 cm.",
        error_messages={"required": REQUIRED, "invalid": "Enter your height as a number."},
    )
    weight_kg = forms.FloatField(
        label="Weight in kilograms",
        widget=DECIMAL_INPUT,
        help_text="For example 70. 154 pounds is about 70 kg.",
        error_messages={"required": REQUIRED, "invalid": "Enter your weight as a number."},
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


class BloodPressureForm(StepForm):
    slug = "blood-pressure"
    title = "Blood pressure"
    keys = ("bp_readings",)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.reading_numbers: list[int] = []
        super().__init__(*args, **kwargs)

    def layout(self) -> Layout:
        readings = [
            Fieldset(
                f"Reading {number}" + ("" if number == 1 else " (optional)"),
                Row(
                    Column(f"systolic_{number}", css_class="col-6"),
                    Column(f"diastolic_{number}", css_class="col-6"),
                ),
            )
            for number in range(1, BP_READINGS_MAX + 1)
        ]
        return Layout(HTML('{% include "intake/bp_instructions.html" %}'), *readings)

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = {}
        for number, reading in enumerate(answers.get("bp_readings", []), start=1):
            initial[f"systolic_{number}"] = reading["systolic"]
            initial[f"diastolic_{number}"] = reading["diastolic"]
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        for number in range(2, BP_READINGS_MAX + 1):
            pair = (f"systolic_{number}", f"diastolic_{number}")
            given = [name for name in pair if data.get(name) is not None]
            if len(given) == 1:
                missing = next(name for name in pair if name not in given)
                self.add_error(missing, "Enter both numbers of this reading, or clear both.")
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        readings, self.reading_numbers = [], []
        for number in range(1, BP_READINGS_MAX + 1):
            systolic, diastolic = data.get(f"systolic_{number}"), data.get(f"diastolic_{number}")
            if systolic is not None and diastolic is not None:
                readings.append({"systolic": systolic, "diastolic": diastolic})
                self.reading_numbers.append(number)
        return {"bp_readings": readings}

    def field_for(self, error: FieldError) -> str | None:
        if error.item is None:
            return None
        return f"{error.part or 'systolic'}_{self.reading_numbers[error.item - 1]}"


class MedicalHistoryForm(StepForm):
    slug = "medical-history"
    title = "Medical history"
    keys = ("conditions", "ketamine_hypersensitivity")

    conditions = forms.MultipleChoiceField(
        label="Has a doctor ever told you that you have any of these?",
        choices=[
            (
                value,
                format_html(
                    '{}<span class="d-block small text-body-secondary">{}</span>', name, about
                ),
            )
            for value, name, about in wording.CONDITIONS
        ],
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick every one that applies, or “None of these” below.",
    )
    none_of_these = forms.BooleanField(label="None of these", required=False)
    ketamine_hypersensitivity = yes_no_unsure(
        "Have you ever had an allergy or a bad reaction to ketamine or esketamine (Spravato)?"
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
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        answers["conditions"] = list(data.get("conditions") or [])
        return answers


class MentalHealthForm(StepForm):
    slug = "mental-health"
    title = "Mental health history"
    keys = ("psychosis", "mania", "dissociative_disorder", "aggression_history")

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
    dissociative_disorder = choice(
        "Have you been diagnosed with a dissociative disorder?",
        wording.DISSOCIATIVE_DISORDER,
        help_text="Dissociation is feeling detached from yourself, your body or your "
        "surroundings, or losing time.",
    )
    aggression_history = yes_no_unsure(
        "In the past year, have you behaved aggressively or violently towards others?"
    )


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
                *(f"dast10_{n}" for n in range(1, 11)),
                HTML(f'<p class="form-text">{wording.DAST10_ATTRIBUTION}</p>'),
            ),
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = super().initial_from(answers)
        for number, score in enumerate(answers.get("audit_c", []), start=1):
            initial[f"audit_c_{number}"] = score
        for number, answer in enumerate(answers.get("dast10", []), start=1):
            initial[f"dast10_{number}"] = "yes" if answer else "no"
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        # AUDIT-C: after "Never", questions 2 and 3 are skipped and score 0.
        if data.get("audit_c_1") == 0:
            data["audit_c_2"] = data["audit_c_3"] = 0
        elif data.get("audit_c_1") is not None:
            self.require(data, "audit_c_2", "audit_c_3")
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        answers["audit_c"] = [data[f"audit_c_{n}"] for n in range(1, 4)]
        answers["dast10"] = [data[f"dast10_{n}"] == "yes" for n in range(1, 11)]
        return answers

    def field_for(self, error: FieldError) -> str | None:
        if error.field in ("audit_c", "dast10") and error.item:
            return f"{error.field}_{error.item}"
        return super().field_for(error)


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
        return Layout(
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
            "panic_disorder",
        )

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
BloodPressureForm.base_fields |= {
    f"{part}_{number}": forms.IntegerField(
        label=label,
        required=number == 1,
        widget=WHOLE_NUMBER_INPUT,
        help_text=f"{span.low} to {span.high} mmHg",
        error_messages={
            "required": "Please enter this number.",
            "invalid": "Enter a whole number, as the cuff shows it.",
        },
    )
    for number in range(1, BP_READINGS_MAX + 1)
    for part, label, span in (
        ("systolic", "Top number (systolic)", SYSTOLIC),
        ("diastolic", "Bottom number (diastolic)", DIASTOLIC),
    )
}
SubstanceUseForm.base_fields |= {
    f"audit_c_{number}": choice(question, options, coerce=int, required=number == 1)
    for number, (question, options) in enumerate(wording.AUDIT_C_QUESTIONS, start=1)
} | {
    f"dast10_{number}": yes_no(f"{number}. {question}")
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

    antidepressant_trials = forms.IntegerField(
        label="How many different antidepressant medicines have you taken for at least "
        "6 weeks at the dose your doctor prescribed?",
        help_text="Count each medicine once. Enter 0 if none.",
        widget=WHOLE_NUMBER_INPUT,
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
