"""The patient's check-in before an at-home dose, in plain words; the instruments verbatim.

The check-in asks what the pre-dose rules need; the C-SSRS screener is its "since last
contact" version (the recent screener's questions, asked about the time since the last
session; the behaviour question without "ever"). The questionnaires due before the dose
are asked inside it."""

from __future__ import annotations

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Div, Fieldset, Layout
from django import forms

from patients.intake import wording
from patients.intake.forms import phq9_gad7_fieldsets
from screening.rules.answers import DIASTOLIC, MEDICATION_CLASSES, SYSTOLIC
from treatment.checks.forms import (
    HEART_RATE,
    MEDICATION_LABELS,
    cssrs_since_last_contact,
    fasting_windows,
    readings_of,
)
from treatment.home.measures import MeasuresAnswers
from treatment.rules import DueMeasure, PreDoseAnswers, Setting

REQUIRED = "Please answer this question."


YES_NO_UNSURE = list(wording.YES_NO_UNSURE)


YES_NO = list(wording.YES_NO)


NUMBER_INPUT = forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})


CSSRS_SINCE_STEM = "Since your last session (before your first session: since your questionnaire):"


CSSRS_SINCE_LAST_CONTACT = {
    "wish_dead": wording.CSSRS_QUESTIONS["wish_dead"],
    "suicidal_thoughts": wording.CSSRS_QUESTIONS["suicidal_thoughts"],
    "method": wording.CSSRS_QUESTIONS["method"],
    "intent": wording.CSSRS_QUESTIONS["intent"],
    "plan": wording.CSSRS_QUESTIONS["plan"],
    "behavior": "Have you done anything, started to do anything, or prepared to do anything "
    "to end your life?",
}


FOLLOW_UPS = ("method", "intent", "plan")


MOOD_CHOICES = [
    ("", "Choose a number"),
    *(
        (n, f"{n}{' (very bad)' if n == 0 else ' (very good)' if n == 10 else ''}")
        for n in range(11)
    ),
]


def _radio(label: str, choices: list[tuple[str, str]], **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        error_messages={"required": REQUIRED},
        **kwargs,
    )


def _number(label: str, low: int, high: int, unit: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=low,
        max_value=high,
        widget=NUMBER_INPUT,
        help_text=f"{low} to {high} {unit}",
        error_messages={
            "required": "Please enter this number.",
            "invalid": "Enter a whole number, as the monitor shows it.",
            "min_value": f"Enter {low} or more: check the monitor's display.",
            "max_value": f"Enter {high} or less: check the monitor's display.",
        },
    )


def _reading_fields(prefix: str = "", suffix: str = "") -> dict[str, forms.Field]:
    return {
        f"systolic{suffix}": _number(
            f"{prefix}Top number (systolic)", SYSTOLIC.low, SYSTOLIC.high, "mmHg"
        ),
        f"diastolic{suffix}": _number(
            f"{prefix}Bottom number (diastolic)", DIASTOLIC.low, DIASTOLIC.high, "mmHg"
        ),
        f"heart_rate{suffix}": _number(
            f"{prefix}Pulse (heart rate)", *HEART_RATE, "beats a minute"
        ),
    }


def _shown_when(field: str, value: str, *fields: str) -> Div:
    """Shown only after `field` is answered `value` (static/js/intake.js); always posted."""
    return Div(*fields, data_show_when=f"{field}:{value}")


def _systolic_above(form: forms.Form, data: dict[str, Any], suffix: str) -> None:
    systolic, diastolic = data.get(f"systolic{suffix}"), data.get(f"diastolic{suffix}")
    if systolic is not None and diastolic is not None and systolic <= diastolic:
        form.add_error(
            f"systolic{suffix}", "The top number is always larger than the bottom number."
        )


