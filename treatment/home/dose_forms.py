"""The patient's forms after the dose: its time, each reading with the support person's
answers, and side effects."""

from __future__ import annotations

from typing import Any

from django import forms

from treatment.home.forms import YES_NO_UNSURE, _radio, _reading_fields, _systolic_above
from treatment.rules import SIDE_EFFECT_LABELS, HomeReading, Severity, SideEffect, Slot


class StartForm(forms.Form):
    time = forms.TimeField(
        label="What time did you take your dose?",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"required": "Enter the time.", "invalid": "Enter a time such as 09:45."},
    )


class ReadingForm(forms.Form):
    """One after-dose reading, and the support person's two answers about the patient."""

    slot = forms.ChoiceField(choices=[(s.value, s.value) for s in Slot], widget=forms.HiddenInput)
    wakes_easily = _radio(
        "Support person: can the patient be woken easily, and answer you?", YES_NO_UNSURE
    )
    breathing_normal = _radio(
        "Support person: is the patient's breathing normal (not slow, shallow or noisy)?",
        YES_NO_UNSURE,
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        _systolic_above(self, data, "")
        return data

    def reading(self) -> HomeReading:
        data = self.cleaned_data
        return HomeReading(
            data["systolic"],
            data["diastolic"],
            data["heart_rate"],
            data["wakes_easily"],
            data["breathing_normal"],
        )


ReadingForm.base_fields = {**_reading_fields(), **ReadingForm.base_fields}


NO_EFFECT = "none"


SEVERITY_CHOICES = [
    (NO_EFFECT, "No"),
    (Severity.MILD.value, "Mild"),
    (Severity.MODERATE.value, "Moderate"),
    (Severity.SEVERE.value, "Severe"),
]


class SideEffectsForm(forms.Form):
    """Each side effect of the fixed list, with how bad it is."""

    other_description = forms.CharField(
        label="What was the other side effect?", required=False, max_length=200
    )

    def __init__(
        self, *args: Any, reported: dict[SideEffect, tuple[str, str]] | None = None, **kwargs: Any
    ) -> None:
        """`reported`: each effect's latest report (severity, description), shown as it is."""
        super().__init__(*args, **kwargs)
        reported = reported or {}
        for effect in SideEffect:
            severity = reported.get(effect, (NO_EFFECT, ""))[0]
            self.fields[effect.value] = _radio(
                SIDE_EFFECT_LABELS[effect], SEVERITY_CHOICES, initial=severity
            )
        if SideEffect.OTHER in reported:
            self.fields["other_description"].initial = reported[SideEffect.OTHER][1]
        self.order_fields([*(e.value for e in SideEffect), "other_description"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        other = data.get(SideEffect.OTHER.value)
        if other and other != NO_EFFECT and not data.get("other_description", "").strip():
            self.add_error("other_description", "Say what the other side effect is.")
        return data

    def effects(self) -> list[tuple[SideEffect, Severity, str]]:
        data = self.cleaned_data
        return [
            (effect, Severity(data[effect.value]), data.get("other_description", ""))
            for effect in SideEffect
            if data[effect.value] != NO_EFFECT
        ]
