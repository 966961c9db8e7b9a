"""The steps that ask about the body: who the patient is (age, sex, height, weight) and the
blood-pressure readings with their heart rates."""

from __future__ import annotations

import math
from typing import Any

from crispy_forms.layout import HTML, Column, Fieldset, Layout, Row
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from patients.intake import wording
from patients.intake.forms.base import (
    DECIMAL_INPUT,
    WHOLE_NUMBER_INPUT,
    Answers,
    StepForm,
    choice,
    hidden_when,
    shown_when,
    whole_number_in,
    yes_no_unsure,
)
from screening.rules import FieldError, Thresholds, crisis_level_reading, parse_answers
from screening.rules.answers import (
    BP_READINGS_MAX,
    BP_READINGS_MIN_FORMAT_2,
    DIASTOLIC,
    HEART_RATE,
    HEIGHT_CM,
    SYSTOLIC,
    WEIGHT_KG,
    Span,
)

# Height and weight may be typed in feet, inches and pounds; the answers are always in cm
# and kg, each rounded to one decimal (5 ft 10 in is 177.8 cm, 165 lb is 74.8 kg). The
# imperial ranges are the whole feet-and-inches and pounds that fall inside the engine's.
CM_PER_INCH = 2.54
KG_PER_POUND = 0.45359237
HEIGHT_INCHES = Span(
    math.ceil(HEIGHT_CM.low / CM_PER_INCH), int(HEIGHT_CM.high / CM_PER_INCH), "in"
)
WEIGHT_POUNDS = Span(
    math.ceil(WEIGHT_KG.low / KG_PER_POUND), int(WEIGHT_KG.high / KG_PER_POUND), "pounds"
)
# Not an answer of the engine: what an imperial height and weight were typed as, to show them
# again in the patient's unit (the engine ignores keys it does not know).
AS_TYPED = "height_weight_as_typed"
IMPERIAL_FIELDS = ("height_ft", "height_in", "weight_lb")
METRIC_FIELDS = ("height_cm", "weight_kg")


def feet_and_inches(inches: int) -> str:
    return f"{inches // 12} ft {inches % 12} in"  # the same abbreviations in Spanish (US)


def height_cm_of(feet: int, inches: float) -> float:
    return round((feet * 12 + inches) * CM_PER_INCH, 1)


def weight_kg_of(pounds: float) -> float:
    return round(pounds * KG_PER_POUND, 1)


HEIGHT_IMPERIAL_RANGE = format_lazy(
    _("Your height should be between {low} and {high}."),
    low=feet_and_inches(HEIGHT_INCHES.low),
    high=feet_and_inches(HEIGHT_INCHES.high),
)
WEIGHT_IMPERIAL_RANGE = format_lazy(
    _("Your weight should be between {low} and {high} pounds."),
    low=WEIGHT_POUNDS.low,
    high=WEIGHT_POUNDS.high,
)
HEIGHT_CM_RANGE = format_lazy(
    _("Your height should be between {low} and {high} cm."), low=HEIGHT_CM.low, high=HEIGHT_CM.high
)
WEIGHT_KG_RANGE = format_lazy(
    _("Your weight should be between {low} and {high} kg."), low=WEIGHT_KG.low, high=WEIGHT_KG.high
)