class CheckInForm(forms.Form):
    """The pre-session check-in, as the patient answers it at home."""

    new_medicines = _radio(
        "Since your last session, have you started any new medicine, or taken any drug or "
        "other substance?",
        YES_NO_UNSURE,
    )
    medicine_classes = forms.MultipleChoiceField(
        label="Which kinds? Choose every one that applies.",
        required=False,
        choices=[(c, MEDICATION_LABELS[c]) for c in MEDICATION_CLASSES if c != "none"],
        widget=forms.CheckboxSelectMultiple,
    )
    pregnant = _radio("Could you be pregnant?", YES_NO_UNSURE, required=False)
    alcohol_24h = _radio("Have you had any alcohol in the last 24 hours?", YES_NO_UNSURE)
    wish_dead = _radio(CSSRS_SINCE_LAST_CONTACT["wish_dead"], YES_NO)
    suicidal_thoughts = _radio(CSSRS_SINCE_LAST_CONTACT["suicidal_thoughts"], YES_NO)
    method = _radio(CSSRS_SINCE_LAST_CONTACT["method"], YES_NO, required=False)
    intent = _radio(CSSRS_SINCE_LAST_CONTACT["intent"], YES_NO, required=False)
    plan = _radio(CSSRS_SINCE_LAST_CONTACT["plan"], YES_NO, required=False)
    behavior = _radio(
        CSSRS_SINCE_LAST_CONTACT["behavior"], YES_NO, help_text=wording.CSSRS_BEHAVIOR_EXAMPLES
    )
    medicine_names = forms.CharField(
        label="If you know its name, write it here (optional).",
        required=False,
        max_length=200,
        help_text="Any medicine you name here is checked by a clinician before your dose.",
    )
    ate_recently = _radio("Have you eaten anything in the last {food}?", YES_NO_UNSURE)
    drank_recently = _radio("Have you had anything to drink in the last {drink}?", YES_NO_UNSURE)
    mood = forms.TypedChoiceField(
        label="How do you feel today, from 0 (very bad) to 10 (very good)?",
        choices=MOOD_CHOICES,
        coerce=int,
        error_messages={"required": "Please choose a number from 0 to 10."},
    )
    support_person = _radio(
        "Is an adult with you now, sober, and staying for the whole session?", YES_NO_UNSURE
    )
    at_address = _radio("Are you at the address we have on file for your sessions?", YES_NO_UNSURE)

    def __init__(
        self,
        *args: Any,
        pregnancy_relevant: bool = True,
        support_name: str = "",
        address: str = "",
        measures_due: DueMeasure | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.pregnancy_relevant = pregnancy_relevant
        self.measures_due = measures_due
        if not pregnancy_relevant:
            del self.fields["pregnant"]
        if support_name:
            self.fields[
                "support_person"
            ].label = f"Is {support_name} with you now, sober, and staying for the whole session?"
        if address:
            self.fields["at_address"].label = f"Are you at {address}?"
        food, drink = fasting_windows()
        self.fields["ate_recently"].label = f"Have you eaten anything in the last {food}?"
        self.fields["drank_recently"].label = f"Have you had anything to drink in the last {drink}?"
        measures: tuple[Any, ...] = ()
        if measures_due is not None:
            self.fields.update(
                {name: field for name, field in MeasuresForm.base_fields.items() if name != "key"}
            )
            measures = (*measures_layout(f"Questionnaires {measures_due.label}"),)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            Fieldset(
                "Your blood pressure",
                HTML('{% include "treatment/bp_how_to.html" %}'),
                Div("systolic_1", "diastolic_1", "heart_rate_1", css_class="reading"),
                Div("systolic_2", "diastolic_2", "heart_rate_2", css_class="reading"),
            ),
            Fieldset(
                "Since your last session",
                "new_medicines",
                _shown_when("new_medicines", "yes", "medicine_classes", "medicine_names"),
                *(("pregnant",) if pregnancy_relevant else ()),
                "alcohol_24h",
                "ate_recently",
                "drank_recently",
            ),
            *measures,
            Fieldset(
                "Your safety",
                HTML(f'<p class="fw-semibold">{CSSRS_SINCE_STEM}</p>'),
                "wish_dead",
                "suicidal_thoughts",
                _shown_when("suicidal_thoughts", "yes", *FOLLOW_UPS),
                "behavior",
                HTML(f'<p class="form-text">{wording.CSSRS_ATTRIBUTION}</p>'),
            ),
            Fieldset("Today", "mood", "support_person", "at_address"),
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.pregnancy_relevant and not data.get("pregnant") and "pregnant" not in self.errors:
            self.add_error("pregnant", REQUIRED)
        if data.get("suicidal_thoughts") == "yes":
            for name in FOLLOW_UPS:
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, REQUIRED)
        if data.get("new_medicines") == "yes" and not data.get("medicine_classes"):
            self.add_error(
                "medicine_classes",
                "Choose the kind of each new medicine or substance, or “Other, or not sure which”.",
            )
        for n in (1, 2):
            _systolic_above(self, data, f"_{n}")
        return data

    def measures(self) -> MeasuresAnswers | None:
        """The questionnaires answered inside the check-in, when some were due."""
        if self.measures_due is None:
            return None
        data = self.cleaned_data
        return MeasuresAnswers(
            key=self.measures_due.key,
            phq9=[int(data[f"phq9_{n}"]) for n in range(1, 10)],
            gad7=[int(data[f"gad7_{n}"]) for n in range(1, 8)],
            difficulty={
                name: data[f"{name}_difficulty"]
                for name in ("phq9", "gad7")
                if data.get(f"{name}_difficulty")
            },
        )

    def raw(self) -> dict[str, Any]:
        """The answers as kept with the check (JSON); the questionnaires are kept apart."""
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if value not in ("", None) and not name.startswith(("phq9_", "gad7_"))
        }

    def answers(self) -> PreDoseAnswers:
        data = self.cleaned_data
        return PreDoseAnswers(
            setting=Setting.AT_HOME,
            readings=readings_of(data),
            new_medicines=data["new_medicines"],
            medicine_classes=frozenset(data.get("medicine_classes") or ()),
            pregnancy_relevant=self.pregnancy_relevant,
            pregnant=data.get("pregnant") or None,
            # Since the last session is always within the past 3 months.
            cssrs=cssrs_since_last_contact(data, behavior="behavior"),
            alcohol_24h=data["alcohol_24h"],
            ate_recently=data["ate_recently"],
            drank_recently=data["drank_recently"],
            mood=data["mood"],
            support_person=data["support_person"],
            at_address=data["at_address"],
            other_medicine_named=data.get("new_medicines") == "yes"
            and bool(data.get("medicine_names", "").strip()),
        )


