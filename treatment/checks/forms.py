"""What every pre-dose form shares: the readings, the C-SSRS "since last contact", the fasting
windows in words, and the reason (and, at home, the negative test) of an override."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings

from screening.rules.answers import Cssrs
from treatment.rules import Reading

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
