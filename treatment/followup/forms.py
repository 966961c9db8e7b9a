"""Forms of follow-up: a task taken over or closed, the monthly safety check."""

from __future__ import annotations

from typing import Any

from django import forms

from treatment.checks.forms import _radio
from treatment.courses.models import TRI_STATE_CHOICES
from treatment.followup.models import SAFETY_QUESTIONS


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
