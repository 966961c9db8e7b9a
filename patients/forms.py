"""Account forms: the extra fields a patient gives when signing up."""

from __future__ import annotations

from datetime import date

from django import forms
from django.http import HttpRequest
from django.utils import timezone

from patients.models import User
from patients.services import patient_register


class PatientSignupForm(forms.Form):
    """Added to the accounts library's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    given_name = forms.CharField(label="First name", max_length=150)
    family_name = forms.CharField(label="Last name", max_length=150)
    date_of_birth = forms.DateField(
        label="Date of birth",
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="We use it to work out your age.",
        error_messages={"invalid": "Enter a date, for example 1990-04-23."},
    )
    phone = forms.CharField(
        label="Phone number",
        max_length=32,
        required=False,
        help_text="Optional: so the clinic can call you about your care.",
    )

    def clean_date_of_birth(self) -> date:
        born: date = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born >= today:
            raise forms.ValidationError("Your date of birth must be in the past.")
        if born.year < today.year - 120:
            raise forms.ValidationError("Check the year of your date of birth.")
        return born

    def signup(self, request: HttpRequest, user: User) -> None:
        patient_register(
            user=user,
            given_name=self.cleaned_data["given_name"],
            family_name=self.cleaned_data["family_name"],
            date_of_birth=self.cleaned_data["date_of_birth"],
            phone=self.cleaned_data["phone"],
        )
