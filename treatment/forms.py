"""Forms of the course of treatment. Validation of meaning lives in the rules and services."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django import forms
from django.conf import settings
from django.utils import timezone

from patients.models import User
from patients.roles import Role
from screening.rules.answers import (
    DIASTOLIC,
    MEDICATION_CLASSES,
    SYSTOLIC,
    Cssrs,
)
from treatment import clock
from treatment.models import (
    DISSOCIATION_CHOICES,
    MEDICINE_CHOICES,
    REMS_MEDICATION_CHOICES,
    ROUTE_CHOICES,
    SAFETY_QUESTIONS,
    SETTING_CHOICES,
    TRI_STATE_CHOICES,
)
from treatment.rules import MOAAS_SCALE, PreDoseAnswers, Reading, Setting
from treatment.rules.therapy import DOSE_MG_RANGE, Dose, Route

REQUIRED = "Answer this question."
YES_NO = [("yes", "Yes"), ("no", "No")]
MEDICATION_LABELS = {
    "maoi": "MAOI antidepressant",
    "stimulant": "Stimulant (e.g. for ADHD)",
    "opioid": "Opioid pain medicine",
    "benzodiazepine": "Benzodiazepine",
    "other_sedative": "Other sedative or sleeping medicine",
    "lamotrigine": "Lamotrigine",
    "antipsychotic": "Antipsychotic",
    "lithium": "Lithium",
    "antihypertensive": "Blood pressure medicine",
    "ssri_snri": "SSRI or SNRI antidepressant",
    "bupropion": "Bupropion",
    "tricyclic": "Tricyclic antidepressant",
    "other": "Other, or not sure which",
}
HEART_RATE = (30, 220)


def _radio(label: str, choices: list[tuple[str, str]], required: bool = True) -> forms.Field:
    return forms.ChoiceField(
        label=label,
        choices=choices,
        widget=forms.RadioSelect,
        required=required,
        error_messages={"required": REQUIRED},
    )


def literal(message: str) -> str:
    """A message as written: Django formats a validator's message with `%`, so a unit such
    as "%" would break it (and the page) unless doubled."""
    return message.replace("%", "%%")


def _number(label: str, low: int, high: int, unit: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=low,
        max_value=high,
        error_messages={
            "required": "Enter a value.",
            "invalid": "Enter a whole number.",
            "min_value": literal(f"Enter {low} or more{' ' + unit if unit else ''}."),
            "max_value": literal(f"Enter {high} or less{' ' + unit if unit else ''}."),
        },
    )


def dose_mg_field(label: str = "Dose (mg)") -> forms.DecimalField:
    low, high = DOSE_MG_RANGE
    return forms.DecimalField(
        label=label,
        min_value=low,
        max_value=high,
        decimal_places=1,
        error_messages={
            "required": "Enter the dose in mg.",
            "invalid": "Enter a number.",
            "min_value": f"Enter {low} mg or more.",
            "max_value": f"Enter {high} mg or less.",
            "max_decimal_places": "Enter the dose to one decimal place at most.",
        },
    )


def route_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label="Route",
        choices=[("", "Choose"), *ROUTE_CHOICES],
        error_messages={"required": "Choose the route."},
    )


def _window_words(minutes: int) -> str:
    """A fasting window in the clinic's words: "2 hours", "hour", "90 minutes"."""
    if minutes % 60:
        return f"{minutes} minutes"
    return "hour" if minutes == 60 else f"{minutes // 60} hours"


def fasting_windows() -> tuple[str, str]:
    """The clinic's fasting windows for food and drink, in words, at home and in the clinic."""
    return (
        _window_words(settings.CLINIC_FOOD_WINDOW_MINUTES),
        _window_words(settings.CLINIC_DRINK_WINDOW_MINUTES),
    )


