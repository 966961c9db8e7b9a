"""The steps of the medical history and the medicines taken, by everyday names."""

from __future__ import annotations

from typing import Any

from crispy_forms.layout import Column, Fieldset, Layout, Row
from django import forms
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from patients.intake import wording
from patients.intake.forms.base import Answers, StepForm, described, shown_when, yes_no_unsure
from screening.rules.answers import MEDICATION_NAME_MAX, MEDICATIONS_OTHER_MAX

# Not an answer of the engine (it ignores keys it does not know): for each medicine class
# ticked, what the patient takes of it, for the prescriber. A list of records such as
# {"class": "ssri_snri", "name": "Sertraline", "dose": "50 mg", "frequency": "once_daily"},
# each part optional; only the classes ticked, only the parts given.
DETAILS = "medication_details"
DETAIL_PARTS = ("name", "dose", "frequency")
DOSE_MAX = 40
# The classes asked about in detail: every class but "other" (its lines name the medicines).
DETAILED_CLASSES = tuple(
    (value, name) for value, name, _about in wording.MEDICATIONS if value != "other"
)


def detail_field(medicine_class: str, part: str) -> str:
    return f"{medicine_class}_{part}"


def _short_text(label: Any, most: int, help_text: Any, too_long: Any) -> forms.CharField:
    """An optional box of at most `most` characters; `too_long` names `{most}`."""
    return forms.CharField(
        label=label,
        max_length=most,
        required=False,
        help_text=help_text,
        error_messages={"max_length": format_lazy(too_long, most=most)},
    )


def _detail_fields() -> dict[str, forms.Field]:
    fields: dict[str, forms.Field] = {}
    for value, _label in DETAILED_CLASSES:
        fields[detail_field(value, "name")] = _short_text(
            _("Its name"),
            MEDICATION_NAME_MAX,
            _("If you know it: as on the label, for example Sertraline."),
            _("Please keep the name to {most} characters."),
        )
        fields[detail_field(value, "dose")] = _short_text(
            _("The dose"),
            DOSE_MAX,
            _("For example 50 mg."),
            _("Please keep the dose to {most} characters."),
        )
        fields[detail_field(value, "frequency")] = forms.ChoiceField(
            label=_("How often"),
            choices=(
                ("", _("Choose…")),
                *((code, _(words)) for code, words in wording.MEDICATION_FREQUENCIES),
            ),
            required=False,
            error_messages={"invalid_choice": _("Choose how often from the list.")},
        )
    return fields


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
    keys = ("medications", "medications_other", DETAILS)

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
                "A name on the label is enough; add the dose and how often if you know them, "
                "for example “Omeprazole 20 mg once a day”."
            ),
            most=MEDICATIONS_OTHER_MAX,
            characters=MEDICATION_NAME_MAX,
        ),
    )

    def layout(self) -> Layout:
        details = [
            shown_when(
                "medications",
                value,
                fields=(
                    Fieldset(
                        format_lazy(_("{name}: what you take"), name=_(name)),
                        Row(
                            Column(detail_field(value, "name"), css_class="col-sm-5"),
                            Column(detail_field(value, "dose"), css_class="col-sm-3"),
                            Column(detail_field(value, "frequency"), css_class="col-sm-4"),
                        ),
                    ),
                ),
            )
            for value, name in DETAILED_CLASSES
        ]
        return Layout(
            "medications",
            "none_of_these",
            *details,
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
        for record in answers.get(DETAILS) or []:
            if isinstance(record, dict):
                for part in DETAIL_PARTS:
                    if record.get(part):
                        initial[detail_field(str(record.get("class")), part)] = record[part]
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
        ticked = set(data.get("medications") or [])
        for value, _label in DETAILED_CLASSES:
            if value not in ticked:  # hidden boxes: whatever is in them does not count
                for part in DETAIL_PARTS:
                    self.errors.pop(detail_field(value, part), None)
                    data.pop(detail_field(value, part), None)
        return super().clean()

    @staticmethod
    def names(data: dict[str, Any]) -> list[str]:
        return [line.strip() for line in (data.get("medications_other") or "").splitlines()]

    def answers_from(self, data: dict[str, Any]) -> Answers:
        answers: Answers = {"medications": list(data.get("medications") or []) or ["none"]}
        names = [name for name in self.names(data) if name]
        if "other" in answers["medications"] and names:
            answers["medications_other"] = names
        details = []
        for value, _label in DETAILED_CLASSES:
            if value not in answers["medications"]:
                continue  # the boxes of a class not ticked are hidden: they do not count
            parts = {
                part: text
                for part in DETAIL_PARTS
                if (text := (data.get(detail_field(value, part)) or "").strip())
            }
            if parts:
                details.append({"class": value, **parts})
        if details:
            answers[DETAILS] = details
        return answers


MedicationsForm.base_fields = MedicationsForm.base_fields | _detail_fields()
