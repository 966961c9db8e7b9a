"""Forms of a course: its status, its schedule, a clinician's note; dose and time fields shared
by the pages that record a dose."""

from __future__ import annotations

from datetime import date, datetime, time
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from treatment import clock
from treatment.courses.closures import closed_reason
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


STATUS_ACTIONS = {
    # the changes that apply to a course in each status: none once it has ended
    "open": ("pause", "end"),
    "paused": ("resume", "end"),
    "ended": (),
}
ACTION_LABELS = {
    "pause": "Pause the course",
    "resume": "Resume the course",
    "end": "End the course",
}


class CourseStatusForm(forms.Form):
    """Pause, resume or end, offering only the changes that apply to the course's status
    (every change when the status is not given)."""

    action = forms.ChoiceField(
        label="Change",
        choices=list(ACTION_LABELS.items()),
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a change.",
            "invalid_choice": "Choose one of the changes offered.",
        },
    )
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Write the reason."},
    )

    def __init__(self, *args: Any, status: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if status is not None:
            field = self.fields["action"]
            if isinstance(field, forms.ChoiceField):
                field.choices = [(a, ACTION_LABELS[a]) for a in STATUS_ACTIONS.get(status, ())]


def whole(value: Decimal | None) -> str | None:
    """A dose as the clinician would write it: 200, not 200.0; 12.5 stays 12.5."""
    if value is None:
        return None
    return f"{value.normalize():f}" if value == value.to_integral_value() else str(value)


class ScheduleForm(forms.Form):
    """Dates chosen by the clinician; the default of six over three weeks is offered. Each
    session added carries the prescribed dose and route (changed later per session)."""

    ROWS = 8

    def __init__(
        self,
        *args: Any,
        default_setting: str,
        offered: list[date],
        dose: Dose | None = None,
        **kwargs: Any,
    ):
        super().__init__(*args, **kwargs)
        self.fields["dose_mg"] = dose_mg_field("Prescribed dose of each session (mg)")
        if dose is not None:  # the course's latest prescription, offered again
            self.fields["dose_mg"].initial = whole(dose.mg)
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
        if dose is not None:
            self.fields["route"].initial = dose.route.value

    def clean(self) -> dict[str, Any]:
        """A date in the past, or in the clinic on a day it is closed, is refused beside its
        field."""
        data = super().clean() or {}
        today = clock.today()
        for index in range(self.ROWS):
            day, setting = data.get(f"date_{index}"), data.get(f"setting_{index}")
            if day and day < today:
                self.add_error(f"date_{index}", "A session cannot be scheduled in the past.")
            elif day and setting:
                closed = closed_reason(day, setting)
                if closed:
                    self.add_error(f"date_{index}", closed)
        return data

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