def readings_of(data: dict[str, Any]) -> tuple[Reading, ...]:
    """The two readings of a pre-dose check, at home or in the clinic."""
    return tuple(
        Reading(data[f"systolic_{n}"], data[f"diastolic_{n}"], data[f"heart_rate_{n}"])
        for n in (1, 2)
    )


def cssrs_since_last_contact(data: dict[str, Any], *, behavior: str) -> Cssrs:
    """The C-SSRS screener of a pre-dose check. An answer left out is missing (None), never
    a "no": the check rules then never say go."""

    def flag(name: str) -> bool | None:
        value = data.get(name)
        return None if not value else value == "yes"

    thoughts = flag("suicidal_thoughts")
    return Cssrs(
        wish_dead=flag("wish_dead"),
        suicidal_thoughts=thoughts,
        method=flag("method") if thoughts else False,
        intent=flag("intent") if thoughts else False,
        plan=flag("plan") if thoughts else False,
        behavior_3_months=flag(behavior),
    )


class PreDoseForm(forms.Form):
    """The in-clinic pre-dose check: the same questions the at-home check-in asks."""

    systolic_1 = _number("Reading 1: systolic", SYSTOLIC.low, SYSTOLIC.high, "mmHg")
    diastolic_1 = _number("Reading 1: diastolic", DIASTOLIC.low, DIASTOLIC.high, "mmHg")
    heart_rate_1 = _number("Reading 1: heart rate", *HEART_RATE, unit="bpm")
    systolic_2 = _number("Reading 2: systolic", SYSTOLIC.low, SYSTOLIC.high, "mmHg")
    diastolic_2 = _number("Reading 2: diastolic", DIASTOLIC.low, DIASTOLIC.high, "mmHg")
    heart_rate_2 = _number("Reading 2: heart rate", *HEART_RATE, unit="bpm")
    new_medicines = _radio("Any new medicine or substance since the last visit?", TRI_STATE_CHOICES)
    medicine_classes = forms.MultipleChoiceField(
        label="Which kinds of new medicine?",
        required=False,
        choices=[(c, MEDICATION_LABELS[c]) for c in MEDICATION_CLASSES if c != "none"],
        widget=forms.CheckboxSelectMultiple,
    )
    pregnant = _radio("Pregnant, or could be pregnant?", TRI_STATE_CHOICES, required=False)
    wish_dead = _radio(
        "Since the last visit: wished to be dead, or to go to sleep and not wake up?", YES_NO
    )
    suicidal_thoughts = _radio("Since the last visit: any thoughts of killing themselves?", YES_NO)
    method = _radio("Thought about how they might do this?", YES_NO, required=False)
    intent = _radio("Any intention of acting on these thoughts?", YES_NO, required=False)
    plan = _radio(
        "Worked out the details of a plan, and intend to carry it out?", YES_NO, required=False
    )
    behavior_3_months = _radio(
        "Since the last visit: done, started or prepared anything to end their life?", YES_NO
    )
    alcohol_24h = _radio("Alcohol in the last 24 hours?", TRI_STATE_CHOICES)
    ate_recently = _radio("Food in the last {food}?", TRI_STATE_CHOICES)
    drank_recently = _radio("Anything to drink in the last {drink} minutes?", TRI_STATE_CHOICES)
    ride_home = _radio(
        "Is an adult taking them home? (They may not drive until tomorrow.)", TRI_STATE_CHOICES
    )

    def __init__(self, *args: Any, pregnancy_relevant: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pregnancy_relevant = pregnancy_relevant
        if not pregnancy_relevant:
            del self.fields["pregnant"]
        food, drink = fasting_windows()
        self.fields["ate_recently"].label = f"Food in the last {food}?"
        self.fields["drank_recently"].label = f"Anything to drink in the last {drink}?"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.pregnancy_relevant and not data.get("pregnant") and "pregnant" not in self.errors:
            self.add_error("pregnant", REQUIRED)
        if data.get("suicidal_thoughts") == "yes":
            for name in ("method", "intent", "plan"):
                if not data.get(name) and name not in self.errors:
                    self.add_error(name, REQUIRED)
        if data.get("new_medicines") == "yes" and not data.get("medicine_classes"):
            self.add_error("medicine_classes", "Choose the kind of each new medicine.")
        for number in (1, 2):
            systolic, diastolic = data.get(f"systolic_{number}"), data.get(f"diastolic_{number}")
            if systolic is not None and diastolic is not None and systolic <= diastolic:
                self.add_error(f"systolic_{number}", "The systolic is above the diastolic.")
        return data

    def raw(self) -> dict[str, Any]:
        """The answers as kept with the check (JSON)."""
        return {name: value for name, value in self.cleaned_data.items() if value not in ("", None)}

    def answers(self) -> PreDoseAnswers:
        data = self.cleaned_data
        return PreDoseAnswers(
            setting=Setting.IN_CLINIC,
            readings=readings_of(data),
            new_medicines=data["new_medicines"],
            medicine_classes=frozenset(data.get("medicine_classes") or ()),
            pregnancy_relevant=self.pregnancy_relevant,
            pregnant=data.get("pregnant") or None,
            cssrs=cssrs_since_last_contact(data, behavior="behavior_3_months"),
            alcohol_24h=data["alcohol_24h"],
            ate_recently=data["ate_recently"],
            drank_recently=data["drank_recently"],
            ride_home=data["ride_home"],
        )


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Write the reason."},
    )


