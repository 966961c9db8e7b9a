"""Forms of a course: its status, its schedule, a clinician's note; dose and time fields shared
by the pages that record a dose."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from treatment import clock
from treatment.courses.models import ROUTE_CHOICES, SETTING_CHOICES
from treatment.rules import Setting
from treatment.rules.therapy import DOSE_MG_RANGE, Dose, Route


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


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Note",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        error_messages={"required": "Write the note."},
    )