CheckInForm.base_fields |= {
    **_reading_fields("First reading: ", "_1"),
    **_reading_fields("Second reading: ", "_2"),
}


def answers_in_words(raw: dict[str, Any], pregnancy_relevant: bool = True) -> list[tuple[str, str]]:
    """A kept at-home check-in's answers as (question, answer), for the clinician."""
    form = CheckInForm(pregnancy_relevant=pregnancy_relevant)
    shown = []
    readings = [n for n in form.fields if n.startswith(("systolic", "diastolic", "heart_rate"))]
    for name in [*readings, *(n for n in form.fields if n not in readings)]:
        field = form.fields[name]
        if name not in raw:
            continue
        value = raw[name]
        choices = dict((str(k), v) for k, v in getattr(field, "choices", []))
        if isinstance(value, list):
            answer = ", ".join(choices.get(str(v), str(v)) for v in value)
        else:
            answer = choices.get(str(value), str(value))
        shown.append((str(field.label), answer))
    return shown


def measures_layout(heading: str = "") -> tuple[Any, ...]:
    """PHQ-9 and GAD-7 as fieldsets, each with its stem, unscored item and attribution."""
    lead = (HTML(f'<h2 class="h5 mt-4">{heading}</h2>'),) if heading else ()
    return (*lead, *phq9_gad7_fieldsets())


class MeasuresForm(forms.Form):
    """PHQ-9 and GAD-7, word for word, each with its unscored item and attribution."""

    key = forms.CharField(widget=forms.HiddenInput)
    phq9_difficulty = _radio(wording.DIFFICULTY_QUESTION, list(wording.DIFFICULTY), required=False)
    gad7_difficulty = _radio(wording.DIFFICULTY_QUESTION, list(wording.DIFFICULTY), required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout("key", *measures_layout())

    def items(self, prefix: str, count: int) -> list[int]:
        return [int(self.cleaned_data[f"{prefix}_{n}"]) for n in range(1, count + 1)]

    def difficulty(self) -> dict[str, str]:
        return {
            name: self.cleaned_data[f"{name}_difficulty"]
            for name in ("phq9", "gad7")
            if self.cleaned_data.get(f"{name}_difficulty")
        }


MeasuresForm.base_fields |= {
    f"{prefix}_{number}": forms.TypedChoiceField(
        label=f"{number}. {item}",
        choices=list(wording.OVER_TWO_WEEKS),
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": REQUIRED},
    )
    for prefix, items in (("phq9", wording.PHQ9_ITEMS), ("gad7", wording.GAD7_ITEMS))
    for number, item in enumerate(items, start=1)
}