class OverrideForm(ReasonForm):
    """A clinician's override of a hold; at home a possible pregnancy needs today's test."""

    negative_test_on = forms.DateField(
        label="Date of a negative pregnancy test",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Needed to override a possible pregnancy at home: a test taken today.",
        error_messages={"invalid": "Enter a date such as 2026-03-09."},
    )


class OptionalReasonForm(forms.Form):
    reason = forms.CharField(
        label="Reason for an early discharge",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed only while the app does not yet say the patient is ready to leave.",
    )


def _time_field(label: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": "Enter the time.", "invalid": "Enter a time such as 09:45."},
    )


def on_day(day: date, moment: time) -> datetime:
    """A local time of day on the session's day, as an aware datetime."""
    return timezone.make_aware(datetime.combine(day, moment))


def now_hhmm() -> str:
    return timezone.localtime(clock.now()).strftime("%H:%M")


class DoseForm(forms.Form):
    medicine = forms.ChoiceField(
        label="Medicine",
        choices=[("", "Choose"), *MEDICINE_CHOICES],
        error_messages={"required": "Choose the medicine."},
    )
    dose_mg = forms.DecimalField(
        label="Dose (mg)",
        min_value=0.1,
        max_value=1000,
        decimal_places=1,
        error_messages={"required": "Enter the dose in mg.", "invalid": "Enter a number."},
    )
    lot_number = forms.CharField(
        label="Lot number", max_length=64, error_messages={"required": "Enter the lot number."}
    )
    dosed_at = _time_field("Time given (t0)")
    rems_medications = forms.MultipleChoiceField(
        label="Does the patient take any of these?",
        choices=REMS_MEDICATION_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose the medicines taken, or none of these."},
    )

    def clean_rems_medications(self) -> list[str]:
        chosen: list[str] = self.cleaned_data["rems_medications"]
        if "none" in chosen and len(chosen) > 1:
            raise forms.ValidationError("“None of these” cannot go with a medicine.")
        return chosen


