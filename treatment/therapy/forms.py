"""Forms of the therapy around each dose: the therapist and focus, the prescribed dose, goals,
the patient's intention and reflection, readiness, integration, a meeting's day."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import timezone

from patients.models import User
from patients.roles import Role
from treatment import clock
from treatment.courses.forms import dose_mg_field, route_field
from treatment.courses.models import FOCUS_CHOICES
from treatment.rules.therapy import MAX_GOALS, Dose, Focus, IntegrationTemplate, Readiness, Route
from treatment.therapy.models import MODALITY_CHOICES, READINESS_CHOICES
from treatment.therapy.notes import DISCUSSED_CHARS, MAX_MINUTES, Meeting
from treatment.therapy.services import GOAL_CHARS, INTENTION_CHARS, REFLECTION_CHARS, SECTION_CHARS


class PrescriptionForm(forms.Form):
    """A change of a session's dose: a new version, with the reason."""

    dose_mg = dose_mg_field("Prescribed dose, in mg")
    route = route_field()
    reason = forms.CharField(
        label="Why the dose changes",
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"required": "Write the reason for the change."},
    )

    def dose(self) -> Dose:
        return Dose(Decimal(self.cleaned_data["dose_mg"]), Route(self.cleaned_data["route"]))


def therapists() -> Any:
    return User.objects.filter(groups__name=Role.THERAPIST.value, is_active=True).order_by(
        "last_name", "first_name", "email"
    )


class TherapistChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.email)


class CourseTherapyForm(forms.Form):
    """The clinician assigns the course's therapist and sets its focus."""

    therapist = TherapistChoice(
        label="Therapist",
        queryset=User.objects.none(),
        required=False,
        empty_label="No therapist yet",
        help_text="Sees only this patient's course, sessions, check-in outcomes, scores and "
        "screening summary, and writes the preparation and integration.",
    )
    focus = forms.ChoiceField(
        label="Focus of the treatment",
        choices=FOCUS_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose the focus."},
        help_text="It chooses the template of the therapist's integration notes.",
    )
    focus_detail = forms.CharField(label="If other, what", max_length=200, required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["therapist"].queryset = therapists()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("focus") == Focus.OTHER and not (data.get("focus_detail") or "").strip():
            self.add_error("focus_detail", "Say what the focus is.")
        return data


def _text_field(label: str, limit: int, required: str, rows: int = 4, **extra: Any) -> Any:
    return forms.CharField(
        label=label,
        max_length=limit,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={
            "required": required,
            "max_length": f"Please keep it under {limit} characters.",
        },
        **extra,
    )


class GoalsForm(forms.Form):
    """Up to three goals, in the patient's own words."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, MAX_GOALS + 1):
            self.fields[f"goal_{number}"] = forms.CharField(
                label=f"Goal {number}",
                max_length=GOAL_CHARS,
                required=False,
                error_messages={"max_length": f"Please keep it under {GOAL_CHARS} characters."},
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not self.errors and not any((data.get(name) or "").strip() for name in self.fields):
            self.add_error("goal_1", "Write at least one goal.")
        return data

    def goals(self) -> list[str]:
        return [self.cleaned_data[f"goal_{n}"] for n in range(1, MAX_GOALS + 1)]


class IntentionForm(forms.Form):
    text = _text_field(
        "Your intention for this session",
        INTENTION_CHARS,
        "Write your intention.",
        help_text="For example: what you hope to understand, feel or let go of. Only you and "
        "your therapist read this.",
    )


class ReflectionForm(forms.Form):
    text = _text_field(
        "Your reflection",
        REFLECTION_CHARS,
        "Write your reflection.",
        help_text="What you noticed during or after the session, and anything you want to "
        "talk about. Your therapist and your clinic's clinicians read this.",
    )


class ReadinessForm(forms.Form):
    readiness = forms.ChoiceField(
        label="Is the patient ready for this dose?",
        choices=READINESS_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose ready or not ready."},
    )
    reason = forms.CharField(
        label="Reason",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text='Needed for "not ready": it holds the dose until you find the patient ready '
        "or a clinician overrides the hold.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("readiness") == Readiness.NOT_READY and not (data.get("reason") or "").strip():
            self.add_error("reason", "Write why the patient is not ready.")
        return data


class MeetingNoteForm(forms.Form):
    """When and how the meeting was held, and what was discussed: a session note."""

    held_on = forms.DateField(
        label="Date of the meeting",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter the date of the meeting.", "invalid": "Enter a date."},
    )
    held_time = forms.TimeField(
        label="Time it started",
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={"required": "Enter the time it started.", "invalid": "Enter a time."},
    )
    duration_minutes = forms.IntegerField(
        label="Duration, in minutes",
        min_value=1,
        max_value=MAX_MINUTES,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Enter how many minutes it lasted.",
            "invalid": "Enter a whole number of minutes.",
            "min_value": f"Enter the minutes, from 1 to {MAX_MINUTES}.",
            "max_value": f"Enter the minutes, from 1 to {MAX_MINUTES}.",
        },
    )
    modality = forms.ChoiceField(
        label="How you met",
        choices=MODALITY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose in person, video or phone."},
    )
    discussed = _text_field(
        "What was discussed", DISCUSSED_CHARS, "Write what was discussed.", rows=3
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("held_on") and data.get("held_time"):
            held_at = timezone.make_aware(datetime.combine(data["held_on"], data["held_time"]))
            if held_at > clock.now():
                self.add_error("held_on", "The meeting cannot be in the future.")
            data["held_at"] = held_at
        return data

    def meeting(self) -> Meeting:
        data = self.cleaned_data
        return Meeting(
            data["held_at"], data["duration_minutes"], data["modality"], data["discussed"]
        )


class IntegrationForm(MeetingNoteForm):
    """The integration's session note: the meeting, then one optional field per section of
    the course's template (left empty: not discussed)."""

    def __init__(self, *args: Any, template: IntegrationTemplate, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.template = template
        self.fields["discussed"].required = False
        for section in template.sections:
            self.fields[section.key] = forms.CharField(
                label=section.label,
                max_length=SECTION_CHARS,
                required=False,
                widget=forms.Textarea(attrs={"rows": 3}),
                error_messages={"max_length": f"Please keep it under {SECTION_CHARS} characters."},
                help_text=f"{section.prompt} Leave empty if not discussed.",
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        texts = [data.get(key) or "" for key in (*self.template.keys, "discussed")]
        if not self.errors and not any(text.strip() for text in texts):
            self.add_error("discussed", "Write what was discussed, or at least one part.")
        return data

    def sections(self) -> dict[str, str]:
        return {key: self.cleaned_data[key] for key in self.template.keys}


class MeetingDayForm(forms.Form):
    """Another day for a preparation or integration meeting (prefixed by its kind)."""

    day = forms.DateField(
        label="Move to",
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"required": "Enter a date.", "invalid": "Enter a date."},
    )
