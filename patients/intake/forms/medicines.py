"""The steps of the medical history and the medicines taken, by everyday names."""

from __future__ import annotations

from typing import Any

from crispy_forms.layout import Layout
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from patients.intake.forms.base import Answers, StepForm, described, shown_when, yes_no_unsure
from screening.rules.answers import MEDICATION_NAME_MAX, MEDICATIONS_OTHER_MAX


class MedicalHistoryForm(StepForm):
    slug = "medical-history"
    title = _("Medical history")
    keys = ("conditions", "hypertension_treated", "ketamine_hypersensitivity")

    conditions = forms.MultipleChoiceField(
        label=_("Has a doctor ever told you that you have any of these?"),
        choices=described("CONDITIONS"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Tick every one that applies, or “None of these” below."),
    )
    none_of_these = forms.BooleanField(label=_("None of these"), required=False)
    hypertension_treated = yes_no_unsure(
        _("Is your high blood pressure treated, for example with medicine?"),
        required=False,
        help_text=_("The next page asks which medicines you take."),
    )
    ketamine_hypersensitivity = yes_no_unsure(
        _("Have you ever had an allergy or a bad reaction to ketamine or esketamine (Spravato)?")
    )

    def layout(self) -> Layout:
        return Layout(
            "conditions",
            "none_of_these",
            shown_when("conditions", "hypertension", fields=("hypertension_treated",)),
            "ketamine_hypersensitivity",
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial = super().initial_from(answers)
        if answers.get("conditions") == []:
            initial["none_of_these"] = True
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data.get("conditions") and data.get("none_of_these"):
            self.add_error(
                "none_of_these",
                _("You ticked “None of these” and a condition: untick one or the other."),
            )
        elif not data.get("conditions") and not data.get("none_of_these"):
            self.add_error(
                "conditions", _("Tick the conditions that apply, or tick “None of these”.")
            )
        if "hypertension" in (data.get("conditions") or []):
            self.require(data, "hypertension_treated")
        return super().clean()

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers = super().answers_from(data)
        answers["conditions"] = list(data.get("conditions") or [])
        if "hypertension" not in answers["conditions"]:
            answers.pop("hypertension_treated", None)
        return answers


class MedicationsForm(StepForm):
    slug = "medications"
    title = _("Medicines")
    keys = ("medications", "medications_other")

    medications = forms.MultipleChoiceField(
        label=_("Which of these do you take now, every day or now and then?"),
        choices=described("MEDICATIONS"),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_(
            "Tick every kind that applies, or “None of these” below. Some medicines "
            "change how ketamine works or how safe it is."
        ),
    )
    none_of_these = forms.BooleanField(label=_("None of these"), required=False)
    medications_other = forms.CharField(
        label=_("Which other medicines do you take?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=format_lazy(
            _(
                "One medicine a line, up to {most}, each up to {characters} characters. "
                "A name on the label is enough."
            ),
            most=MEDICATIONS_OTHER_MAX,
            characters=MEDICATION_NAME_MAX,
        ),
    )

    def layout(self) -> Layout:
        return Layout(
            "medications",
            "none_of_these",
            shown_when("medications", "other", fields=("medications_other",)),
        )

    @classmethod
    def initial_from(cls, answers: Answers) -> dict[str, Any]:
        initial: dict[str, Any] = {}
        medications = answers.get("medications")
        if medications == ["none"]:
            initial["none_of_these"] = True
        elif medications:
            initial["medications"] = medications
        if answers.get("medications_other"):
            initial["medications_other"] = "\n".join(answers["medications_other"])
        return initial

    def clean(self) -> dict[str, Any]:
        data = self.cleaned_data
        if data.get("medications") and data.get("none_of_these"):
            self.add_error(
                "none_of_these",
                _("You ticked “None of these” and a medicine: untick one or the other."),
            )
        elif not data.get("medications") and not data.get("none_of_these"):
            self.add_error(
                "medications", _("Tick the medicines you take, or tick “None of these”.")
            )
        if "other" in (data.get("medications") or []) and not self.names(data):
            self.add_error("medications_other", _("Write the name of the other medicine."))
        return super().clean()

    @staticmethod
    def names(data: dict[str, Any]) -> list[str]:
        return [line.strip() for line in (data.get("medications_other") or "").splitlines()]

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers: Answers = {"medications": list(data.get("medications") or []) or ["none"]}
        names = [name for name in self.names(data) if name]
        if "other" in answers["medications"] and names:
            answers["medications_other"] = names
        return answers