class ObservationForm(forms.Form):
    taken_at = _time_field("Time taken")
    systolic = _number("Systolic", SYSTOLIC.low, SYSTOLIC.high, "mmHg")
    diastolic = _number("Diastolic", DIASTOLIC.low, DIASTOLIC.high, "mmHg")
    heart_rate = _number("Heart rate", *HEART_RATE, unit="bpm")
    spo2 = _number("SpO2 (%)", 50, 100, "%")
    moaas = forms.TypedChoiceField(
        label="Sedation (MOAA/S)",
        coerce=int,
        choices=[("", "Choose"), *[(n, str(n)) for n in reversed(MOAAS_SCALE)]],
        help_text="5 awake and responds readily to name; 0 no response to a painful stimulus.",
        error_messages={"required": "Choose the MOAA/S score."},
    )
    dissociation = forms.ChoiceField(
        label="Dissociation",
        choices=[("", "Choose"), *DISSOCIATION_CHOICES],
        error_messages={"required": "Choose the level of dissociation."},
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        systolic, diastolic = data.get("systolic"), data.get("diastolic")
        if systolic is not None and diastolic is not None and systolic <= diastolic:
            self.add_error("systolic", "The systolic is above the diastolic.")
        return data


class EscortForm(forms.Form):
    escort_present = _radio("Is the escort who takes the patient home present?", YES_NO)


class CourseStatusForm(forms.Form):
    action = forms.ChoiceField(
        label="Change",
        choices=[
            ("pause", "Pause the course"),
            ("resume", "Resume the course"),
            ("end", "End the course"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a change."},
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Write the reason."},
    )


class ScheduleForm(forms.Form):
    """Dates chosen by the clinician; the default of six over three weeks is offered. Each
    session added carries the prescribed dose and route (changed later per session)."""

    ROWS = 8

    def __init__(self, *args: Any, default_setting: str, offered: list[date], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields["dose_mg"] = dose_mg_field("Prescribed dose of each session (mg)")
        self.fields["route"] = route_field()
        for index in range(self.ROWS):
            day = offered[index] if index < len(offered) else None
            self.fields[f"date_{index}"] = forms.DateField(
                label=f"Session date {index + 1}",
                required=False,
                initial=day,
                widget=forms.DateInput(attrs={"type": "date"}),
                error_messages={"invalid": "Enter a date."},
            )
            self.fields[f"setting_{index}"] = forms.ChoiceField(
                label=f"Setting {index + 1}",
                choices=SETTING_CHOICES,
                initial=default_setting,
            )

    def rows(self) -> list[tuple[date, Setting]]:
        data = self.cleaned_data
        return [
            (data[f"date_{index}"], Setting(data[f"setting_{index}"]))
            for index in range(self.ROWS)
            if data.get(f"date_{index}")
        ]

    def dose(self) -> Dose:
        return Dose(self.cleaned_data["dose_mg"], Route(self.cleaned_data["route"]))

    def pairs(self) -> list[tuple[forms.BoundField, forms.BoundField]]:
        return [(self[f"date_{i}"], self[f"setting_{i}"]) for i in range(self.ROWS)]


class SafetyCheckForm(forms.Form):
    """The monthly long-term safety check, in plain words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, label in SAFETY_QUESTIONS:
            self.fields[name] = _radio(label, TRI_STATE_CHOICES)

    def answers(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name, _ in SAFETY_QUESTIONS}


class TaskForm(forms.Form):
    action = forms.ChoiceField(choices=[("claim", "Take over"), ("close", "Close")])
    resolution = forms.CharField(
        label="What was done", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


def clinicians() -> Any:
    return (
        User.objects.filter(is_active=True, groups__name=Role.CLINICIAN.value)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


class ClinicianChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.email)


class CallAssessmentForm(forms.Form):
    """In the clinic, a pre-dose check after a call on the same session says who assessed
    the patient and what changed since the call (shown with the check, prefix "assessment")."""

    assessed_by = ClinicianChoice(
        label="Who assessed the patient after the call?",
        queryset=User.objects.none(),
        error_messages={"required": "Choose who assessed the patient."},
    )
    assessment = forms.CharField(
        label="What changed since the call?",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the assessment found, and why dosing may now be considered.",
        error_messages={"required": "Write what changed since the call."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field: Any = self.fields["assessed_by"]
        field.queryset = clinicians()
