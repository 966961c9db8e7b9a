"""Forms of the in-clinic session record: the pre-dose check, the dose, observations, the
escort, an early discharge and the assessment after a call."""

from __future__ import annotations

from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Layout
from django import forms
from django.conf import settings

from config.attestation import attestation_field
from patients.mfa_forms import CODE_ATTRS, NumericReauthenticateForm
from patients.models import User
from patients.roles import Role
from screening.rules.answers import DIASTOLIC, MEDICATION_CLASSES, SYSTOLIC
from treatment.checks.forms import (
    HEART_RATE,
    MEDICATION_LABELS,
    REQUIRED,
    YES_NO,
    _number,
    _radio,
    cssrs_since_last_contact,
    fasting_windows,
    readings_of,
)
from treatment.clinic.models import DISSOCIATION_CHOICES, MEDICINE_CHOICES, REMS_MEDICATION_CHOICES
from treatment.courses.forms import _time_field
from treatment.courses.models import TRI_STATE_CHOICES
from treatment.rules import MOAAS_SCALE, PreDoseAnswers, Setting


def _shown_when(field: str, value: str, *fields: str) -> Div:
    """Shown only after `field` is answered `value` (static/js/intake.js); always posted."""
    return Div(*fields, data_show_when=f"{field}:{value}")


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

    weight_kg = forms.FloatField(
        label="Weight (kg)",
        min_value=30,
        max_value=300,
        help_text="Weighed today: the dose by injection is counted in mg per kg.",
        error_messages={"required": "Enter the weight in kg.", "invalid": "Enter a number."},
    )

    def __init__(
        self,
        *args: Any,
        pregnancy_relevant: bool = True,
        weight_needed: bool = False,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.pregnancy_relevant = pregnancy_relevant
        if not pregnancy_relevant:
            del self.fields["pregnant"]
        if not weight_needed:
            del self.fields["weight_kg"]
        food, drink = fasting_windows()
        self.fields["ate_recently"].label = f"Food in the last {food}?"
        self.fields["drank_recently"].label = f"Anything to drink in the last {drink}?"
        # The C-SSRS follow-ups show only after a yes to suicidal thoughts (static/js/intake.js).
        names = list(self.fields)
        follow_ups = ("method", "intent", "plan")
        self.helper = FormHelper(self)
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        self.helper.layout = Layout(
            *names[: names.index("method")],
            _shown_when("suicidal_thoughts", "yes", *follow_ups),
            *(name for name in names[names.index("method") :] if name not in follow_ups),
        )

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


class DischargeForm(forms.Form):
    """The discharge: when, who took the patient home, aftercare, and the attestation."""

    discharged_at = _time_field("Time of discharge")
    escort_name = forms.CharField(
        label="Who took the patient home?",
        max_length=200,
        help_text="The adult who takes them home: they may not drive until tomorrow.",
        error_messages={"required": "Write the name of the adult who took the patient home."},
    )
    aftercare_given = forms.BooleanField(
        label="Aftercare instructions given to the patient and the person taking them home",
        error_messages={"required": "Tick the box once the aftercare instructions are given."},
    )
    reason = forms.CharField(
        label="Reason for an early discharge",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Needed only while the app does not yet say the patient is ready to leave.",
    )
    attest = attestation_field()


class SignForm(forms.Form):
    """Signing a record: the attestation, and the second factor again when the last one is
    older than SIGN_REAUTH_MINUTES (the field is there only then)."""

    attest = attestation_field()
    code = forms.CharField(
        label="Your authenticator code",
        max_length=16,
        help_text="Your last code is more than a few minutes old: enter the current one.",
        widget=forms.TextInput(attrs=CODE_ATTRS),
        error_messages={"required": "Enter the code from your authenticator app."},
    )

    def __init__(self, *args: Any, user: User, ask_code: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.user = user
        self.second_factor: NumericReauthenticateForm | None = None
        if not ask_code:
            del self.fields["code"]
        else:
            minutes = settings.SIGN_REAUTH_MINUTES
            self.fields["code"].help_text = (
                f"Your last code was entered more than {minutes} minutes ago: "
                "enter the current one to sign."
            )

    def clean_code(self) -> str:
        """Checked by allauth as at sign-in; a good code is recorded in the session."""
        code: str = self.cleaned_data["code"]
        checked = NumericReauthenticateForm({"code": code}, user=self.user)
        if not checked.is_valid():
            raise forms.ValidationError("That code is not right: enter the current one.")
        self.second_factor = checked
        return code


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