class AboutYouForm(StepForm):
    slug = "about-you"
    title = _("About you")
    keys = ("sex_at_birth", "pregnant", "breastfeeding", "height_cm", "weight_kg", AS_TYPED)

    sex_at_birth = choice(
        _("What sex were you assigned at birth?"),
        wording.options("SEX_AT_BIRTH"),
        help_text=_("Some questions and safety checks depend on it."),
    )
    pregnant = yes_no_unsure(_("Are you pregnant, or could you be pregnant?"), required=False)
    breastfeeding = yes_no_unsure(_("Are you breastfeeding?"), required=False)
    units = choice(
        _("Which units would you like for your height and weight?"),
        (("metric", _("cm and kg")), ("imperial", _("feet, inches and pounds"))),
        required=False,  # without a choice (no script), centimetres and kilograms
        initial="metric",
    )
    height_cm = forms.FloatField(
        label=_("Height in centimetres"),
        widget=DECIMAL_INPUT,
        min_value=HEIGHT_CM.low,
        max_value=HEIGHT_CM.high,
        required=False,  # required in the unit chosen: see clean()
        help_text=_("For example 170. 5 feet 7 inches is about 170 cm."),
        error_messages={
            "invalid": _("Enter your height as a number."),
            "min_value": HEIGHT_CM_RANGE,
            "max_value": HEIGHT_CM_RANGE,
        },
    )
    weight_kg = forms.FloatField(
        label=_("Weight in kilograms"),
        widget=DECIMAL_INPUT,
        min_value=WEIGHT_KG.low,
        max_value=WEIGHT_KG.high,
        required=False,
        help_text=_("For example 70. 154 pounds is about 70 kg."),
        error_messages={
            "invalid": _("Enter your weight as a number."),
            "min_value": WEIGHT_KG_RANGE,
            "max_value": WEIGHT_KG_RANGE,
        },
    )
    height_ft = forms.IntegerField(
        label=_("Height: feet"),
        widget=WHOLE_NUMBER_INPUT,
        required=False,
        help_text=_("For example 5."),
        error_messages={"invalid": _("Enter the feet as a whole number.")},
    )
    height_in = forms.FloatField(
        label=_("and inches"),
        widget=DECIMAL_INPUT,
        required=False,
        help_text=_("0 to 11, for example 7."),
        error_messages={"invalid": _("Enter the inches as a number.")},
    )
    weight_lb = forms.FloatField(
        label=_("Weight in pounds"),
        widget=DECIMAL_INPUT,
        required=False,
        help_text=_("For example 154."),
        error_messages={"invalid": _("Enter your weight in pounds as a number.")},
    )

    def layout(self) -> Layout:
        return Layout(
            "sex_at_birth",
            shown_when("sex_at_birth", "female", "intersex", fields=("pregnant", "breastfeeding")),
            "units",
            shown_when(
                "units",
                "metric",
                fields=(
                    Row(
                        Column("height_cm", css_class="col-sm-6"),
                        Column("weight_kg", css_class="col-sm-6"),
                    ),
                ),
            ),
            shown_when(
                "units",
                "imperial",
                fields=(
                    Row(
                        Column("height_ft", css_class="col-6 col-sm-3"),
                        Column("height_in", css_class="col-6 col-sm-3"),
                        Column("weight_lb", css_class="col-sm-6"),
                    ),
                ),
            ),
        )

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data.get("sex_at_birth") not in (None, "male"):
            self.require(data, "pregnant", "breastfeeding")
        imperial = data.get("units") == "imperial"
        # The boxes of the other unit are hidden: whatever is in them does not count.
        for name in METRIC_FIELDS if imperial else IMPERIAL_FIELDS:
            self.errors.pop(name, None)
            data.pop(name, None)
        if imperial:
            self._convert_imperial(data)
        else:
            self.require(data, *METRIC_FIELDS)
        return super().clean()

    def _convert_imperial(self, data: dict[str, Any]) -> None:
        """Height and weight in cm and kg from feet, inches and pounds, each checked in the
        unit typed."""
        self.require(data, "height_ft", "weight_lb")
        feet, inches, pounds = (data.get(name) for name in IMPERIAL_FIELDS)
        if inches is not None and not 0 <= inches < 12:
            self.add_error("height_in", _("The inches should be between 0 and 11."))
        elif feet is not None:
            total = feet * 12 + (inches or 0)
            if HEIGHT_INCHES.low <= total <= HEIGHT_INCHES.high:
                data["height_cm"] = height_cm_of(feet, inches or 0)
            else:
                self.add_error("height_ft", HEIGHT_IMPERIAL_RANGE)
        if pounds is not None:
            if WEIGHT_POUNDS.low <= pounds <= WEIGHT_POUNDS.high:
                data["weight_kg"] = weight_kg_of(pounds)
            else:
                self.add_error("weight_lb", WEIGHT_IMPERIAL_RANGE)

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = super().initial_from(answers)
        typed = initial.pop(AS_TYPED, None)
        if isinstance(typed, dict):
            initial["units"] = "imperial"
            initial |= {name: typed[name] for name in IMPERIAL_FIELDS if name in typed}
        return initial

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        if answers.get("sex_at_birth") == "male":
            answers.pop("pregnant", None)
            answers.pop("breastfeeding", None)
        if data.get("units") == "imperial":
            answers[AS_TYPED] = {
                "height_ft": data.get("height_ft"),
                "height_in": float(data.get("height_in") or 0),
                "weight_lb": data.get("weight_lb"),
            }
        return answers


