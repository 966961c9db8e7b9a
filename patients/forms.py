"""Account forms: the extra fields a patient gives when signing up."""

from __future__ import annotations

from datetime import date

from django import forms
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from patients.language import supported
from patients.models import User
from patients.services import patient_register
from screening.rules.answers import PHONE_MAX, phone_problem


class PatientSignupForm(forms.Form):
    """Added to the accounts library's sign-up form (ACCOUNT_SIGNUP_FORM_CLASS)."""

    given_name = forms.CharField(label=_("First name"), max_length=150)
    family_name = forms.CharField(label=_("Last name"), max_length=150)
    date_of_birth = forms.DateField(
        label=_("Date of birth"),
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text=_("We use it to work out your age."),
        error_messages={"invalid": _("Enter a date, for example 1990-04-23.")},
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=PHONE_MAX,
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel"}),
        help_text=_(
            "So the clinic can call you about your care, and reach you quickly if "
            "your answers worry us. With the area code, for example (555) 010-0100."
        ),
        error_messages={"required": _("Enter a phone number the clinic can reach you on.")},
    )
    texts_ok = forms.BooleanField(
        label=_("This is a mobile: text me reminders of readings and check-ins"),
        required=False,
        help_text=_(
            "Texts never say anything about your health. You can turn them off on "
            "your account page."
        ),
    )

    def clean_phone(self) -> str:
        phone: str = self.cleaned_data["phone"]
        problem = phone_problem(phone)
        if problem:
            raise forms.ValidationError(problem[0].upper() + problem[1:] + ".")
        return phone

    def clean_date_of_birth(self) -> date:
        born: date = self.cleaned_data["date_of_birth"]
        today = timezone.localdate()
        if born >= today:
            raise forms.ValidationError(_("Your date of birth must be in the past."))
        if born.year < today.year - 120:
            raise forms.ValidationError(_("Check the year of your date of birth."))
        return born

    def signup(self, request: HttpRequest, user: User) -> None:
        patient_register(
            user=user,
            given_name=self.cleaned_data["given_name"],
            family_name=self.cleaned_data["family_name"],
            date_of_birth=self.cleaned_data["date_of_birth"],
            phone=self.cleaned_data["phone"],
            texts_ok=self.cleaned_data.get("texts_ok", False),
            language=supported(get_language()),
        )


class TextsForm(forms.Form):
    texts_ok = forms.BooleanField(
        label=_("Text me reminders of readings and check-ins at this number (a mobile)"),
        required=False,
    )
