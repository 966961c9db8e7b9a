"""The outcomes page's period: two optional dates, checked before any figure is read."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from treatment import clock

EARLIEST = date(2000, 1, 1)


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        input_formats=["%Y-%m-%d"],
        error_messages={"invalid": "Enter a real date as YYYY-MM-DD, such as 2026-03-31."},
    )


class PeriodForm(forms.Form):
    """Courses opened from one date to another, both included; either may be left empty."""

    opened_from = _date_field("Courses opened from")
    opened_to = _date_field("to")

    def clean_opened_from(self) -> date | None:
        return self._in_range(self.cleaned_data.get("opened_from"))

    def clean_opened_to(self) -> date | None:
        return self._in_range(self.cleaned_data.get("opened_to"))

    def _in_range(self, day: date | None) -> date | None:
        if day is not None and not EARLIEST <= day <= clock.today():
            raise forms.ValidationError(
                f"Enter a date from {EARLIEST:%Y-%m-%d} to today ({clock.today():%Y-%m-%d})."
            )
        return day

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        start, end = cleaned.get("opened_from"), cleaned.get("opened_to")
        if start and end and start > end:
            self.add_error("opened_to", "Enter a date on or after the first date.")
        return cleaned