READING_LABELS = {
    "systolic": (_("Top number (systolic)"), _("The top number"), SYSTOLIC, "mmHg"),
    "diastolic": (_("Bottom number (diastolic)"), _("The bottom number"), DIASTOLIC, "mmHg"),
    "heart_rate": (_("Pulse (heart rate)"), _("Your pulse"), HEART_RATE, _("beats a minute")),
}
# What to ask for when a box of a reading is empty.
ENTER_READING = {
    "systolic": (_("Enter the top number."), _("Enter the top number, or clear this reading.")),
    "diastolic": (
        _("Enter the bottom number."),
        _("Enter the bottom number, or clear this reading."),
    ),
    "heart_rate": (_("Enter your pulse."), _("Enter your pulse, or clear this reading.")),
}


READING_PARTS = ("systolic", "diastolic", "heart_rate")


class BloodPressureForm(StepForm):
    slug = "blood-pressure"
    title = _("Blood pressure and pulse")
    keys = ("bp_readings", "bp_unavailable")
    advice_template = "intake/bp_advice.html"

    bp_unavailable = forms.BooleanField(
        label=_("I don't have a blood pressure monitor"),
        required=False,
        help_text=_("You can still send your answers: a clinician will arrange a reading."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.reading_numbers: list[int] = []
        super().__init__(*args, **kwargs)

    def layout(self) -> Layout:
        readings = [
            Fieldset(
                (
                    format_lazy(_("Reading {number}"), number=number)
                    if number <= BP_READINGS_MIN_FORMAT_2
                    else format_lazy(_("Reading {number} (optional)"), number=number)
                ),
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
                    _(
                        "You ticked that you have no monitor, yet entered readings: untick "
                        "it, or clear the readings."
                    ),
                )
            return super().clean()
        for number in range(1, BP_READINGS_MAX + 1):
            names = [f"{part}_{number}" for part in READING_PARTS]
            given = [name for name in names if data.get(name) is not None]
            if number > BP_READINGS_MIN_FORMAT_2 and not given:
                continue  # an optional reading left empty
            for name in names:
                if name not in given and name not in self.errors:
                    needed, or_clear = ENTER_READING[name.rsplit("_", 1)[0]]
                    message = needed if number <= BP_READINGS_MIN_FORMAT_2 else or_clear
                    self.add_error(name, message)
            top, bottom = data.get(f"systolic_{number}"), data.get(f"diastolic_{number}")
            if top is not None and bottom is not None and top <= bottom:
                self.add_error(
                    f"systolic_{number}",
                    _(
                        "The top number should be higher than the bottom number: check that "
                        "each is in its own box."
                    ),
                )
        data = super().clean()
        self._name_the_readings()
        return data

    def _name_the_readings(self) -> None:
        """Each error of a reading's box says which reading: "Reading 2: enter the top
        number"."""
        for name, errors in self.errors.items():
            part, _, number = name.rpartition("_")
            if part not in READING_LABELS or not number.isdigit():
                continue
            for index, error in enumerate(errors.as_data()):
                text = " ".join(str(m) for m in error.messages)
                prefix = gettext("Reading {number}").format(number=number)
                if not text.startswith(prefix):
                    errors.data[index] = forms.ValidationError(
                        f"{prefix}: {text[:1].lower()}{text[1:]}"
                    )

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


BloodPressureForm.base_fields = {
    f"{part}_{number}": whole_number_in(
        span,
        format_lazy(
            _("{subject} should be between {low} and {high}."),
            subject=subject,
            low=span.low,
            high=span.high,
        ),
        label=label,
        required=False,  # which numbers are needed depends on the monitor: see clean()
        help_text=format_lazy("{} {} {} {}", span.low, _("to"), span.high, unit),
        error_messages={"invalid": _("Enter a whole number, as the monitor shows it.")},
    )
    for number in range(1, BP_READINGS_MAX + 1)
    for part, (label, subject, span, unit) in READING_LABELS.items()
} | BloodPressureForm.base_fields


# Fields generated from the instruments' items, added after each class is made.
